/**
 * The database as the repository defines it: one file per collection in `cloudbase/database/`
 * (its indexes) and `security-rule.json` (the rule every collection gets).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const DATABASE_DIR = resolve(__dirname, '..', 'cloudbase', 'database');
const SECURITY_RULE_FILE = 'security-rule.json';

const indexKeySchema = z.object({
  field: z.string().min(1),
  direction: z.union([z.literal(1), z.literal(-1), z.literal('2dsphere')]),
});

const indexSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_]{1,64}$/, '索引名只能包含字母、数字和下划线'),
  keys: z.array(indexKeySchema).min(1),
  unique: z.boolean(),
});

const collectionSchema = z.object({
  collection: z.string().regex(/^[a-z][a-z0-9_]*$/, '集合名只能包含小写字母、数字和下划线'),
  indexes: z.array(indexSchema),
});

export type IndexDefinition = z.infer<typeof indexSchema>;
export type CollectionDefinition = z.infer<typeof collectionSchema>;

export interface DatabaseDefinitions {
  collections: CollectionDefinition[];
  /** The security rule as CloudBase takes it: a JSON text. */
  securityRule: string;
}

/** Reads and checks every definition file; a broken file stops with its name and what is wrong. */
export function readDatabaseDefinitions(dir = DATABASE_DIR): DatabaseDefinitions {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== SECURITY_RULE_FILE)
    .sort();
  const collections = files.map((file) => {
    const parsed = collectionSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    if (`${parsed.data.collection}.json` !== file) throw new Error(`${file}: 集合名 ${parsed.data.collection} 与文件名不一致`);
    return parsed.data;
  });
  const rule = JSON.parse(readFileSync(join(dir, SECURITY_RULE_FILE), 'utf8')) as unknown;
  return { collections, securityRule: JSON.stringify(rule) };
}

/** `communityId 1, createdAt -1` — how an index reads in plans and logs. */
export function describeIndexKeys(index: IndexDefinition): string {
  return index.keys.map((key) => `${key.field} ${key.direction}`).join(', ');
}
