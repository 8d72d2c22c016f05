import type { CollectionDefinition } from '../../scripts/database-definitions';
import { planDatabase, sameRule, type ExistingCollection, type ExistingIndex } from '../../scripts/database-plan';
import { storageAclProblem } from '../../scripts/setup-database';

const RULE = '{"read":false,"write":false}';
const members: CollectionDefinition = {
  collection: 'members',
  indexes: [
    { name: 'home_point', keys: [{ field: 'homePoint', direction: '2dsphere' }], unique: false },
    { name: 'user', keys: [{ field: 'userId', direction: 1 }], unique: true },
  ],
};
const users: CollectionDefinition = { collection: 'users', indexes: [{ name: 'openid', keys: [{ field: 'openid', direction: 1 }], unique: true }] };
const indexesOf = (definition: CollectionDefinition): ExistingIndex[] => [
  { name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true },
  ...definition.indexes.map((index) => ({ name: index.name, keys: index.keys.map((key) => ({ field: key.field, direction: String(key.direction) })), unique: index.unique })),
];
const ours = { aclTag: 'CUSTOM', rule: '{ "read": false, "write": false }' };
const asExisting = (definition: CollectionDefinition, indexes = indexesOf(definition), rule: ExistingCollection['rule'] = ours): ExistingCollection => ({ indexes, rule });

describe('planDatabase', () => {
  test('a missing collection is created under the prefix with all its indexes, and its rule comes after every collection', () => {
    expect(planDatabase([members, users], new Map(), RULE, 't1_').steps).toEqual([
      { kind: 'createCollection', collection: 't1_members' },
      { kind: 'createIndexes', collection: 't1_members', indexes: members.indexes },
      { kind: 'createCollection', collection: 't1_users' },
      { kind: 'createIndexes', collection: 't1_users', indexes: users.indexes },
      { kind: 'setSecurityRule', collection: 't1_members', rule: RULE },
      { kind: 'setSecurityRule', collection: 't1_users', rule: RULE },
    ]);
  });

  test('a matching collection whose rule is already ours needs nothing; the built-in _id_ index is not reported', () => {
    expect(planDatabase([members], new Map([['members', asExisting(members)]]), RULE)).toEqual({ steps: [], extraIndexes: [] });
  });

  test('a rule that is not ours (another ACL, another text) is set again', () => {
    expect(planDatabase([members], new Map([['members', asExisting(members, undefined, { aclTag: 'PRIVATE', rule: '' })]]), RULE).steps).toEqual([{ kind: 'setSecurityRule', collection: 'members', rule: RULE }]);
    expect(planDatabase([members], new Map([['members', asExisting(members, undefined, { aclTag: 'CUSTOM', rule: '{"read":true,"write":false}' })]]), RULE).steps).toHaveLength(1);
    expect(sameRule(ours, RULE)).toBe(true);
    expect(sameRule({ aclTag: 'CUSTOM', rule: 'not json' }, RULE)).toBe(false);
    expect(sameRule(null, RULE)).toBe(false);
  });

  test('an index that lost its uniqueness or changed direction is dropped and created again; a missing one is added', () => {
    const existing = indexesOf(members).map((index) => (index.name === 'user' ? { ...index, unique: false } : index)).filter((index) => index.name !== 'home_point');
    expect(planDatabase([members], new Map([['members', asExisting(members, existing)]]), RULE).steps).toEqual([
      { kind: 'dropIndexes', collection: 'members', names: ['user'] },
      { kind: 'createIndexes', collection: 'members', indexes: [members.indexes[0], members.indexes[1]] },
    ]);
    const turned = indexesOf(members).map((index) => (index.name === 'user' ? { ...index, keys: [{ field: 'userId', direction: '-1' }] } : index));
    expect(planDatabase([members], new Map([['members', asExisting(members, turned)]]), RULE).steps[0]).toEqual({ kind: 'dropIndexes', collection: 'members', names: ['user'] });
  });

  test('indexes made by hand are left alone and reported', () => {
    const existing = [...indexesOf(members), { name: 'by_hand', keys: [{ field: 'phone', direction: '1' }], unique: false }];
    expect(planDatabase([members], new Map([['members', asExisting(members, existing)]]), RULE).extraIndexes).toEqual([{ collection: 'members', name: 'by_hand' }]);
  });
});

describe('cloud storage permission', () => {
  test('READONLY is what photos and exports need; anything else says what to change in Chinese', () => {
    expect(storageAclProblem('READONLY')).toBeNull();
    for (const acl of ['PRIVATE', 'ADMINONLY', 'ADMINWRITE', 'CUSTOM']) expect(storageAclProblem(acl)).toMatch(/所有用户可读，仅创建者及管理员可写/);
    expect(storageAclProblem('PRIVATE')).toContain('存储 → 权限设置');
  });
});
