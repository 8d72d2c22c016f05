import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';

/** Download links live a day, like CloudBase temporary URLs. */
export const EXPORT_TTL_MS = 24 * 60 * 60 * 1000;
const TOKEN = /^[a-f0-9]{32}$/;
const FILE_NAME = /^[^/\\\0]{1,120}\.xlsx$/;

export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

/** Deletes exports whose links have expired, so the data directory does not fill with old workbooks. */
export function removeStaleExports(dataDir: string, now = Date.now()): number {
  const root = exportsDir(dataDir);
  if (!existsSync(root)) return 0;
  let removed = 0;
  for (const token of readdirSync(root)) {
    const dir = join(root, token);
    if (TOKEN.test(token) && now - statSync(dir).mtimeMs > EXPORT_TTL_MS) {
      rmSync(dir, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/** Writes the file under an unguessable token; the link is the only way to it. Expired ones go first. */
export function saveLocalExport(dataDir: string) {
  return async (fileName: string, bytes: Uint8Array) => {
    if (!FILE_NAME.test(fileName)) throw new Error(`bad export file name: ${fileName}`);
    removeStaleExports(dataDir);
    const token = randomBytes(16).toString('hex');
    const dir = join(exportsDir(dataDir), token);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, fileName), bytes);
    // Files age on the real clock (stale links are refused, stale files deleted at the next export), so the link's expiry does too.
    return { url: `/exports/${token}/${encodeURIComponent(fileName)}`, expiresAt: Date.now() + EXPORT_TTL_MS };
  };
}

/** Serves `/exports/<token>/<name>` as an attachment while it is fresh; false when there is no such file. */
export function serveLocalExport(res: ServerResponse, dataDir: string, path: string): boolean {
  const [token, encodedName] = path.split('/');
  let fileName = '';
  try {
    fileName = decodeURIComponent(encodedName ?? '');
  } catch {
    return false;
  }
  if (!TOKEN.test(token ?? '') || !FILE_NAME.test(fileName)) return false;
  const file = join(exportsDir(dataDir), token, fileName);
  if (!existsSync(file) || Date.now() - statSync(file).mtimeMs > EXPORT_TTL_MS) return false;
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'private, no-store',
  });
  createReadStream(file).pipe(res);
  return true;
}
