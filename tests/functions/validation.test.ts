import { communityContract } from '../../src/shared/contracts/community';
import { pointsContract } from '../../src/shared/contracts/points';
import { requestsContract } from '../../src/shared/contracts/requests';
import { deliberationsContract } from '../../src/shared/contracts/deliberations';
import { ledgersContract } from '../../src/shared/contracts/ledgers';
import { reportsContract } from '../../src/shared/contracts/reports';
import { serviceContract } from '../../src/shared/contracts/service';
import { PERMISSIONS, type ActionName } from '../../src/shared/domain/permissions';
import type { FunctionName } from '../../src/shared/contracts';
import { createTestWorld, fingerprint, type TestWorld } from '../support/test-runtime';
import { allowedCaller, LINKED_MEMBER, RESIDENT, repairRequest, seedDemo } from '../support/fixtures';

const CONTRACTS: Record<FunctionName, Record<string, unknown>> = { requests: requestsContract, points: pointsContract, community: communityContract, service: serviceContract, ledgers: ledgersContract, reports: reportsContract, deliberations: deliberationsContract };

let world: TestWorld;
let requestId: string;

beforeEach(async () => {
  world = createTestWorld();
  seedDemo(world);
  // A request in every interesting place, so a bad call that slipped through would have something to write.
  requestId = (await world.ok('requests', 'submit', repairRequest(), RESIDENT)).id;
  await world.ok('requests', 'accept', { requestId }, LINKED_MEMBER);
});
afterEach(() => world.close());

const callerFor = allowedCaller;

const everyAction = (Object.keys(CONTRACTS) as FunctionName[]).flatMap((fn) => Object.keys(CONTRACTS[fn]).map((action) => [fn, action] as const));

test('every action is in the permission table', () => {
  for (const [fn, action] of everyAction) expect(PERMISSIONS).toHaveProperty([`${fn}.${action}`]);
});

describe.each(everyAction)('%s.%s rejects malformed input and writes nothing', (fn, action) => {
  test.each([
    ['a string', 'not an object'],
    ['a list', [1, 2, 3]],
    ['an unknown field', { requestId: 'r_1', surprise: true, cursor: undefined }],
    ['an openid smuggled in the body', { openid: 'demo-admin' }],
  ])('%s', async (_label, data) => {
    const before = fingerprint(world);
    const result = await world.call(fn, action as never, data as never, callerFor(`${fn}.${action}` as ActionName));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(fingerprint(world)).toBe(before);
  });
});

const submitCases: [string, Record<string, unknown>, string][] = [
  ['a description over 500 characters', { description: '漏'.repeat(501) }, 'description'],
  ['an empty description', { description: '   ' }, 'description'],
  ['an unknown category', { category: 'pizza' }, 'category'],
  ['four photos', { photos: ['local/aaaaaaaa.jpg', 'local/bbbbbbbb.jpg', 'local/cccccccc.jpg', 'local/dddddddd.jpg'] }, 'photos'],
  ['a photo path outside the store', { photos: ['../../etc/passwd'] }, 'photos'],
  ['a latitude off the globe', { location: { lat: 200, lng: 104 } }, 'location'],
  ['a location given as text', { location: '幸福里' }, 'location'],
  ['an unknown urgency', { urgency: 'asap' }, 'urgency'],
  ['a bad phone number', { contactPhone: '12345' }, 'contactPhone'],
  ['a missing client token', { clientToken: undefined }, 'clientToken'],
  ['an address over 120 characters', { address: '路'.repeat(121) }, 'address'],
];

test.each(submitCases)('submit refuses %s, naming the field', async (_label, overrides, field) => {
  const before = fingerprint(world);
  const result = await world.call('requests', 'submit', repairRequest(overrides) as never, RESIDENT);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('VALIDATION_FAILED');
  expect(result.error.issues?.some((issue) => issue.path[0] === field)).toBe(true);
  expect(fingerprint(world)).toBe(before);
});

test.each([
  ['rate', { stars: 0 }],
  ['rate', { stars: 6 }],
  ['rate', { stars: 4.5 }],
  ['rate', { stars: 5, comment: '好'.repeat(201) }],
  ['complete', { note: '' }],
  ['complete', { note: '修'.repeat(501) }],
  ['complete', { note: '已修好', photos: 'local/aaaaaaaa.jpg' }],
  ['cancel', { reason: '因'.repeat(101) }],
  ['accept', { requestId: '' }],
  ['releaseHeld', { requestId: '' }],
  ['rejectHeld', {}],
  ['rejectHeld', { reason: ' ' }],
  ['rejectHeld', { reason: '驳'.repeat(201) }],
  ['accept', { requestId: 'r_1; DROP TABLE requests' }],
  ['listTasks', { scope: 'everything' }],
  ['listMine', { limit: 500 }],
  ['listMine', { cursor: 'not-a-cursor' }],
])('%s refuses %j', async (action, data) => {
  const before = fingerprint(world);
  const openid = callerFor(`requests.${action}` as ActionName);
  const result = await world.call('requests', action as never, { requestId, ...data } as never, openid);
  expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(fingerprint(world)).toBe(before);
});

test('unknown actions are NOT_FOUND and callers without identity are UNAUTHENTICATED', async () => {
  expect(await world.call('requests', 'explode' as never, {} as never, RESIDENT)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await world.call('requests', 'listMine', { limit: 5 }, undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await world.call('requests', 'listMine', { limit: 5 }, 'stranger-openid')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});
