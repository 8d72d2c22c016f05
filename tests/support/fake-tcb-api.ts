import { execFileSync } from 'node:child_process';
import { createHmac, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';

/**
 * A stand-in for the Tencent Cloud API (`tcb.tencentcloudapi.com`) as far as database setup uses it:
 * collections (tables) with their indexes, their security rules (ModifySafeRule / DescribeSafeRule,
 * as the CloudBase CLI sets them; the deprecated ModifyResourcePermission is not offered) and cloud
 * storage's permission. `@cloudbase/manager-node` is pointed at
 * it with TCB_BASE_URL, so the real SDK builds, signs and sends every request. It checks each
 * request's TC3-HMAC-SHA256 signature with the key it was given, as the real API does. SCF's
 * `Invoke` (the deploy probe) goes to a fixed https host, so it comes through a local proxy that
 * presents a certificate made for that host.
 */
export interface FakeIndex {
  Name: string;
  Keys: { Name: string; Direction: string }[];
  Unique: boolean;
}

/** The host manager-node sends SCF calls (invokeFunction) to; not configurable, so reached through the proxy. */
export const SCF_HOST = 'scf.tencentcloudapi.com';

/** What a deployed function answers an invocation with (its main's return value), or an Error for a crash. */
export type FakeInvoke = (functionName: string, event: unknown) => unknown;

export interface FakeTcbApi {
  url: string;
  tables: Map<string, FakeIndex[]>;
  /** Each collection's rule as ModifySafeRule left it (a new collection has none: DescribeSafeRule says ADMINONLY). */
  rules: Map<string, { aclTag: string; rule: string }>;
  /** Cloud storage's permission, as DescribeStorageSafeRule answers it. */
  storageAcl: string;
  /** Collections whose ModifySafeRule is answered as done but changes nothing (to test the read-back). */
  ignoreRuleWrites: Set<string>;
  /** Every call in order: action, body and which API (tcb or scf) it went to. */
  calls: { action: string; body: Record<string, unknown>; service: string }[];
  /** `http_proxy` for a child: SCF requests (https://scf.tencentcloudapi.com) reach this fake through it. */
  proxyUrl: string;
  /** The certificate the proxy presents for the SCF host: the child's NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** Answers this action with this error code from now on. */
  failAction(action: string, code: string, message: string): void;
  clearFailures(): void;
  close(): Promise<void>;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

function expectedSignature(secretKey: string, service: string, host: string, body: string, timestamp: number): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${host}\n\ncontent-type;host\n${sha256Hex(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256Hex(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

/** A self-signed certificate for the SCF host, made once per process with openssl (the child trusts it through NODE_EXTRA_CA_CERTS). */
let certificate: { key: Buffer; cert: Buffer; caFile: string } | null = null;
function scfCertificate(): { key: Buffer; cert: Buffer; caFile: string } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'fake-scf-cert-'));
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', caFile, '-days', '2', '-subj', `/CN=${SCF_HOST}`, '-addext', `subjectAltName=DNS:${SCF_HOST}`, '-addext', 'basicConstraints=critical,CA:TRUE'], { stdio: 'ignore' });
  certificate = { key: readFileSync(keyFile), cert: readFileSync(caFile), caFile };
  return certificate;
}

export async function startFakeTcbApi(options: { envId: string; secretId: string; secretKey: string; invoke?: FakeInvoke }): Promise<FakeTcbApi> {
  const tables = new Map<string, FakeIndex[]>();
  const rules = new Map<string, { aclTag: string; rule: string }>();
  const state = { storageAcl: 'READONLY' };
  const ignoreRuleWrites = new Set<string>();
  const calls: FakeTcbApi['calls'] = [];
  const failures = new Map<string, { code: string; message: string }>();

  /** SCF's Invoke, as manager-node's invokeFunction sends it: the event in ClientContext, the function's answer as RetMsg. */
  const handleScf = (action: string, body: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(action);
    if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
    if (action !== 'Invoke') throw Object.assign(new Error(`fake SCF has no ${action}`), { code: 'UnsupportedOperation' });
    if (body.Namespace !== options.envId) throw Object.assign(new Error(`namespace ${String(body.Namespace)} not found`), { code: 'ResourceNotFound.Namespace' });
    const name = String(body.FunctionName);
    if (!options.invoke) throw Object.assign(new Error(`function ${name} not found`), { code: 'ResourceNotFound.Function' });
    const event = JSON.parse(String(body.ClientContext ?? '{}')) as unknown;
    const answer = options.invoke(name, event);
    if (answer instanceof Error) return { Result: { RetMsg: '', ErrMsg: answer.message, InvokeResult: 1, FunctionRequestId: 'f-1', Log: answer.message } };
    return { Result: { RetMsg: JSON.stringify(answer), ErrMsg: '', InvokeResult: 0, FunctionRequestId: 'f-1', Log: '' } };
  };

  const handle = (action: string, body: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(action);
    if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
    if (body.EnvId !== undefined && body.EnvId !== options.envId) throw Object.assign(new Error(`env ${String(body.EnvId)} not found`), { code: 'ResourceNotFound.Env' });
    const table = String(body.TableName ?? '');
    switch (action) {
      case 'DescribeEnvInfo':
        return {
          EnvInfo: {
            EnvBaseInfo: {
              EnvId: options.envId,
              Databases: [{ InstanceId: 'tnt-fake', Status: 'RUNNING' }],
              Storages: [{ Region: 'ap-shanghai', Bucket: `7072-${options.envId}-1320000000`, CdnDomain: '' }],
              Functions: [{ Namespace: options.envId, Region: 'ap-shanghai' }],
            },
          },
        };
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
      case 'ModifySafeRule': {
        const collection = String(body.CollectionName ?? '');
        if (!tables.has(collection)) throw Object.assign(new Error(`集合 ${collection} 不存在`), { code: 'ResourceNotFound.TableNotExist' });
        if (body.AclTag === 'CUSTOM' && typeof body.Rule !== 'string') throw Object.assign(new Error('缺少 Rule'), { code: 'InvalidParameter' });
        if (!ignoreRuleWrites.has(collection)) rules.set(collection, { aclTag: String(body.AclTag), rule: body.AclTag === 'CUSTOM' ? String(body.Rule) : '' });
        return {};
      }
      case 'DescribeSafeRule': {
        const collection = String(body.CollectionName ?? '');
        if (!tables.has(collection)) throw Object.assign(new Error(`集合 ${collection} 不存在`), { code: 'ResourceNotFound.TableNotExist' });
        const rule = rules.get(collection) ?? { aclTag: 'ADMINONLY', rule: '' };
        return { AclTag: rule.aclTag, Rule: rule.rule };
      }
      case 'DescribeStorageSafeRule':
        return { AclTag: state.storageAcl, Rule: '' };
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
        const host = String(req.headers.host).replace(/:\d+$/, '');
        const service = host === SCF_HOST ? 'scf' : 'tcb';
        const signature = expectedSignature(options.secretKey, service, host, text, timestamp);
        const authorization = String(req.headers.authorization ?? '');
        if (!authorization.includes(`Credential=${options.secretId}/`) || !authorization.endsWith(`Signature=${signature}`)) {
          throw Object.assign(new Error('The provided credentials could not be validated.'), { code: 'AuthFailure.SignatureFailure' });
        }
        const body = JSON.parse(text) as Record<string, unknown>;
        calls.push({ action, body, service });
        response = { ...(service === 'scf' ? handleScf(action, body) : handle(action, body)), RequestId: requestId };
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

  // manager-node sends every request through `http_proxy` when set (https-proxy-agent: CONNECT, then
  // TLS for https targets). The proxy hands each tunnel to the same server, unwrapping TLS for the SCF host.
  const tls = scfCertificate();
  const proxy: Server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  const tunnels = new Set<Socket>();
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    const target = String(req.url ?? '');
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (target === `${SCF_HOST}:443`) server.emit('connection', new TLSSocket(socket, { isServer: true, key: tls.key, cert: tls.cert }));
    else if (target === `127.0.0.1:${port}`) server.emit('connection', socket);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = (proxy.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    tables,
    rules,
    get storageAcl() {
      return state.storageAcl;
    },
    set storageAcl(acl: string) {
      state.storageAcl = acl;
    },
    calls,
    ignoreRuleWrites,
    failAction: (action, code, message) => failures.set(action, { code, message }),
    clearFailures: () => failures.clear(),
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    caFile: tls.caFile,
    close: async () => {
      for (const socket of tunnels) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
