import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The embedded store: PGlite (PostgreSQL in wasm) behind a loopback socket, so `pg` and TypeORM talk to it like any PostgreSQL. */
export interface EmbeddedStore {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** Lock files this process holds: our own pid in a lock file is stale unless listed here (pid 1 in a restarted container). */
const heldLocks = new Set<string>();

/**
 * PGlite keeps one data folder per process and does not guard it: a second process on the
 * same folder would corrupt it. A pid file refuses that, and a stale one (after a crash) is taken over.
 */
async function lockDataFolder(lockFile: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldLocks.add(lockFile);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      const inUse = pid === process.pid ? heldLocks.has(lockFile) : pid > 0 && isAlive(pid);
      if (inUse) {
        throw new Error(`the embedded store in ${lockFile.replace(/\/[^/]+$/, '')} is in use by process ${pid}`);
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`cannot lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function startEmbeddedStore(dataDir: string, poolSize: number): Promise<EmbeddedStore> {
  const folder = join(dataDir, 'pgdata');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const lockFile = join(dataDir, 'pgdata.lock');
  await lockDataFolder(lockFile);

  const db = await PGlite.create(folder);
  // The socket server accepts one connection by default; the pool needs its size plus
  // room for the migration lock connection and a reconnect.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: poolSize + 2 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');

  return {
    host,
    port: Number(port),
    async stop() {
      await server.stop();
      await db.close();
      await rm(lockFile, { force: true });
      heldLocks.delete(lockFile);
    },
  };
}
