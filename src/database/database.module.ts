import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { createDataSource, runMigrations } from './data-source.js';
import { startEmbeddedStore, type EmbeddedStore } from './embedded.js';
import { Database } from './database.js';
import { describeDatabase } from './describe-database.js';

const EMBEDDED_STORE = Symbol('EMBEDDED_STORE');

/** `pg` connection settings of the database, for code that needs its own connection (LISTEN). */
export const PG_CONNECTION = Symbol('PG_CONNECTION');

/**
 * Owns the database for the process: starts the embedded store when no `DATABASE_URL`
 * is set, opens the DataSource, applies migrations, and closes both, in that order
 * reversed, on shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.databaseUrl ? null : startEmbeddedStore(config.dataDir, config.databasePoolSize)),
    },
    {
      provide: DataSource,
      inject: [APP_CONFIG, EMBEDDED_STORE],
      useFactory: async (config: AppConfig, embedded: EmbeddedStore | null) => {
        const dataSource = createDataSource(config, embedded ?? undefined);
        await dataSource.initialize().catch((error: Error) => {
          throw new Error(`cannot connect to the database at ${describeDatabase(config)}: ${error.message}`, { cause: error });
        });
        await runMigrations(dataSource);
        return dataSource;
      },
    },
    {
      provide: PG_CONNECTION,
      inject: [APP_CONFIG, EMBEDDED_STORE],
      useFactory: (config: AppConfig, embedded: EmbeddedStore | null): pg.ClientConfig =>
        embedded ? { host: embedded.host, port: embedded.port, user: 'postgres', database: 'postgres' } : { connectionString: config.databaseUrl },
    },
    Database,
  ],
  exports: [DataSource, Database, PG_CONNECTION],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EMBEDDED_STORE) private readonly embedded: EmbeddedStore | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}
