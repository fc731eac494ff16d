import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { poolOf } from './typeorm-internals.js';

/**
 * Exercises typeorm-internals.ts on a real DataSource on the run's database. A failure names
 * the internal an upgrade changed: fix that function, not its callers.
 */
describe('TypeORM internals (TypeORM 1.1.1)', () => {
  const dataSource = new DataSource({ type: 'postgres', url: inject('databaseUrl'), poolSize: 2 });

  beforeAll(() => dataSource.initialize());
  afterAll(() => dataSource.destroy());

  it("poolOf: an initialised postgres DataSource's driver keeps its pg.Pool as `master`, the pool its queries use", async () => {
    const pool = poolOf(dataSource);
    expect(pool, 'TypeORM internal changed: PostgresDriver#master is no longer the pg.Pool (poolOf)').toBeInstanceOf(pg.Pool);
    const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      expect(pool.totalCount, "TypeORM internal changed: its query runners no longer draw from PostgresDriver#master (poolOf)").toBeGreaterThanOrEqual(1);
      expect(pool.totalCount - pool.idleCount, "TypeORM internal changed: its query runners no longer draw from PostgresDriver#master (poolOf)").toBe(1);
    } finally {
      await runner.release();
    }
  });
});
