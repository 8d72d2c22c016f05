import { startTestHost, type TestHost } from '../support/local-host';

let testHost: TestHost;
beforeAll(async () => {
  testHost = await startTestHost();
});
afterAll(() => testHost.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

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
  const body = (await response.json()) as { data: { openid: string; name: string }[] };
  const openids = body.data.map((user) => user.openid);
  expect(openids).toEqual(expect.arrayContaining(['demo-resident-1', 'demo-member-1', 'demo-admin']));
  expect(openids).toHaveLength(18);
});
