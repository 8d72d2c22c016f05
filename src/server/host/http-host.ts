import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sirv from 'sirv';
import { parseScene } from '../../shared/domain/scene';
import { AppError, HTTP_STATUS, type Envelope } from '../../shared/errors';
import { listDemoCommunities, listDemoUsers } from '../adapters/sqlite/demo-users';
import type { CloudMain } from '../functions/define-function';
import type { LocalContext, LocalRuntime } from './local-runtime';
import { serveLocalExport } from './local-exports';
import { uploadsDir } from './local-runtime';

const JSON_LIMIT = 64 * 1024;
const UPLOAD_LIMIT = 5 * 1024 * 1024;
const IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export interface HostOptions {
  local: LocalRuntime;
  dataDir: string;
  functions: Record<string, CloudMain>;
  /** The scheduler's main; the host calls it on a timer, never over HTTP. */
  scheduler?: CloudMain;
  schedulerIntervalMs?: number;
  h5Dir?: string;
  port?: number;
  host?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        // Keep draining so the client can read our answer, but hold none of it.
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyError(413, `内容太大，不能超过 ${Math.round(limit / 1024)} KB`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

function fail(res: ServerResponse, status: number, error: AppError): void {
  send(res, status, { ok: false, error: error.toBody() });
}

function openidOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-openid'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : undefined;
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const { local, dataDir, functions } = options;
  const uploads = uploadsDir(dataDir);
  const serveH5 = options.h5Dir && existsSync(options.h5Dir) ? sirv(options.h5Dir, { single: true, etag: true, dev: false }) : null;

  async function callFunction(req: IncomingMessage, res: ServerResponse, main: CloudMain): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, JSON_LIMIT)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyError) return fail(res, error.status, new AppError('VALIDATION_FAILED', error.message));
      return fail(res, 400, new AppError('VALIDATION_FAILED', '请求内容不是有效的 JSON'));
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(res, 400, new AppError('VALIDATION_FAILED', '请求内容必须是 { action, data }'));
    }
    const { action, data } = body as { action?: unknown; data?: unknown };
    // Only action and data travel on; identity comes from the header, never from the body.
    const context: LocalContext = { localOpenId: openidOf(req) };
    sendEnvelope(res, await main({ action, data }, context));
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const openid = openidOf(req);
    const user = openid ? await local.store.read((tx) => tx.users.getByOpenid(openid)) : null;
    if (!user) return fail(res, 401, new AppError('UNAUTHENTICATED', '请先登录'));
    const ext = IMAGE_TYPES[String(req.headers['content-type'] ?? '').split(';')[0].trim()];
    if (!ext) return fail(res, 400, new AppError('VALIDATION_FAILED', '只能上传 JPG、PNG 或 WebP 图片'));
    let bytes: Buffer;
    try {
      bytes = await readBody(req, UPLOAD_LIMIT);
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      return fail(res, status, new AppError('VALIDATION_FAILED', error instanceof Error ? error.message : '上传失败'));
    }
    if (bytes.length === 0) return fail(res, 400, new AppError('VALIDATION_FAILED', '图片是空的，请重新选择'));
    const name = `${randomUUID()}.${ext}`;
    await writeFile(join(uploads, name), bytes);
    send(res, 200, { ok: true, data: { fileId: `local/${name}`, url: `/files/${name}` } });
  }

  async function serveQr(req: IncomingMessage, res: ServerResponse, scene: string): Promise<void> {
    const parsed = parseScene(scene);
    if (!parsed.ok) return fail(res, 400, new AppError('VALIDATION_FAILED', parsed.message));
    const page = `http://${req.headers.host ?? '127.0.0.1'}${local.runtime.qrCodes.pageUrl(scene)}`;
    const png = await QRCode.toBuffer(page, { type: 'png', width: 480, margin: 2, errorCorrectionLevel: 'M' });
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'public, max-age=3600', 'x-qr-content': encodeURI(page) });
    res.end(png);
  }

  function serveUpload(res: ServerResponse, name: string): void {
    const match = /^([a-z0-9-]{8,64})\.(jpg|png|webp)$/.exec(name);
    const file = match ? join(uploads, name) : '';
    if (!match || !existsSync(file)) return fail(res, 404, new AppError('NOT_FOUND', '图片不存在'));
    res.writeHead(200, { 'content-type': CONTENT_TYPES[match[2]], 'cache-control': 'private, max-age=86400' });
    createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const handle = async () => {
      if (path === '/api/files' && req.method === 'POST') return upload(req, res);
      if (path.startsWith('/api/')) {
        const name = path.slice('/api/'.length);
        // Own names only: `constructor`, `__proto__` and the rest of Object.prototype are not functions here.
        const main = Object.hasOwn(functions, name) ? functions[name] : undefined;
        if (!main) return fail(res, 404, new AppError('NOT_FOUND', '没有这个云函数'));
        if (req.method !== 'POST') return fail(res, 405, new AppError('VALIDATION_FAILED', '请使用 POST 调用'));
        return callFunction(req, res, main);
      }
      if (path === '/local/demo-users' && req.method === 'GET') return send(res, 200, { ok: true, data: { users: listDemoUsers(local.store.db), communities: listDemoCommunities(local.store.db) } });
      if (path === '/qr' && req.method === 'GET') return serveQr(req, res, url.searchParams.get('scene') ?? '');
      if (path.startsWith('/files/') && req.method === 'GET') return serveUpload(res, path.slice('/files/'.length));
      if (path.startsWith('/exports/') && req.method === 'GET') {
        if (!serveLocalExport(res, dataDir, path.slice('/exports/'.length))) fail(res, 404, new AppError('NOT_FOUND', '导出文件不存在或已过期，请重新导出'));
        return;
      }
      if (serveH5 && (req.method === 'GET' || req.method === 'HEAD')) return serveH5(req, res, () => fail(res, 404, new AppError('NOT_FOUND', '页面不存在')));
      return fail(res, 404, new AppError('NOT_FOUND', '页面不存在'));
    };
    handle().catch((error) => {
      local.runtime.log('error', `host ${req.method} ${path} failed`, error);
      if (!res.headersSent) fail(res, 500, new AppError('INTERNAL', '系统繁忙，请稍后再试'));
      else res.end();
    });
  });

  let timer: NodeJS.Timeout | null = null;
  let ticking = false;
  if (options.scheduler) {
    const scheduler = options.scheduler;
    timer = setInterval(() => {
      if (ticking) return;
      ticking = true;
      const context: LocalContext = { localTimer: true };
      scheduler({ Type: 'Timer', TriggerName: 'local', Time: new Date().toISOString() }, context)
        .catch((error) => local.runtime.log('error', 'scheduler tick failed', error))
        .finally(() => {
          ticking = false;
        });
    }, options.schedulerIntervalMs ?? 10_000);
    timer.unref();
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            if (timer) clearInterval(timer);
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
