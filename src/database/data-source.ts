import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import type { EmbeddedStore } from './embedded.js';
import { migrations } from './migrations/index.js';

/**
 * The one DataSource definition, for the application and for scripts: it owns the connection
 * pool (which `Database` queries through) and the migrations. The schema is owned by the
 * migrations alone: there are no entities, and `synchronize` stays off everywhere.
 */
export function createDataSource(config: AppConfig, embedded?: EmbeddedStore): DataSource {
  const connection: Partial<DataSourceOptions> = embedded
    ? { host: embedded.host, port: embedded.port, username: 'postgres', database: 'postgres' }
    : { url: config.databaseUrl };
  return new DataSource({
    type: 'postgres',
    ...connection,
    applicationName: 'portcullis',
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // `max`: pool size; the connect timeout keeps /readyz and start-up from hanging on a dead host.
    extra: { max: config.databasePoolSize, connectionTimeoutMillis: 5_000 },
  } as DataSourceOptions);
}

/** Any fixed number: it only has to be the same in every replica. */
const MIGRATION_LOCK_ID = 7_340_117;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so replicas that start together
 * migrate once, one after another, instead of racing on the same DDL.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}
