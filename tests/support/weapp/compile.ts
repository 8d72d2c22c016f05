import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { globSync } from 'glob';

/**
 * dist/weapp through WeChat's own compilers (npm `miniprogram-compiler`'s Linux binaries): `wcc` turns
 * every WXML (and WXS) into the `$gwx` template function, `wcsc` every WXSS into style text. Spawned
 * directly rather than through the package's wrapper, which drops what the compilers print on stderr:
 * a warning here is a defect in the build.
 */

const BIN = join(dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux');

/** npm unpacks the binaries without the execute bit (the package's wrapper sets it too). */
function compiler(name: 'wcc' | 'wcsc'): string {
  const file = join(BIN, name);
  chmodSync(file, 0o755);
  return file;
}

function failure(name: string, result: ReturnType<typeof spawnSync>): Error {
  return new Error(`${name} failed (${result.status ?? result.error?.message}): ${result.stderr?.toString() ?? ''}`);
}

export interface Compiled<T> {
  output: T;
  /** Everything the compiler printed on stderr. */
  warnings: string[];
}

const linesOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

function usingComponents(root: string, page: string): Record<string, string> {
  const json = join(root, `${page}.json`);
  if (!existsSync(json)) return {};
  return (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
}

/** `$gwx` source: evaluated with a window whose `__webview_engine_version__` is 0.02, it returns virtual trees. */
export function compileWxml(root: string): Compiled<string> {
  const pages = globSync('**/*.wxml', { cwd: root, posix: true }).map((file) => file.slice(0, -'.wxml'.length)).sort();
  const wxs = globSync('**/*.wxs', { cwd: root, posix: true }).sort();
  // wcc's component table: for each file with custom components, its path, how many, and their tags.
  const withComponents = pages.filter((page) => Object.keys(usingComponents(root, page)).length > 0);
  const table = [String(withComponents.length), ...withComponents.flatMap((page) => {
    const tags = Object.keys(usingComponents(root, page));
    return [`${page}.wxml`, String(tags.length), ...tags];
  })];
  const result = spawnSync(compiler('wcc'), ['-d', '-cc', table.join(' '), ...pages.map((page) => `${page}.wxml`), ...wxs, '-gn', '$gwx'], { cwd: root, maxBuffer: 64 << 20 });
  if (result.status !== 0) throw failure('wcc', result);
  return { output: `${result.stdout.toString()};\nreturn $gwx;`, warnings: linesOf(result.stderr.toString()) };
}

/** The style text of app.wxss and of every page and component WXSS, by file. */
export function compileWxss(root: string): Compiled<Map<string, string>> {
  const files = ['app.wxss', ...globSync('**/*.wxss', { cwd: root, posix: true, ignore: ['app.wxss'] }).sort()];
  // -db: keep rpx as a function of the screen width; -pc N: the first N files are pages and app (not component CSS).
  const result = spawnSync(compiler('wcsc'), ['-db', '-pc', String(files.length), ...files], { cwd: root, maxBuffer: 64 << 20 });
  if (result.status !== 0) throw failure('wcsc', result);
  const parts = result.stdout.toString().split('=');
  const byFile = new Map<string, string>();
  for (let index = 0; index + 1 < parts.length; index += 2) byFile.set(parts[index].replace(/^\.\//, ''), parts[index + 1]);
  return { output: byFile, warnings: linesOf(result.stderr.toString()) };
}

/** Pages of app.json, subpackages included, as routes (`pages/index/index`). */
export function appRoutes(root: string): string[] {
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
  return [...app.pages, ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => posix.join(sub.root, page)))];
}
