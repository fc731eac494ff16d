import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { SecretBox } from '../../src/common/crypto/secret-box.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { createDataSource, runMigrations } from '../../src/database/data-source.js';
import { poolOf } from '../../src/database/typeorm-internals.js';
import { TENANT_OPTION_DEFAULTS } from '../../src/stores/tenants/tenant.js';
import { TenantsStore } from '../../src/stores/tenants/tenants.store.js';

/** What store tests build stores from: the application's DataSource on the run's database, migrated. */
export interface StoreDb {
  dataSource: DataSource;
  /** The DataSource's own `pg` pool, as PG_POOL provides it. */
  pool: pg.Pool;
  /** Under a random key: each test file seals and opens with its own. */
  box: SecretBox;
  close(): Promise<void>;
}

/** Opens the run's database the way DatabaseModule does (same DataSource, same migrations), with no app around it. */
export async function openStoreDb(): Promise<StoreDb> {
  const config = { databaseUrl: inject('databaseUrl'), databasePoolSize: 4 } as AppConfig;
  const dataSource = await createDataSource(config).initialize();
  await runMigrations(dataSource);
  return { dataSource, pool: poolOf(dataSource), box: new SecretBox(randomBytes(32)), close: () => dataSource.destroy() };
}

/** Two new tenants with distinct random issuer ids: `a` holds the rows, `b` tries to reach them. */
export async function twoTenants(db: StoreDb): Promise<{ a: string; b: string }> {
  const tenants = new TenantsStore(db.dataSource);
  const suffix = randomBytes(4).toString('hex');
  const [a, b] = [`tenant-a-${suffix}`, `tenant-b-${suffix}`];
  for (const issuerId of [a, b]) {
    await tenants.insert({ issuerId, displayName: issuerId, enabled: true, signingAlg: 'RS256', ...TENANT_OPTION_DEFAULTS }, db.dataSource.manager);
  }
  return { a, b };
}
