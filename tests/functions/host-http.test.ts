import jsQR from 'jsqr';
import { PNG as PngImage } from 'pngjs';
import { startTestHost, type TestHost } from '../support/local-host';
import { TINY_PNG as PNG } from '../support/images';

let testHost: TestHost;
beforeAll(async () => {
  testHost = await startTestHost();
});
afterAll(() => testHost.close());

async function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(`${testHost.host.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; data?: never; error?: { code: string; message: string } } };
}

test('malformed JSON is HTTP 400 with the envelope', async () => {
  const result = await post('/api/requests', '{"action": "listMine", ', { 'x-openid': 'demo-resident-1' });
  expect(result).toEqual({ status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' } } });
});

test('an unknown function is 404 and an unknown action is NOT_FOUND', async () => {
  expect((await post('/api/nothing', '{}')).status).toBe(404);
  const result = await post('/api/requests', JSON.stringify({ action: 'explode', data: {} }), { 'x-openid': 'demo-resident-1' });
  expect(result).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } });
});

test('a name inherited from Object.prototype is an unknown function too, not a server error', async () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    const response = await post(`/api/${name}`, JSON.stringify({ action: 'me' }));
    expect({ name, status: response.status }).toEqual({ name, status: 404 });
  }
});

test('the scheduler cannot be called over HTTP', async () => {
  expect((await post('/api/scheduler', JSON.stringify({ action: 'tick' }))).status).toBe(404);
});

test('identity comes from the x-openid header, never from the body', async () => {
  const smuggled = await post('/api/community', JSON.stringify({ action: 'me', data: {}, openid: 'demo-admin', userInfo: { openId: 'demo-admin' } }));
  expect(smuggled).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
  const me = await post('/api/community', JSON.stringify({ action: 'me', data: {} }), { 'x-openid': 'demo-resident-2' });
  expect(me).toMatchObject({ status: 200, body: { ok: true, data: { name: '李建华', roles: ['resident'] } } });
});

test('a photo is uploaded, referenced by a request and served back', async () => {
  const unauthenticated = await post('/api/files', PNG, { 'content-type': 'image/png' });
  expect(unauthenticated.status).toBe(401);
  const wrongType = await post('/api/files', Buffer.from('hello'), { 'content-type': 'text/plain', 'x-openid': 'demo-resident-1' });
  expect(wrongType).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });

  const uploaded = await post('/api/files', PNG, { 'content-type': 'image/png', 'x-openid': 'demo-resident-1' });
  expect(uploaded.status).toBe(200);
  const { fileId, url } = uploaded.body.data as unknown as { fileId: string; url: string };
  expect(fileId).toMatch(/^local\/[a-f0-9-]+\.png$/);

  const submitted = await post(
    '/api/requests',
    JSON.stringify({
      action: 'submit',
      data: { clientToken: 'http-photo-1', category: 'repair', description: '阳台水管爆了', address: '幸福里小区 3 栋', location: { lat: 30.6583, lng: 104.081 }, photos: [fileId] },
    }),
    { 'x-openid': 'demo-resident-1' },
  );
  expect(submitted.body).toMatchObject({ ok: true, data: { photoUrls: [url], state: 'dispatching' } });

  const image = await fetch(`${testHost.host.url}${url}`);
  expect(image.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);
  expect((await fetch(`${testHost.host.url}/files/..%2F..%2Fdaiban.sqlite`)).status).toBe(404);
});

test('an oversized body is refused without a write', async () => {
  const count = () => (testHost.local.store.db.prepare('SELECT COUNT(*) AS n FROM requests').get() as { n: number }).n;
  const before = count();
  const huge = JSON.stringify({ action: 'submit', data: { description: '长'.repeat(70_000) } });
  const result = await post('/api/requests', huge, { 'x-openid': 'demo-resident-1' });
  expect(result).toMatchObject({ status: 413, body: { ok: false, error: { code: 'VALIDATION_FAILED' } } });
  expect(count()).toBe(before);
});

test('the demo user picker lists residents, members and the admin', async () => {
  const response = await fetch(`${testHost.host.url}/local/demo-users`);
  const body = (await response.json()) as { data: { users: { openid: string; name: string }[]; communities: { id: string }[] } };
  const openids = body.data.users.map((user) => user.openid);
  expect(body.data.communities.map((community) => community.id)).toEqual(['c_demo', 'c_demo_2']);
  expect(openids).toEqual(expect.arrayContaining(['demo-resident-1', 'demo-member-1', 'demo-admin']));
  expect(openids).toHaveLength(23);
});

describe('the host runs the scheduler on its own timer', () => {
  let timedHost: TestHost;
  beforeAll(async () => {
    timedHost = await startTestHost({ schedulerIntervalMs: 50 });
    // Offers in this community time out after ~0.3 s so the timer's work can be watched in real time.
    timedHost.local.store.db.prepare(`UPDATE communities SET dispatch_policy = ? WHERE id = 'c_demo'`).run(JSON.stringify({ offerTimeoutMinutes: { normal: 0.005 } }));
  });
  afterAll(() => timedHost.close());

  test('an offer nobody takes moves on to the next members without anyone calling', async () => {
    const response = await fetch(`${timedHost.host.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-openid': 'demo-resident-1' },
      body: JSON.stringify({
        action: 'submit',
        data: { clientToken: 'timer-test-1', category: 'repair', description: '水龙头关不上', address: '幸福里小区 3 栋', location: { lat: 30.65835, lng: 104.08094 } },
      }),
    });
    const { data } = (await response.json()) as { data: { id: string } };
    const rounds = () =>
      (timedHost.local.store.db.prepare('SELECT MAX(round) AS r FROM offers WHERE request_id = ?').get(data.id) as { r: number }).r;
    expect(rounds()).toBe(1);
    const deadline = Date.now() + 5000;
    while (rounds() < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rounds()).toBe(2);
  });
});

test('a community QR code is a PNG that decodes to the join page with the same scene', async () => {
  const response = await fetch(`${testHost.host.url}/qr?scene=${encodeURIComponent('c=c_demo')}`);
  expect(response.headers.get('content-type')).toBe('image/png');
  const image = PngImage.sync.read(Buffer.from(await response.arrayBuffer()));
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  expect(decoded?.data).toBe(`${testHost.host.url}/#/pages/join/index?scene=c%3Dc_demo`);

  const bad = await fetch(`${testHost.host.url}/qr?scene=${encodeURIComponent('c=社区')}`);
  expect(bad.status).toBe(400);
});
