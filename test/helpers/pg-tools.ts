import { execFile } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL client program (`pg_dump`, `pg_restore`): from PATH, else from the newest of
 * Debian's `/usr/lib/postgresql/<version>/bin`, where the `postgresql-client-<version>` package
 * that `scripts/ensure-postgres.sh` and `scripts/ensure-test-tools.sh` install puts it.
 */
export function pgTool(name: string): string {
  const versioned = (() => {
    try {
      return readdirSync('/usr/lib/postgresql')
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`);
    } catch {
      return [];
    }
  })();
  for (const dir of [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...versioned]) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(`${name} is missing: install Debian's postgresql-client (bash scripts/ensure-test-tools.sh does it as root)`);
}

/** Runs a PostgreSQL client program, bounded in time, and returns its stdout; fails with its stderr. */
export async function runPgTool(name: string, args: string[], timeoutMs = 60_000): Promise<string> {
  try {
    return (await run(pgTool(name), args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (failure) {
    const { stderr } = failure as { stderr?: string };
    throw new Error(`${name} ${args.filter((arg) => !arg.startsWith('--dbname=')).join(' ')} failed: ${stderr || String(failure)}`);
  }
}
