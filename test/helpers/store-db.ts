import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { DEFAULT_KEY_ID, SecretBox } from '../../src/common/crypto/secret-box.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { createDataSource, runMigrations } from '../../src/database/data-source.js';
import { Database } from '../../src/database/database.js';
import { TENANT_OPTION_DEFAULTS } from '../../src/stores/tenants/tenant.js';
import { TenantsStore, type TenantOptions } from '../../src/stores/tenants/tenants.store.js';
import { TEST_KEK } from './test-secrets.js';

/** What store tests build stores from: the `Database` over the application's DataSource on the run's database, migrated. */
export interface StoreDb {
  db: Database;
  /**
   * Under the run's one key-encryption key: the run's database is shared as one deployment's is,
   * and an application booted on it refuses to start if what it holds opens under another key.
   */
  box: SecretBox;
  close(): Promise<void>;
}

/**
 * Opens the run's database the way DatabaseModule does (same DataSource, same migrations), with
 * no app around it (or another database, `databaseUrl`). `poolSize` is at least 2: migrating holds one connection for its lock.
 */
export async function openStoreDb({ poolSize = 4, databaseUrl = inject('databaseUrl') } = {}): Promise<StoreDb> {
  const config = { databaseUrl, databasePoolSize: poolSize } as AppConfig;
  const dataSource = await createDataSource(config).initialize();
  await runMigrations(dataSource);
  return {
    db: new Database(dataSource, config),
    box: new SecretBox([{ id: DEFAULT_KEY_ID, key: Buffer.from(TEST_KEK, 'hex') }]),
    close: () => dataSource.destroy(),
  };
}

/** A random issuer id under `prefix`: test files share the run's database, so none of them reuses another's ids. */
export const issuerIdOf = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A new tenant (no keys, no clients) with the default options but those given. */
export async function newTenant(db: Database, issuerId: string, options: Partial<TenantOptions> = {}): Promise<string> {
  await new TenantsStore(db).insert({ issuerId, displayName: issuerId, enabled: true, signingAlg: 'ES256', ...TENANT_OPTION_DEFAULTS, ...options });
  return issuerId;
}

/** Two new tenants with distinct random issuer ids: `a` holds the rows, `b` tries to reach them. */
export async function twoTenants(db: Database): Promise<{ a: string; b: string }> {
  const suffix = randomBytes(4).toString('hex');
  return { a: await newTenant(db, `tenant-a-${suffix}`), b: await newTenant(db, `tenant-b-${suffix}`) };
}

/** A connection of its own, outside the pool under test: to see what others committed, or to hold a lock. */
export async function ownConnection(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  return client;
}
