/**
 * A revision of this repository, built: a detached git worktree under .bench/ (kept, and reused by
 * later runs), for `npm run bench:compare` and the rolling upgrade test. It shares this tree's
 * node_modules when that holds every runtime package the revision's lockfile pins, and installs
 * its own with `npm ci` otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Revision {
  /** What the table calls it: a short sha and subject, or the working tree. */
  description: string;
  /** The built server: dist/src/main.js. */
  main: string;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** Runs a command with its output on stderr, so that stdout keeps only the table. */
const run = (cwd: string, command: string, ...args: string[]) => execFileSync(command, args, { cwd, stdio: ['ignore', 2, 2] });

/** The working tree at `root`, built by `npm run bench:compare` itself before it starts. */
export function workingTree(root: string): Revision {
  const changed = git(root, 'status', '--porcelain', '--untracked-files=no') !== '';
  return {
    description: `working tree at ${git(root, 'log', '-1', '--format=%h %s')}${changed ? ' (with uncommitted changes)' : ''}`,
    main: join(root, 'dist/src/main.js'),
  };
}

type Lockfile = { packages: Record<string, { version?: string; integrity?: string; dev?: boolean }> };

/**
 * Whether `dir`'s build can run on `root`'s node_modules: every package its lockfile installs
 * outside the dev tree is in `root`'s lockfile at the same version and integrity. Dev packages
 * (compiler, type definitions, test tools) may differ: the build only has to compile with them.
 */
function runsOnOurPackages(dir: string, root: string): boolean {
  const packages = (tree: string) => (JSON.parse(readFileSync(join(tree, 'package-lock.json'), 'utf8')) as Lockfile).packages;
  const ours = packages(root);
  return Object.entries(packages(dir)).every(
    ([path, theirs]) => path === '' || theirs.dev || (ours[path]?.version === theirs.version && ours[path]?.integrity === theirs.integrity),
  );
}

/** Checks `rev` out under `root`/.bench and builds it, unless an earlier run already did. */
export function checkout(root: string, rev: string): Revision {
  const sha = git(root, 'rev-parse', '--verify', `${rev}^{commit}`);
  const dir = join(root, '.bench', `rev-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, '.git'))) {
    // --force: a worktree whose directory was deleted by hand is still registered; take its place.
    git(root, 'worktree', 'add', '--force', '--detach', dir, sha);
  } else if (git(dir, 'rev-parse', 'HEAD') !== sha) {
    throw new Error(`${dir} is not at ${sha}; remove it with git worktree remove --force ${dir}`);
  }
  if (!existsSync(join(dir, 'node_modules'))) {
    if (runsOnOurPackages(dir, root)) {
      symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'));
    } else {
      process.stderr.write(`${rev}: its runtime packages differ from this tree's; npm ci\n`);
      run(dir, 'npm', 'ci');
    }
  }
  // The build empties dist/ first, so the stamp inside it says the last build finished.
  const stamp = join(dir, 'dist', '.bench-built');
  if (!existsSync(stamp)) {
    process.stderr.write(`${rev}: npm run build in ${dir}\n`);
    run(dir, 'npm', 'run', 'build');
    writeFileSync(stamp, `${sha}\n`);
  }
  return { description: git(dir, 'log', '-1', '--format=%h %s'), main: join(dir, 'dist/src/main.js') };
}
