import { build } from 'esbuild';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const functionsRoot = join(root, 'cloudfunctions');

/** Bundles each cloudfunctions/<name>/index.ts into index.js; the cloud installs only what stays external. */
export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  const names = readdirSync(functionsRoot).filter((name) => existsSync(join(functionsRoot, name, 'index.ts')));
  const results: { name: string; bytes: number }[] = [];
  for (const name of names) {
    const outfile = join(functionsRoot, name, 'index.js');
    await build({
      entryPoints: [join(functionsRoot, name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      // Installed by the cloud from the function's package.json; native, platform-provided, or (exceljs) large and needed only by exports.
      external: ['@cloudbase/node-sdk', 'wx-server-sdk', 'better-sqlite3', 'exceljs'],
      logLevel: 'warning',
    });
    results.push({ name, bytes: statSync(outfile).size });
  }
  return results;
}

if (require.main === module) {
  buildFunctions()
    .then((results) => {
      for (const { name, bytes } of results) console.log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KB`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
