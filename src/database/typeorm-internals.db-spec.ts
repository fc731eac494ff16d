import pg from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { describe, expect, inject, it } from 'vitest';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';
import { connectionPoolOf } from './typeorm-internals.js';

/**
 * On the application's own DataSource over the run's database. A failure names the internal
 * an upgrade changed: fix that function, not its callers.
 */
describe('typeorm internals (typeorm 1.1.1, pg 8.23.1)', () => {
  it('connectionPoolOf: the pg Pool the DataSource lends connections from, with its counts; none while closed', async () => {
    const dataSource = createDataSource({ databaseUrl: inject('databaseUrl'), databasePoolSize: 2 } as AppConfig);
    expect(connectionPoolOf(dataSource), 'typeorm internal changed: PostgresDriver.master is set before initialize').toBeUndefined();
    await dataSource.initialize();
    const leases: Array<() => void> = [];
    const lend = async () => {
      const [, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [pg.PoolClient, () => void];
      leases.push(release);
    };
    try {
      const pool = connectionPoolOf(dataSource)!;
      expect(pool, 'typeorm internal changed: PostgresDriver.master is not the pg Pool').toBeInstanceOf(pg.Pool);
      expect(pool.options.max).toBe(2);

      // What the driver lends is what the pool counts: in use, then a caller waiting past the size.
      await lend();
      await lend();
      expect({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }).toEqual({ total: 2, idle: 0, waiting: 0 });
      const third = lend();
      expect(pool.waitingCount).toBe(1);
      leases.shift()!();
      await third;
      expect({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }).toEqual({ total: 2, idle: 0, waiting: 0 });
    } finally {
      for (const release of leases) release();
      await dataSource.destroy();
    }
    expect(connectionPoolOf(dataSource), 'typeorm internal changed: PostgresDriver.master outlives destroy').toBeUndefined();
  });
});
