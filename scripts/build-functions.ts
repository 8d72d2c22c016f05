import { build, type Metafile } from 'esbuild';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CLOUD_FUNCTIONS, functionConfigJson, functionSpec, PORT_REQUIREMENTS, type CloudFunctionSpec } from './cloud-functions';
import { functionLockfile, type Lockfile } from './function-lockfile';

const root = resolve(__dirname, '..');
const functionsRoot = join(root, 'cloudfunctions');
const installRuntime = join(root, 'src/server/adapters/cloudbase/install-runtime.ts');
const cloudEntry = join(root, 'src/server/adapters/cloudbase/cloud-entry.ts');

/**
 * Packages left out of the bundles, installed by the cloud from each function's package.json
 * (`installDependency`): the CloudBase SDK, the WeChat cloud-call SDK, and exceljs (large, loaded
 * only by exports). Anything else a bundle still requires is an error.
 */
export const CLOUD_INSTALLED = ['@cloudbase/node-sdk', 'wx-server-sdk', 'exceljs'] as const;
/**
 * Packages a cloud-installed package requires at run time without declaring them in its own
 * package.json: wx-server-sdk 4.0.2 requires mime-db (its mimetype helper, loaded with the openapi
 * module). Here npm happens to hoist one to the top; in a function's own install nothing would, so
 * each function that needs wx-server-sdk lists it too, at the version the tests loaded.
 */
export const UNDECLARED_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = { 'wx-server-sdk': ['mime-db'] };

/** Kept external only so that a stray import fails the build below instead of bundling a native module. */
const NEVER_IN_CLOUD = ['better-sqlite3'];

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

export interface BuiltFunction {
  name: string;
  bytes: number;
  /** Packages the bundle requires at run time, with the versions written to its package.json. */
  dependencies: Record<string, string>;
}

/** The version installed here (what the tests ran against), pinned exactly for the cloud. */
function installedVersion(pkg: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Every `require("…")` and dynamic `import("…")` with a literal name left in a bundle, builtins excluded. */
export function requiredPackages(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/\b(?:require|import)\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
    const specifier = match[2];
    if (BUILTINS.has(specifier) || specifier.startsWith('.')) continue;
    const parts = specifier.split('/');
    found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return [...found].sort();
}

/**
 * The generated production entry: install the CloudBase runtime at cold start, export the function's
 * own main behind the cloud check, with the deploy probe of its declared cloud calls in front.
 */
function entrySource(spec: CloudFunctionSpec): string {
  const handler = join(functionsRoot, spec.name, 'index.ts');
  return [
    `import { installCloudbaseRuntime, withCloudCallProbe } from ${JSON.stringify(installRuntime)};`,
    `import { cloudbaseEntry } from ${JSON.stringify(cloudEntry)};`,
    `import { main as handler } from ${JSON.stringify(handler)};`,
    `export const main = cloudbaseEntry(withCloudCallProbe(${JSON.stringify(spec.name)}, ${JSON.stringify(spec.openapi)}, handler), installCloudbaseRuntime);`,
    '',
  ].join('\n');
}

/** Source files of the product (not adapters, not the host) that went into a bundle. */
function productInputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).filter(
    (input) =>
      input.startsWith('src/') &&
      !input.startsWith('src/server/adapters/') &&
      !input.startsWith('src/server/host/') &&
      !input.startsWith('src/server/ports/') &&
      input !== 'src/server/runtime.ts',
  );
}

