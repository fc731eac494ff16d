import type { Database } from '../../src/database/database.js';
import { latch } from './latch.js';

/** The backend of the current transaction (or of a pooled connection, outside one). */
export const backendPid = async (db: Database): Promise<number> => (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid;

/** A tenant's row lock held by a transaction of its own. */
export interface HeldLock {
  /** The holding transaction's backend, for `untilWaiting`. */
  pid: number;
  /** Runs `underLock` (still holding the lock), commits and resolves; rejects if the holder failed. */
  release(): Promise<void>;
}

/**
 * Takes the tenant's row lock in the mode every service takes it (`TenantsStore.lock`, written
 * out here so that breaking that method does not break the holder) and holds it until
 * `release`, so the test can start a competitor and let it run into the lock. Call it from
 * outside any transaction, so the holder's is its own.
 */
export async function holdTenantLock(db: Database, issuerId: string, underLock: () => Promise<unknown> = async () => undefined): Promise<HeldLock> {
  const held = latch();
  const released = latch();
  let pid = 0;
  const done = db.transaction(async () => {
    await db.query('SELECT 1 FROM tenants WHERE issuer_id = $1 FOR NO KEY UPDATE', [issuerId]);
    pid = await backendPid(db);
    held.open();
    await released.promise;
    await underLock();
  });
  await Promise.race([held.promise, done]);
  return {
    pid,
    release: async () => {
      released.open();
      await done;
    },
  };
}

/**
 * Resolves once `count` backends wait, directly or through one another, for a lock backend
 * `holderPid` holds: the concurrent work under test has reached the lock. Fails after `timeoutMs`.
 */
export async function untilWaiting(db: Database, holderPid: number, count = 1, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await db.query<{ n: number }>(
      `WITH RECURSIVE waiting (pid) AS (
         SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))
         UNION SELECT a.pid FROM pg_stat_activity a JOIN waiting w ON w.pid = ANY(pg_blocking_pids(a.pid)))
       SELECT count(*)::int AS n FROM waiting`,
      [holderPid],
    );
    if (n >= count) return;
    if (Date.now() > deadline) throw new Error(`${n} of ${count} backends waited for a lock of backend ${holderPid} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
