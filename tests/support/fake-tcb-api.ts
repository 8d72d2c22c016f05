import { createHmac, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Tencent Cloud API (`tcb.tencentcloudapi.com`) as far as database setup uses it:
 * collections (tables) with their indexes and security rules. `@cloudbase/manager-node` is pointed at
 * it with TCB_BASE_URL, so the real SDK builds, signs and sends every request. It checks each
 * request's TC3-HMAC-SHA256 signature with the key it was given, as the real API does.
 */
export interface FakeIndex {
  Name: string;
  Keys: { Name: string; Direction: string }[];
  Unique: boolean;
}

export interface FakeTcbApi {
  url: string;
  tables: Map<string, FakeIndex[]>;
  rules: Map<string, { permission: string; rule: string | undefined }>;
  /** Every call in order: action and body. */
  calls: { action: string; body: Record<string, unknown> }[];
  /** Answers this action with this error code from now on. */
  failAction(action: string, code: string, message: string): void;
  clearFailures(): void;
  close(): Promise<void>;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

function expectedSignature(secretKey: string, host: string, body: string, timestamp: number): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${host}\n\ncontent-type;host\n${sha256Hex(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/tcb/tc3_request\n${sha256Hex(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'tcb'), 'tc3_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

export async function startFakeTcbApi(options: { envId: string; secretId: string; secretKey: string }): Promise<FakeTcbApi> {
  const tables = new Map<string, FakeIndex[]>();
  const rules = new Map<string, { permission: string; rule: string | undefined }>();
  const calls: FakeTcbApi['calls'] = [];
  const failures = new Map<string, { code: string; message: string }>();

  const handle = (action: string, body: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(action);
    if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
    if (body.EnvId !== undefined && body.EnvId !== options.envId) throw Object.assign(new Error(`env ${String(body.EnvId)} not found`), { code: 'ResourceNotFound.Env' });
    const table = String(body.TableName ?? '');
    switch (action) {
      case 'DescribeEnvInfo':
        return { EnvInfo: { EnvBaseInfo: { EnvId: options.envId, Databases: [{ InstanceId: 'tnt-fake', Status: 'RUNNING' }] } } };
      case 'DescribeTable': {
        const indexes = tables.get(table);
        if (!indexes) throw Object.assign(new Error(`集合 ${table} 不存在`), { code: 'ResourceNotFound.TableNotExist' });
        return { Indexes: indexes.map((index) => ({ ...index, Size: 0, Accesses: { Ops: 0, Since: '' } })), IndexNum: indexes.length };
      }
      case 'CreateTable':
        if (tables.has(table)) throw Object.assign(new Error(`集合 ${table} 已存在`), { code: 'ResourceInUse' });
        tables.set(table, [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }]);
        return {};
      case 'UpdateTable': {
        const indexes = tables.get(table);
        if (!indexes) throw Object.assign(new Error(`集合 ${table} 不存在`), { code: 'ResourceNotFound.TableNotExist' });
        for (const drop of (body.DropIndexes ?? []) as { IndexName: string }[]) {
          const at = indexes.findIndex((index) => index.Name === drop.IndexName);
          if (at < 0) throw Object.assign(new Error(`索引 ${drop.IndexName} 不存在`), { code: 'InvalidParameter' });
          indexes.splice(at, 1);
        }
        for (const create of (body.CreateIndexes ?? []) as { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[]) {
          if (indexes.some((index) => index.Name === create.IndexName)) throw Object.assign(new Error(`索引 ${create.IndexName} 已存在`), { code: 'InvalidParameter' });
          for (const key of create.MgoKeySchema.MgoIndexKeys) {
            if (!['1', '-1', '2dsphere'].includes(key.Direction)) throw Object.assign(new Error(`索引方向 ${key.Direction} 不合法`), { code: 'InvalidParameter' });
          }
          indexes.push({ Name: create.IndexName, Keys: create.MgoKeySchema.MgoIndexKeys, Unique: create.MgoKeySchema.MgoIsUnique });
        }
        return {};
      }
      case 'ModifyResourcePermission':
        if (body.ResourceType !== 'collection' || !tables.has(String(body.Resource))) throw Object.assign(new Error('资源不存在'), { code: 'ResourceNotFound' });
        rules.set(String(body.Resource), { permission: String(body.Permission), rule: body.SecurityRule as string | undefined });
        return { Success: true };
      default:
        throw Object.assign(new Error(`fake API has no ${action}`), { code: 'UnsupportedOperation' });
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const action = String(req.headers['x-tc-action'] ?? '');
      const requestId = `fake-${calls.length + 1}`;
      let response: Record<string, unknown>;
      try {
        const timestamp = Number(req.headers['x-tc-timestamp']);
        const signature = expectedSignature(options.secretKey, String(req.headers.host).replace(/:\d+$/, ''), text, timestamp);
        const authorization = String(req.headers.authorization ?? '');
        if (!authorization.includes(`Credential=${options.secretId}/`) || !authorization.endsWith(`Signature=${signature}`)) {
          throw Object.assign(new Error('The provided credentials could not be validated.'), { code: 'AuthFailure.SignatureFailure' });
        }
        const body = JSON.parse(text) as Record<string, unknown>;
        calls.push({ action, body });
        response = { ...handle(action, body), RequestId: requestId };
      } catch (error) {
        const { code, message } = error as { code?: string; message: string };
        response = { Error: { Code: code ?? 'InternalError', Message: message }, RequestId: requestId };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Response: response }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tables,
    rules,
    calls,
    failAction: (action, code, message) => failures.set(action, { code, message }),
    clearFailures: () => failures.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
