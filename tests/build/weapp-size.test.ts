import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const WEAPP = resolve(__dirname, '../../dist/weapp');
const MAIN_PACKAGE_LIMIT = 1.5 * 1024 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface AppJson {
  pages: string[];
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

test('the weapp build exists (npm test runs `taro build --type weapp` first)', () => {
  expect(existsSync(join(WEAPP, 'app.json'))).toBe(true);
});

test('the weapp main package stays under 1.5 MB', () => {
  const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as AppJson;
  const subpackageRoots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) => sub.root.replace(/\/?$/, '/'));
  const mainFiles = filesUnder(WEAPP).filter((file) => !subpackageRoots.some((root) => relative(WEAPP, file).startsWith(root)));
  const bytes = mainFiles.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`weapp main package: ${(bytes / 1024).toFixed(1)} KB in ${mainFiles.length} files`);
  expect(bytes).toBeLessThan(MAIN_PACKAGE_LIMIT);
  expect(app.pages).toContain('pages/index/index');
});

test('no server code or zod runtime reaches the mini-program', () => {
  const bundle = filesUnder(WEAPP)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  expect(bundle).not.toContain('better-sqlite3');
  expect(bundle).not.toContain('BEGIN IMMEDIATE');
  expect(bundle).not.toContain('ZodError');
});
