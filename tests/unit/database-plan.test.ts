import type { CollectionDefinition } from '../../scripts/database-definitions';
import { planDatabase, type ExistingIndex } from '../../scripts/database-plan';

const RULE = '{"read":false,"write":false}';
const members: CollectionDefinition = {
  collection: 'members',
  indexes: [
    { name: 'home_point', keys: [{ field: 'homePoint', direction: '2dsphere' }], unique: false },
    { name: 'user', keys: [{ field: 'userId', direction: 1 }], unique: true },
  ],
};
const asExisting = (definition: CollectionDefinition): ExistingIndex[] => [
  { name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true },
  ...definition.indexes.map((index) => ({ name: index.name, keys: index.keys.map((key) => ({ field: key.field, direction: String(key.direction) })), unique: index.unique })),
];

describe('planDatabase', () => {
  test('a missing collection is created under the prefix with all its indexes and the rule', () => {
    expect(planDatabase([members], new Map(), RULE, 't1_').steps).toEqual([
      { kind: 'createCollection', collection: 't1_members' },
      { kind: 'createIndexes', collection: 't1_members', indexes: members.indexes },
      { kind: 'setSecurityRule', collection: 't1_members', rule: RULE },
    ]);
  });

  test('a matching collection only gets its rule again; the built-in _id_ index is not reported', () => {
    expect(planDatabase([members], new Map([['members', asExisting(members)]]), RULE)).toEqual({
      steps: [{ kind: 'setSecurityRule', collection: 'members', rule: RULE }],
      extraIndexes: [],
    });
  });

  test('an index that lost its uniqueness or changed direction is dropped and created again; a missing one is added', () => {
    const existing = asExisting(members).map((index) => (index.name === 'user' ? { ...index, unique: false } : index)).filter((index) => index.name !== 'home_point');
    expect(planDatabase([members], new Map([['members', existing]]), RULE).steps).toEqual([
      { kind: 'dropIndexes', collection: 'members', names: ['user'] },
      { kind: 'createIndexes', collection: 'members', indexes: [members.indexes[0], members.indexes[1]] },
      { kind: 'setSecurityRule', collection: 'members', rule: RULE },
    ]);
    const turned = asExisting(members).map((index) => (index.name === 'user' ? { ...index, keys: [{ field: 'userId', direction: '-1' }] } : index));
    expect(planDatabase([members], new Map([['members', turned]]), RULE).steps[0]).toEqual({ kind: 'dropIndexes', collection: 'members', names: ['user'] });
  });

  test('indexes made by hand are left alone and reported', () => {
    const existing = [...asExisting(members), { name: 'by_hand', keys: [{ field: 'phone', direction: '1' }], unique: false }];
    expect(planDatabase([members], new Map([['members', existing]]), RULE).extraIndexes).toEqual([{ collection: 'members', name: 'by_hand' }]);
  });
});
