import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Every place Portcullis relies on how TypeORM works inside, rather than on its documented
 * API. Each function names the internal it relies on, the version it was checked against and
 * why no public API does the job; `typeorm-internals.spec.ts` exercises each one on a real
 * DataSource, so an upgrade that changes one fails there, by name.
 *
 * Checked against TypeORM 1.1.1 (postgres driver, no replication).
 */

/**
 * The `pg` pool an initialised postgres DataSource opened, so hot-path SQL shares its
 * connections (and its size limit) instead of opening a second pool.
 * Relies on: `PostgresDriver#master` (typeorm/driver/postgres/PostgresDriver.js), the pool
 * set by `connect()` when no replication is configured.
 * No public API: TypeORM hands out query runners (one connection each, with its own
 * per-query machinery), never the pool.
 */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}
