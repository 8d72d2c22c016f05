import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FUNCTIONS = resolve(__dirname, '../../cloudfunctions');
const NAMES = ['requests', 'points', 'community', 'service', 'ledgers', 'reports', 'deliberations', 'scheduler'];

describe.each(NAMES)('cloudfunctions/%s bundle', (name) => {
  const bundle = join(FUNCTIONS, name, 'index.js');

  test('is built and carries no local-only code', () => {
    expect(existsSync(bundle)).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    expect(code).not.toContain('better-sqlite3');
    expect(code).not.toContain('x-openid');
  });

  test('loads in plain Node without credentials and answers with the envelope', () => {
    // Without a configured runtime the function must start and fail at the first call with a clear error.
    const script = `require(${JSON.stringify(bundle)}).main({ action: 'me', data: {} }, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const output = execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    const envelope = JSON.parse(output) as { ok: boolean; error: { code: string; message: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toMatch(/^(INTERNAL|FORBIDDEN)$/);
    expect(envelope.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
