import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseProblem } from '../common/errors/database-problem.js';
import { classifyDatabaseError, type DatabaseErrorClass } from './database-errors.js';

/** A port nothing listens on: a connection there is refused, as to a database that is down. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The classification of what `run` throws; fails the test if it does not throw. */
async function classified(run: () => Promise<unknown>): Promise<DatabaseErrorClass> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, 'the query was expected to fail').toBeDefined();
  return classifyDatabaseError(error);
}

/** One SQL runner per path: TypeORM (which wraps errors in QueryFailedError) and the raw pg pool. */
interface Path {
  query(sql: string, params?: unknown[]): Promise<unknown>;
  /** A connection of its own, for transactions that meet another one. */
  session(): Promise<Session>;
  /** Connects to a port nothing listens on and runs a query. */
  unreachable(port: number): Promise<unknown>;
  close(): Promise<void>;
}

interface Session {
  query(sql: string): Promise<unknown>;
  release(): Promise<void>;
}

async function typeormPath(url: string): Promise<Path> {
  const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
  return {
    query: (sql, params) => dataSource.query(sql, params),
    async session() {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      return { query: (sql) => runner.query(sql), release: () => runner.release() };
    },
    unreachable: async (port) => {
      const down = await new DataSource({ type: 'postgres', host: '127.0.0.1', port, username: 'postgres', database: 'postgres' }).initialize();
      return down.query('SELECT 1');
    },
    close: () => dataSource.destroy(),
  };
}

