/**
 * What ships: each cloud function bundle's size and its cold `require` time (the part of a cold
 * start our code controls), and the mini-program's main package and subpackages against WeChat's
 * 2 MB limit per package.
 *
 * Bundles are rebuilt first (`buildFunctions`, as `npm run build:functions`). Each cold require is a
 * fresh `node` process with only PATH in its environment (no cloud keys, as the bundle tests run
 * it), timing `require()` inside the child; the rounds go round-robin over the bundles after one
 * unmeasured round that warms the file cache. `@cloudbase/node-sdk` alone is the baseline: every
 * bundle requires it at load. The weapp figures are the bytes of `dist/weapp` (built by
 * `taro build --type weapp` when missing), split by app.json's subpackage roots.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';

const ROOT = resolve(__dirname, '../..');
const WEAPP = join(ROOT, 'dist', 'weapp');
const ROUNDS = 9;
const PACKAGE_LIMIT = 2 * 1024 * 1024;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Milliseconds one fresh process spends in `require(target)`. */
function coldRequire(target: string): number {
  const script = `const { performance } = require('node:perf_hooks'); const start = performance.now(); require(${JSON.stringify(target)}); process.stdout.write(String(performance.now() - start));`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`require(${relative(ROOT, target)}) failed in a fresh process: ${result.stderr}`);
  return Number(result.stdout);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

interface PackageSize {
  name: string;
  files: number;
  bytes: number;
}

function weappPackages(): PackageSize[] {
  if (!existsSync(join(WEAPP, 'app.json'))) {
    console.error('bench: dist/weapp is missing, building it (taro build --type weapp, ~30 s) …');
    const built = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('taro build --type weapp failed');
  }
  const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) => sub.root.replace(/\/?$/, '/'));
  const packages: PackageSize[] = [{ name: 'main package', files: 0, bytes: 0 }, ...roots.map((root) => ({ name: root.replace(/\/$/, ''), files: 0, bytes: 0 }))];
  for (const file of filesUnder(WEAPP)) {
    const path = relative(WEAPP, file).split('\\').join('/');
    const index = roots.findIndex((root) => path.startsWith(root));
    const target = packages[index + 1];
    target.files += 1;
    target.bytes += statSync(file).size;
  }
  return packages;
}

export async function benchPackages(): Promise<string> {
  const built = await buildFunctions();
  const targets = [
    ...built.map((fn) => ({ label: `\`${fn.name}\``, path: join(ROOT, 'cloudfunctions', fn.name, 'index.js'), fn })),
    { label: '`@cloudbase/node-sdk` alone (baseline)', path: join(ROOT, 'node_modules', '@cloudbase', 'node-sdk'), fn: null },
  ];
  const times = new Map<string, number[]>(targets.map((target) => [target.path, []]));
  for (let round = 0; round <= ROUNDS; round++) {
    for (const target of targets) {
      const ms = coldRequire(target.path);
      // Round 0 warms the file cache; it is not measured.
      if (round > 0) times.get(target.path)?.push(ms);
    }
  }

  const sdk = median(times.get(targets[targets.length - 1].path) ?? []);
  const bundleRows = targets.map(({ label, path, fn }) => {
    const samples = times.get(path) ?? [];
    const size = fn ? kb(fn.bytes) : '–';
    const requires = fn ? Object.keys(fn.dependencies).map((pkg) => `\`${pkg}\``).join(', ') : '';
    return `| ${label} | ${size} | ${requires} | ${median(samples).toFixed(1)} | ${Math.min(...samples).toFixed(1)} | ${Math.max(...samples).toFixed(1)} |`;
  });
  const bundleMedians = built.map((fn) => ({ fn, ms: median(times.get(join(ROOT, 'cloudfunctions', fn.name, 'index.js')) ?? []) }));
  const slowest = bundleMedians.reduce((worst, entry) => (entry.ms > worst.ms ? entry : worst));
  const largest = built.reduce((worst, fn) => (fn.bytes > worst.bytes ? fn : worst));

  const packages = weappPackages();
  const packageRows = packages.map((pkg) => `| ${pkg.name === 'main package' ? 'Main package' : `\`${pkg.name}\``} | ${pkg.files} | ${kb(pkg.bytes)} | ${((pkg.bytes / PACKAGE_LIMIT) * 100).toFixed(1)}% |`);
  const total = packages.reduce((sum, pkg) => sum + pkg.bytes, 0);
  const biggest = packages.reduce((worst, pkg) => (pkg.bytes > worst.bytes ? pkg : worst));

  return [
    '## Benchmark: cloud function bundles and mini-program packages',
    '',
    `- Node ${process.version}; bundles from \`npm run build:functions\` (esbuild, minified CommonJS for node18, behind the generated production entry that installs the CloudBase runtime); what they still require is installed by the cloud from each function's package.json`,
    `- Cold require: ${ROUNDS} fresh \`node\` processes per bundle (PATH only, no cloud keys), round-robin after one unmeasured round; the time of \`require()\` inside the child, so Node's own start-up is not counted`,
    `- Mini-program: the bytes of \`dist/weapp\` (\`taro build --type weapp\`), split by app.json's subpackage roots, against WeChat's 2 MB per package`,
    '',
    '| Function | Bundle (KB) | Installed by the cloud | Cold require p50 (ms) | min (ms) | max (ms) |',
    '| --- | ---: | --- | ---: | ---: | ---: |',
    ...bundleRows,
    '',
    '| Package | Files | Size (KB) | Of the 2 MB limit |',
    '| --- | ---: | ---: | ---: |',
    ...packageRows,
    `| **All packages** | ${packages.reduce((sum, pkg) => sum + pkg.files, 0)} | ${kb(total)} | |`,
    '',
    `The largest bundle is \`${largest.name}\` (${kb(largest.bytes)} KB); the slowest cold require is \`${slowest.fn.name}\` at ${slowest.ms.toFixed(1)} ms, of which about ${sdk.toFixed(1)} ms is \`@cloudbase/node-sdk\` itself. The fullest mini-program package is ${biggest.name === 'main package' ? 'the main package' : `\`${biggest.name}\``} at ${((biggest.bytes / PACKAGE_LIMIT) * 100).toFixed(1)}% of its 2 MB.`,
    '',
  ].join('\n');
}

if (require.main === module) {
  benchPackages()
    .then((markdown) => console.log(markdown))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
