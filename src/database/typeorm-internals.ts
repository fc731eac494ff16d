import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * Every place Portcullis relies on TypeORM beyond its documented API. Each function names the
 * internal it relies on, the version it was checked against and why no public API does the
 * job; `typeorm-internals.db-spec.ts` runs it on a real DataSource, so an upgrade that changes
 * one fails there, by name.
 *
 * Checked against typeorm 1.1.1 and pg 8.23.1.
 */

/**
 * The `pg` pool under the DataSource, for its counters (`totalCount`, `idleCount`,
 * `waitingCount`, public in pg-pool); undefined before the DataSource is initialised or
 * after it is destroyed.
 * Relies on: PostgresDriver's `master` field (declared `master: any`, undocumented) holding the
 * pool `createPool` made in `connect()`, and cleared on `disconnect()`.
 * No public API: TypeORM lends connections one at a time (`obtainMasterConnection`) and says
 * nothing of the pool's state.
 */
export function connectionPoolOf(dataSource: DataSource): pg.Pool | undefined {
  const pool = (dataSource.driver as PostgresDriver).master as unknown;
  if (pool === undefined) return undefined;
  if (!(pool instanceof pg.Pool)) throw new Error('typeorm internal changed: PostgresDriver.master is no longer the pg Pool (database/typeorm-internals.ts)');
  return pool;
}