/** A bundle whose code uses a port that needs a cloud-call permission or a secret must declare it. */
function checkDeclarations(spec: CloudFunctionSpec, metafile: Metafile): string[] {
  const problems: string[] = [];
  const sources = productInputs(metafile).map((input) => ({ input, code: readFileSync(join(root, input), 'utf8') }));
  for (const requirement of PORT_REQUIREMENTS) {
    const user = sources.find(({ code }) => requirement.pattern.test(code));
    if (!user) continue;
    if (requirement.openapi && !spec.openapi.includes(requirement.openapi)) {
      problems.push(`${spec.name}: ${user.input} uses runtime.${requirement.port}; add '${requirement.openapi}' to its openapi in scripts/cloud-functions.ts`);
    }
    if (requirement.env && !spec.env.includes(requirement.env)) {
      problems.push(`${spec.name}: ${user.input} uses runtime.${requirement.port}; add '${requirement.env}' to its env in scripts/cloud-functions.ts (and cloudbaserc.json)`);
    }
  }
  return problems;
}

/** Each function's own package version (its package.json and lockfile). */
const FUNCTION_VERSION = '0.1.0';

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Bundles each cloudfunctions/<name>/index.ts into index.js behind a generated production entry,
 * then writes the function's package.json (exactly the packages the bundle requires), its
 * package-lock.json (those packages and everything they reach, as tested: scripts/function-lockfile.ts)
 * and config.json (cloud-call permissions, timer trigger) from scripts/cloud-functions.ts.
 */
export async function buildFunctions(): Promise<BuiltFunction[]> {
  const names = readdirSync(functionsRoot).filter((name) => existsSync(join(functionsRoot, name, 'index.ts')));
  const missing = CLOUD_FUNCTIONS.filter((spec) => !names.includes(spec.name)).map((spec) => spec.name);
  if (missing.length > 0) throw new Error(`scripts/cloud-functions.ts lists functions with no cloudfunctions/<name>/index.ts: ${missing.join(', ')}`);

  const results: BuiltFunction[] = [];
  const problems: string[] = [];
  const rootLock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
  for (const name of names) {
    const spec = functionSpec(name);
    const dir = join(functionsRoot, name);
    const outfile = join(dir, 'index.js');
    const { metafile } = await build({
      stdin: { contents: entrySource(spec), loader: 'ts', resolveDir: dir, sourcefile: `cloudfunctions/${name}/production-entry.ts` },
      absWorkingDir: root,
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      metafile: true,
      external: [...CLOUD_INSTALLED, ...NEVER_IN_CLOUD],
      logLevel: 'warning',
    });

    const required = requiredPackages(readFileSync(outfile, 'utf8'));
    const stray = required.filter((pkg) => !(CLOUD_INSTALLED as readonly string[]).includes(pkg));
    if (stray.length > 0) problems.push(`${name}: the bundle requires ${stray.join(', ')} at run time; bundle it or add it to CLOUD_INSTALLED (never better-sqlite3: it is local-only)`);
    problems.push(...checkDeclarations(spec, metafile));

    const installed = required.filter((pkg) => !stray.includes(pkg));
    const withUndeclared = [...new Set([...installed, ...installed.flatMap((pkg) => UNDECLARED_DEPENDENCIES[pkg] ?? [])])].sort();
    const dependencies = Object.fromEntries(withUndeclared.map((pkg) => [pkg, installedVersion(pkg)]));
    writeJson(join(dir, 'package.json'), { name, version: FUNCTION_VERSION, private: true, main: 'index.js', dependencies });
    writeJson(join(dir, 'package-lock.json'), functionLockfile(name, FUNCTION_VERSION, dependencies, rootLock));
    writeJson(join(dir, 'config.json'), functionConfigJson(spec));
    results.push({ name, bytes: statSync(outfile).size, dependencies });
  }
  if (problems.length > 0) throw new Error(`cloud function build problems:\n  ${problems.join('\n  ')}`);
  return results;
}

if (require.main === module) {
  buildFunctions()
    .then((results) => {
      for (const { name, bytes, dependencies } of results) {
        const deps = Object.entries(dependencies).map(([pkg, version]) => `${pkg}@${version}`);
        console.log(`${relative(root, join(functionsRoot, name, 'index.js'))}  ${(bytes / 1024).toFixed(1)} KB  requires ${deps.join(', ') || 'nothing'}`);
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
