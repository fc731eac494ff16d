import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latch } from '../../test/helpers/latch.js';
import { backendPid } from '../../test/helpers/locks.js';
import { issuerIdOf, openStoreDb, ownConnection, type StoreDb } from '../../test/helpers/store-db.js';
import { ClientsStore } from '../stores/clients/clients.store.js';
import { TENANT_OPTION_DEFAULTS } from '../stores/tenants/tenant.js';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import { TenantsStore } from '../stores/tenants/tenants.store.js';

/**
 * `Database` on the real PostgreSQL, with a pool of two connections so that a connection it
 * fails to give back, or gives back broken, shows at once.
 */
const POOL_SIZE = 2;
let s: StoreDb;
/** Outside the pool under test: sees only what was committed. */
let observer: pg.Client;
const table = `database_spec_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  s = await openStoreDb({ poolSize: POOL_SIZE });
  observer = await ownConnection();
  await observer.query(`CREATE TABLE ${table} (id text PRIMARY KEY)`);
});
afterAll(async () => {
  await observer?.query(`DROP TABLE IF EXISTS ${table}`);
  await observer?.end();
  await s?.close();
});

const insert = (id: string) => s.db.execute(`INSERT INTO ${table} (id) VALUES ($1)`, [id]);
const committed = async (id: string) => (await observer.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).rowCount === 1;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
/** What escaped every caller while `run` ran: a connection's 'error' event with no listener would end the process. */
async function escaping(run: () => Promise<void>): Promise<unknown[]> {
  const escaped: unknown[] = [];
  const note = (error: unknown) => escaped.push(error);
  process.on('uncaughtException', note);
  try {
    await run();
  } finally {
    process.off('uncaughtException', note);
  }
  return escaped;
}
/** More transactions than the pool has connections, one after another and then all at once: each must work. */
async function poolServesMoreThanItHolds(tag: string): Promise<void> {
  for (let i = 0; i < POOL_SIZE + 1; i++) await s.db.transaction(() => insert(`${tag}-serial-${i}`));
  await Promise.all(Array.from({ length: POOL_SIZE * 2 }, (_, i) => s.db.transaction(() => insert(`${tag}-parallel-${i}`))));
  expect(await committed(`${tag}-parallel-${POOL_SIZE * 2 - 1}`)).toBe(true);
}

describe('transaction', () => {
  it('commits what its work wrote when the work resolves, and nothing when it throws', async () => {
    await s.db.transaction(async () => {
      await insert('plain-1');
      expect(await committed('plain-1')).toBe(false);
    });
    expect(await committed('plain-1')).toBe(true);

    expect(
      await failure(
        s.db.transaction(async () => {
          await insert('plain-2');
          throw new Error('work failed');
        }),
      ),
    ).toMatchObject({ message: 'work failed' });
    expect(await committed('plain-2')).toBe(false);
  });

  it('a nested transaction joins the outer one: same connection, nothing visible until the outer commits, rolled back by a failure after it returned', async () => {
    const pids: number[] = [];
    const seen: boolean[] = [];
    const error = await failure(
      s.db.transaction(async () => {
        pids.push(await backendPid(s.db));
        await s.db.transaction(async () => {
          await insert('nested-1');
          pids.push(await backendPid(s.db));
        });
        seen.push(await committed('nested-1'));
        throw new Error('outer failed after the inner returned');
      }),
    );
    expect(error).toMatchObject({ message: 'outer failed after the inner returned' });
    expect(await committed('nested-1')).toBe(false);
    expect(seen).toEqual([false]);
    expect(new Set(pids).size).toBe(1);

    await s.db.transaction(() => s.db.transaction(() => insert('nested-2')));
    expect(await committed('nested-2')).toBe(true);
  });

  it('two stores called in one transaction commit together or not at all, a store’s own transaction joining it', async () => {
    const tenants = new TenantsStore(s.db);
    const changes = new TenantChanges(s.db, tenants);
    const clients = new ClientsStore(s.db, s.box);
    const issuerId = issuerIdOf('db-spec');
    const tenant = { issuerId, displayName: issuerId, enabled: true, signingAlg: 'ES256' as const, ...TENANT_OPTION_DEFAULTS };
    const client = { tenantId: issuerId, clientId: 'web', clientName: null, metadata: {}, clientSecret: null };
    const tenantCommitted = async () => (await observer.query('SELECT 1 FROM tenants WHERE issuer_id = $1', [issuerId])).rowCount === 1;
    const clientCommitted = async () => (await observer.query('SELECT 1 FROM clients WHERE tenant_id = $1', [issuerId])).rowCount === 1;

    // The second client insert breaks the primary key: the tenant and the first client, which
    // came in a change of its own (TenantChanges opens a transaction), go too.
    expect(
      await failure(
        s.db.transaction(async () => {
          await tenants.insert(tenant);
          await changes.apply(issuerId, () => clients.insert(client));
          await clients.insert(client);
        }),
      ),
    ).toMatchObject({ code: '23505' });
    expect(await tenantCommitted()).toBe(false);
    expect(await clientCommitted()).toBe(false);

    await s.db.transaction(async () => {
      await tenants.insert(tenant);
      await clients.insert(client);
    });
    expect(await tenantCommitted()).toBe(true);
    expect(await clientCommitted()).toBe(true);
  });

  it('a statement outside any transaction commits on its own, whatever follows it', async () => {
    await insert('auto-1');
    expect(await committed('auto-1')).toBe(true);
    expect(await failure(insert('auto-1'))).toMatchObject({ code: '23505' });
    expect(await committed('auto-1')).toBe(true);
  });
});

describe('afterCommit', () => {
  it('runs a hook once the transaction has committed, not before, and a nested transaction’s hook only when the outer commits', async () => {
    const ran: string[] = [];
    let seenByHook: Promise<boolean> | undefined;
    await s.db.transaction(async () => {
      await s.db.transaction(async () => {
        await insert('hook-1');
        s.db.afterCommit(() => {
          ran.push('inner');
          seenByHook = committed('hook-1');
        });
      });
      s.db.afterCommit(() => ran.push('outer'));
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['inner', 'outer']);
    expect(await seenByHook).toBe(true);
  });

  it('never runs a hook of a transaction that rolled back, whether its work threw or its COMMIT failed', async () => {
    const ran: string[] = [];
    await failure(
      s.db.transaction(async () => {
        s.db.afterCommit(() => ran.push('work threw'));
        throw new Error('work failed');
      }),
    );

    // A deferred constraint is checked at COMMIT: the work resolves, the commit fails.
    const deferred = `${table}_deferred`;
    await observer.query(`CREATE TABLE ${deferred} (id int, CONSTRAINT ${deferred}_unique UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)`);
    try {
      expect(
        await failure(
          s.db.transaction(async () => {
            await s.db.execute(`INSERT INTO ${deferred} (id) VALUES (1), (1)`);
            s.db.afterCommit(() => ran.push('commit failed'));
          }),
        ),
      ).toMatchObject({ code: '23505' });
    } finally {
      await observer.query(`DROP TABLE ${deferred}`);
    }
    expect(ran).toEqual([]);
  });

  it('runs a hook at once outside a transaction', () => {
    let ran = false;
    s.db.afterCommit(() => (ran = true));
    expect(ran).toBe(true);
  });
});

describe('concurrent transactions', () => {
  it('two transactions started from the same context each get their own connection: one rolling back leaves the other whole', async () => {
    const firstWrote = latch();
    const secondDone = latch();
    const pids: Record<string, number> = {};

    const first = s.db.transaction(async () => {
      await insert('concurrent-first-1');
      pids.first = await backendPid(s.db);
      firstWrote.open();
      await secondDone.promise;
      await insert('concurrent-first-2');
    });
    const second = (async () => {
      await firstWrote.promise;
      return s.db.transaction(async () => {
        await insert('concurrent-second');
        pids.second = await backendPid(s.db);
        throw new Error('second failed');
      });
    })();

    expect(await failure(second)).toMatchObject({ message: 'second failed' });
    secondDone.open();
    await first;

    expect(pids.second).not.toBe(pids.first);
    expect(await committed('concurrent-second')).toBe(false);
    expect(await committed('concurrent-first-1')).toBe(true);
    expect(await committed('concurrent-first-2')).toBe(true);
  });
});

describe('failures', () => {
  it('a PostgreSQL error inside a transaction rolls it back, and the connection goes back to the pool usable', async () => {
    for (let i = 0; i < POOL_SIZE + 1; i++) {
      expect(
        await failure(
          s.db.transaction(async () => {
            await insert(`sql-error-${i}`);
            await s.db.query('SELECT 1 / 0');
          }),
        ),
      ).toMatchObject({ code: '22012' });
      expect(await committed(`sql-error-${i}`)).toBe(false);
    }
    await poolServesMoreThanItHolds('after-sql-error');
  });

  it('a connection killed inside a transaction fails the transaction with the server’s error and is not pooled again', async () => {
    const escaped = await escaping(async () => {
      expect(
        await failure(
          s.db.transaction(async () => {
            await insert('killed-inside');
            await s.db.query('SELECT pg_terminate_backend(pg_backend_pid())');
          }),
        ),
      ).toMatchObject({ code: '57P01' });
      expect(await committed('killed-inside')).toBe(false);
      await poolServesMoreThanItHolds('after-kill-inside');
    });
    expect(escaped).toEqual([]);
  });

  it('a connection killed outside a transaction fails that statement only and is not pooled again', async () => {
    const escaped = await escaping(async () => {
      expect(await failure(s.db.query('SELECT pg_terminate_backend(pg_backend_pid())'))).toMatchObject({ code: '57P01' });
      for (let i = 0; i < POOL_SIZE + 1; i++) expect(await s.db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await poolServesMoreThanItHolds('after-kill-outside');
    });
    expect(escaped).toEqual([]);
  });
});