async function poolPath(url: string): Promise<Path> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    query: (sql, params) => pool.query(sql, params),
    async session() {
      const client = await pool.connect();
      return { query: (sql) => client.query(sql), release: async () => client.release() };
    },
    unreachable: async (port) => {
      const down = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      try {
        return await down.query('SELECT 1');
      } finally {
        await down.end();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Every PostgreSQL error the answers depend on, produced for real on the run's database and
 * through both ways the code reaches it, lands in the same class.
 */
describe('classifyDatabaseError', () => {
  const suffix = randomBytes(4).toString('hex');
  const parent = `errors_parent_${suffix}`;
  const child = `errors_child_${suffix}`;
  let setup: pg.Pool;

  beforeAll(async () => {
    setup = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
    await setup.query(`CREATE TABLE ${parent} (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
    await setup.query(`CREATE TABLE ${child} (parent_id int NOT NULL CONSTRAINT ${child}_parent REFERENCES ${parent} (id))`);
    await setup.query(`INSERT INTO ${parent} (id) VALUES (1), (2)`);
    await setup.query(`INSERT INTO ${child} (parent_id) VALUES (2)`);
  });
  afterAll(async () => {
    await setup?.query(`DROP TABLE IF EXISTS ${child}, ${parent}`);
    await setup?.end();
  });

  describe.each([
    ['TypeORM', typeormPath],
    ['the raw pg pool', poolPath],
  ])('through %s', (_name, open) => {
    let path: Path;
    beforeAll(async () => {
      path = await open(inject('databaseUrl'));
    });
    afterAll(() => path?.close());

    it('a duplicate key is a unique violation naming its constraint', async () => {
      expect(await classified(() => path.query(`INSERT INTO ${parent} (id) VALUES (1)`))).toEqual({ kind: 'unique_violation', constraint: `${parent}_pkey` });
    });

    it('a reference to a missing row, or deleting a row still referred to, is a foreign-key violation naming its constraint', async () => {
      const violation = { kind: 'foreign_key_violation', constraint: `${child}_parent` };
      expect(await classified(() => path.query(`INSERT INTO ${child} (parent_id) VALUES ($1)`, [999]))).toEqual(violation);
      expect(await classified(() => path.query(`DELETE FROM ${parent} WHERE id = 2`))).toEqual(violation);
    });

    it('a value PostgreSQL cannot store is invalid input: a NUL, invalid UTF-8, a number out of range, a malformed uuid, a NUL in jsonb', async () => {
      const invalid = { kind: 'invalid_input' };
      expect(await classified(() => path.query('SELECT $1::text', ['abc\u0000def']))).toEqual(invalid);
      expect(await classified(() => path.query(`SELECT convert_from('\\xc3'::bytea, 'UTF8')`))).toEqual(invalid);
      expect(await classified(() => path.query('SELECT $1::int', ['99999999999']))).toEqual(invalid);
      expect(await classified(() => path.query(`UPDATE ${parent} SET n = $1 WHERE id = 1`, [2 ** 40]))).toEqual(invalid);
      expect(await classified(() => path.query('SELECT $1::uuid', ['not-a-uuid']))).toEqual(invalid);
      expect(await classified(() => path.query('SELECT $1::jsonb', ['{"a":"\\u0000"}']))).toEqual(invalid);
    });

    it('a SERIALIZABLE transaction that lost to a concurrent one is a serialization failure', async () => {
      const first = await path.session();
      const second = await path.session();
      try {
        await first.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        await second.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        // Both take their snapshot; the first changes the row and commits; the second cannot change it after.
        await first.query(`SELECT n FROM ${parent} WHERE id = 1`);
        await second.query(`SELECT n FROM ${parent} WHERE id = 1`);
        await first.query(`UPDATE ${parent} SET n = n + 1 WHERE id = 1`);
        await first.query('COMMIT');
        expect(await classified(() => second.query(`UPDATE ${parent} SET n = n + 1 WHERE id = 1`))).toEqual({ kind: 'serialization_failure' });
      } finally {
        await second.query('ROLLBACK');
        await Promise.all([first.release(), second.release()]);
      }
    });

    it('a deadlock is a serialization failure too', async () => {
      const first = await path.session();
      const second = await path.session();
      try {
        await first.query('BEGIN');
        await second.query('BEGIN');
        await first.query(`UPDATE ${parent} SET n = n + 1 WHERE id = 1`);
        await second.query(`UPDATE ${parent} SET n = n + 1 WHERE id = 2`);
        // Each now waits for the other's row: PostgreSQL breaks the cycle by failing one (after deadlock_timeout, 1 s).
        const outcomes = await Promise.allSettled([
          first.query(`UPDATE ${parent} SET n = n + 1 WHERE id = 2`),
          second.query(`UPDATE ${parent} SET n = n + 1 WHERE id = 1`),
        ]);
        const failed = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(failed).toHaveLength(1);
        expect(classifyDatabaseError(failed[0].reason)).toEqual({ kind: 'serialization_failure' });
      } finally {
        await Promise.all([first.query('ROLLBACK'), second.query('ROLLBACK')]);
        await Promise.all([first.release(), second.release()]);
      }
    });

    it('a database that does not answer is unavailable', async () => {
      const port = await closedPort();
      expect(await classified(() => path.unreachable(port))).toEqual({ kind: 'unavailable' });
    });

    it('a bug is other: a syntax error, a missing table', async () => {
      expect(await classified(() => path.query('SELEC 1'))).toEqual({ kind: 'other' });
      expect(await classified(() => path.query(`SELECT * FROM ${parent}_missing`))).toEqual({ kind: 'other' });
    });

    it('an error that wraps a database error is judged by it', async () => {
      const cause = await path.query('SELECT $1::text', ['\u0000']).catch((error: unknown) => error);
      expect(classifyDatabaseError(new Error('storage call failed', { cause }))).toEqual({ kind: 'invalid_input' });
    });
  });

  it('anything that is not a database error is other', () => {
    expect(classifyDatabaseError(new TypeError('x is undefined'))).toEqual({ kind: 'other' });
    expect(classifyDatabaseError('a string')).toEqual({ kind: 'other' });
    expect(classifyDatabaseError(undefined)).toEqual({ kind: 'other' });
  });
});

/** The answers: the caller's errors 4xx, transient failures 503 with Retry-After, bugs left to the 500. */
describe('databaseProblem', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: inject('databaseUrl'), max: 1 });
  });
  afterAll(() => pool?.end());
  const failure = (sql: string, params?: unknown[]) =>
    pool.query(sql, params).then(
      () => expect.unreachable(),
      (error: unknown) => error,
    );

  it('answers each class on the admin side and on the protocol side', async () => {
    const nul = await failure('SELECT $1::text', ['\u0000']);
    expect(databaseProblem(nul, 'admin')).toMatchObject({
      status: 422,
      error: 'validation_failed',
      details: [{ field: 'request', message: expect.any(String) }],
    });
    expect(databaseProblem(nul, 'protocol')).toMatchObject({ status: 400, error: 'invalid_request' });

    const duplicate = await failure('CREATE TEMP TABLE dup (id int PRIMARY KEY); INSERT INTO dup VALUES (1), (1)');
    expect(databaseProblem(duplicate, 'admin')).toMatchObject({ status: 409, error: 'conflict' });
    expect(databaseProblem(duplicate, 'protocol')).toBeUndefined();

    const unreachable = new pg.Pool({ host: '127.0.0.1', port: await closedPort(), user: 'postgres' });
    const down = await unreachable.query('SELECT 1').catch((error: unknown) => error);
    await unreachable.end();
    for (const side of ['admin', 'protocol'] as const) {
      expect(databaseProblem(down, side)).toEqual({
        status: 503,
        error: 'temporarily_unavailable',
        message: expect.any(String),
        headers: { 'Retry-After': '5' },
      });
    }

    expect(databaseProblem(await failure('SELEC 1'), 'admin')).toBeUndefined();
  });
});
