/**
 * The management calls database setup needs, on `@cloudbase/manager-node` (Tencent Cloud API with
 * the deployer's API key; the node SDK the functions use cannot create indexes or set rules).
 *
 * Security rules go through the TCB API's `ModifySafeRule` / `DescribeSafeRule` (what the CloudBase
 * CLI itself uses for `tcb db` rules), not manager-node's `modifyResourcePermission`, which it marks
 * deprecated. Only "not found" means a collection is missing: an auth, network or any other error
 * is thrown, so a wrong key can never look like an empty environment.
 */
import CloudBase from '@cloudbase/manager-node';
import { isCollectionNotFound } from './api-errors';
import type { IndexDefinition } from './database-definitions';
import type { ExistingIndex, ExistingRule } from './database-plan';

export interface DatabaseAdmin {
  /** The collection's indexes, or null when there is no such collection. */
  describeCollection(collection: string): Promise<ExistingIndex[] | null>;
  createCollection(collection: string): Promise<void>;
  createIndexes(collection: string, indexes: readonly IndexDefinition[]): Promise<void>;
  dropIndexes(collection: string, names: readonly string[]): Promise<void>;
  /** The collection's security rule (what the console calls 自定义安全规则 when CUSTOM). */
  describeSecurityRule(collection: string): Promise<ExistingRule>;
  /** Sets the collection's custom security rule. */
  setSecurityRule(collection: string, rule: string): Promise<void>;
  /** Cloud storage's permission: READONLY (所有用户可读，仅创建者及管理员可写), PRIVATE, ADMINWRITE, ADMINONLY or CUSTOM. */
  describeStorageAcl(): Promise<string>;
}

export interface AdminCredentials {
  envId: string;
  secretId: string;
  secretKey: string;
}

export function createManagerDatabaseAdmin({ envId, secretId, secretKey }: AdminCredentials): DatabaseAdmin {
  const manager = new CloudBase({ envId, secretId, secretKey });
  const tcb = manager.commonService('tcb', '2018-06-08');
  return {
    async describeCollection(collection) {
      let table: Awaited<ReturnType<typeof manager.database.describeCollection>>;
      try {
        table = await manager.database.describeCollection(collection);
      } catch (error) {
        if (isCollectionNotFound(error)) return null;
        throw error;
      }
      return (table.Indexes ?? []).map((index) => ({
        name: index.Name,
        keys: index.Keys.map((key) => ({ field: key.Name ?? '', direction: String(key.Direction ?? '') })),
        unique: index.Unique,
      }));
    },
    async createCollection(collection) {
      await manager.database.createCollection(collection);
    },
    async createIndexes(collection, indexes) {
      await manager.database.updateCollection(collection, {
        CreateIndexes: indexes.map((index) => ({
          IndexName: index.name,
          MgoKeySchema: { MgoIndexKeys: index.keys.map((key) => ({ Name: key.field, Direction: String(key.direction) })), MgoIsUnique: index.unique },
        })),
      });
    },
    async dropIndexes(collection, names) {
      await manager.database.updateCollection(collection, { DropIndexes: names.map((name) => ({ IndexName: name })) });
    },
    async describeSecurityRule(collection) {
      const answer = (await tcb.call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: collection } })) as { AclTag?: unknown; Rule?: unknown };
      return { aclTag: String(answer.AclTag ?? ''), rule: typeof answer.Rule === 'string' ? answer.Rule : '' };
    },
    async setSecurityRule(collection, rule) {
      await tcb.call({ Action: 'ModifySafeRule', Param: { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: rule } });
    },
    async describeStorageAcl() {
      return String(await manager.storage.getStorageAcl());
    },
  };
}
