/**
 * What must change in an environment so its database matches the definitions: pure, so the same
 * plan is printed by `--dry-run` and carried out by `setup-database`.
 */
import type { CollectionDefinition, IndexDefinition } from './database-definitions';

/** An index as the environment reports it (directions as strings, e.g. "1", "-1", "2dsphere"). */
export interface ExistingIndex {
  name: string;
  keys: { field: string; direction: string }[];
  unique: boolean;
}

/** A collection's security rule as the environment reports it (DescribeSafeRule): its ACL tag and, for CUSTOM, the rule text. */
export interface ExistingRule {
  aclTag: string;
  rule: string;
}

/** A collection in the environment: its indexes and rule. */
export interface ExistingCollection {
  indexes: readonly ExistingIndex[];
  /** Null when it could not be read because the collection is only about to be made. */
  rule: ExistingRule | null;
}

/** Each collection's state in the environment, or null when the collection does not exist. */
export type ExistingCollections = ReadonlyMap<string, ExistingCollection | null>;

export type DatabaseStep =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'dropIndexes'; collection: string; names: string[] }
  | { kind: 'createIndexes'; collection: string; indexes: IndexDefinition[] }
  | { kind: 'setSecurityRule'; collection: string; rule: string };

export interface DatabasePlan {
  steps: DatabaseStep[];
  /** Indexes the environment has and the definitions do not name: left alone, reported. */
  extraIndexes: { collection: string; name: string }[];
}

/** CloudBase's own index on `_id`, always there. */
const BUILT_IN_INDEX = '_id_';

function sameIndex(wanted: IndexDefinition, existing: ExistingIndex): boolean {
  return (
    wanted.unique === existing.unique &&
    wanted.keys.length === existing.keys.length &&
    wanted.keys.every((key, position) => key.field === existing.keys[position].field && String(key.direction) === existing.keys[position].direction)
  );
}

/** Whether the environment's rule is already ours: custom, and the same JSON. */
export function sameRule(existing: ExistingRule | null, wanted: string): boolean {
  if (!existing || existing.aclTag !== 'CUSTOM') return false;
  try {
    return JSON.stringify(JSON.parse(existing.rule)) === JSON.stringify(JSON.parse(wanted));
  } catch {
    return false;
  }
}

/**
 * Collections that are missing are created with all their indexes; an index whose keys or
 * uniqueness changed is dropped and created again under its name. Every collection and index comes
 * first; the security rules come last, each only where the environment's differs, so a refused rule
 * call can never leave collections unmade. `prefix` names the collections as the store sees them
 * (the live test suite uses a fresh one).
 */
export function planDatabase(collections: readonly CollectionDefinition[], existing: ExistingCollections, rule: string, prefix = ''): DatabasePlan {
  const schema: DatabaseStep[] = [];
  const rules: DatabaseStep[] = [];
  const extraIndexes: DatabasePlan['extraIndexes'] = [];
  for (const definition of collections) {
    const collection = prefix + definition.collection;
    const current = existing.get(collection) ?? null;
    if (current === null) schema.push({ kind: 'createCollection', collection });
    const byName = new Map((current?.indexes ?? []).map((index) => [index.name, index]));
    const changed = definition.indexes.filter((index) => byName.has(index.name) && !sameIndex(index, byName.get(index.name) as ExistingIndex));
    const missing = definition.indexes.filter((index) => !byName.has(index.name) || changed.includes(index));
    if (changed.length > 0) schema.push({ kind: 'dropIndexes', collection, names: changed.map((index) => index.name) });
    if (missing.length > 0) schema.push({ kind: 'createIndexes', collection, indexes: missing });
    const named = new Set(definition.indexes.map((index) => index.name));
    for (const index of current?.indexes ?? []) if (index.name !== BUILT_IN_INDEX && !named.has(index.name)) extraIndexes.push({ collection, name: index.name });
    if (!sameRule(current?.rule ?? null, rule)) rules.push({ kind: 'setSecurityRule', collection, rule });
  }
  return { steps: [...schema, ...rules], extraIndexes };
}
