/**
 * The management calls database setup needs, on `@cloudbase/manager-node` (Tencent Cloud API with
 * the deployer's API key; the node SDK the functions use cannot create indexes or set rules).
 */
import CloudBase from '@cloudbase/manager-node';
import type { IndexDefinition } from './database-definitions';
import type { ExistingIndex } from './database-plan';

export interface DatabaseAdmin {
  /** The collection's indexes, or null when there is no such collection. */
  describeCollection(collection: string): Promise<ExistingIndex[] | null>;
  createCollection(collection: string): Promise<void>;
  createIndexes(collection: string, indexes: readonly IndexDefinition[]): Promise<void>;
  dropIndexes(collection: string, names: readonly string[]): Promise<void>;
  /** Custom security rule on the collection (what the console calls 自定义安全规则). */
  setSecurityRule(collection: string, rule: string): Promise<void>;
}

export interface AdminCredentials {
  envId: string;
  secretId: string;
  secretKey: string;
}

export function createManagerDatabaseAdmin({ envId, secretId, secretKey }: AdminCredentials): DatabaseAdmin {
  const manager = new CloudBase({ envId, secretId, secretKey });
  return {
    async describeCollection(collection) {
      if (!(await manager.database.checkCollectionExists(collection)).Exists) return null;
      const table = await manager.database.describeCollection(collection);
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
    async setSecurityRule(collection, rule) {
      await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: collection, permission: 'CUSTOM', securityRule: rule });
    },
  };
}
