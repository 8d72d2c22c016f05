/**
 * Each cloud function ships a `package-lock.json` next to its `package.json`, cut from the
 * repository's own lockfile: exactly the packages its dependencies reach, at the versions (and
 * integrity hashes) the tests ran against, in the same `node_modules` layout. Without it the
 * cloud's `npm install` (installDependency) resolves every transitive range afresh and may take
 * newer versions than were tested.
 */

export interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  link?: boolean;
  [field: string]: unknown;
}

export interface Lockfile {
  name: string;
  version: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

/** Where Node (and npm) find `name` when required from the package installed at `from` ('' is the root). */
export function resolveInstalled(packages: Readonly<Record<string, LockEntry>>, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent >= 0 ? base.slice(0, parent) : '';
  }
}

/** The edges npm installs from a package: dependencies and non-optional peers are required, the rest optional. */
function edges(entry: LockEntry): { name: string; optional: boolean }[] {
  const required = Object.keys(entry.dependencies ?? {}).map((name) => ({ name, optional: false }));
  const optional = Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, optional: true }));
  const peers = Object.keys(entry.peerDependencies ?? {}).map((name) => ({ name, optional: entry.peerDependenciesMeta?.[name]?.optional === true }));
  return [...required, ...optional, ...peers];
}

/**
 * The lockfile of a package whose dependencies are `dependencies` (name → exact version), cut from
 * `root`. Throws when a dependency is missing or installed at another version than pinned.
 */
export function functionLockfile(name: string, version: string, dependencies: Readonly<Record<string, string>>, root: Lockfile): Lockfile {
  const packages = root.packages;
  const reached = new Map<string, boolean>();
  const queue: { path: string; optional: boolean }[] = [];
  for (const [dependency, pinned] of Object.entries(dependencies)) {
    const path = resolveInstalled(packages, '', dependency);
    if (!path) throw new Error(`${name}: ${dependency} is not in package-lock.json; run npm install first`);
    if (packages[path].version !== pinned) throw new Error(`${name}: ${dependency} is pinned to ${pinned} but package-lock.json has ${packages[path].version}`);
    queue.push({ path, optional: false });
  }
  while (queue.length > 0) {
    const { path, optional } = queue.shift() as { path: string; optional: boolean };
    const seen = reached.get(path);
    // Visited already, unless it was reached only optionally and now a required path leads here too.
    if (seen !== undefined && (seen === false || optional)) continue;
    reached.set(path, optional);
    for (const edge of edges(packages[path])) {
      const target = resolveInstalled(packages, path, edge.name);
      if (target) queue.push({ path: target, optional: optional || edge.optional });
      else if (!edge.optional) throw new Error(`${name}: ${path} needs ${edge.name}, which package-lock.json does not have`);
    }
  }

  const cut: Record<string, LockEntry> = { '': { name, version, dependencies: { ...dependencies } } };
  for (const path of [...reached.keys()].sort()) {
    const { dev: _dev, devOptional: _devOptional, optional: _optional, peer: _peer, ...entry } = packages[path];
    cut[path] = reached.get(path) ? { ...entry, optional: true } : entry;
  }
  return { name, version, lockfileVersion: 3, requires: true, packages: cut };
}
