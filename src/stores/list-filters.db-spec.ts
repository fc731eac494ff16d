import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource, runMigrations } from '../database/data-source.js';
import { createDatabase, dropDatabase } from '../../test/helpers/db.js';
import { RecordingDatabase, rowsRead } from '../../test/helpers/query-plans.js';
import { AuditTrail } from './audit-events/audit-trail.store.js';
import { TenantsStore } from './tenants/tenants.store.js';

/** Tenants and audit events: enough that a filter read by walking the table is unmistakable beside one read through an index. */
const ROWS = 3_000;
const DISABLED = 5;

// A database of its own: the plans depend on how many rows the tables hold, which other test files change.
describe('admin list filters at scale', () => {
  let url: string;
  let dataSource: DataSource | undefined;
  let db: RecordingDatabase;
  const lastHour = new Date(Date.now() - 3_600_000).toISOString();

  beforeAll(async () => {
    url = await createDatabase('portcullis_list_filters');
    const config = { databaseUrl: url, databasePoolSize: 4 } as AppConfig;
    dataSource = await createDataSource(config).initialize();
    await runMigrations(dataSource);
    db = new RecordingDatabase(dataSource, config);
    await db.execute(
      `INSERT INTO tenants (issuer_id, display_name, enabled) SELECT 'tenant-' || lpad(i::text, 5, '0'), 'T' || i, i % ($2::int / $3::int) <> 0 FROM generate_series(1, $1::int) i`,
      [ROWS, ROWS, DISABLED],
    );
    await db.execute(
      `INSERT INTO audit_events (id, issuer_id, actor_type, actor_id, action, resource_type, resource_id)
       SELECT gen_random_uuid(), 'tenant-' || lpad(i::text, 5, '0'), 'admin_key', 'root', 'tenant.created', 'tenant', 'tenant-' || lpad(i::text, 5, '0')
       FROM generate_series(1, $1::int) i`,
      [ROWS],
    );
    await db.execute('ANALYZE tenants, audit_events');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (url) await dropDatabase(url);
  });

  it('pages through the disabled tenants without reading the enabled ones', async () => {
    const tenants = new TenantsStore(db);
    const [first] = await db.during(async () => expect(await tenants.list({ enabled: false, limit: 3 })).toHaveLength(3));
    const [deeper] = await db.during(async () =>
      expect((await tenants.list({ enabled: false, after: 'tenant-01000', limit: 10 })).map((t) => t.issuerId)).toEqual([
        'tenant-01200',
        'tenant-01800',
        'tenant-02400',
        'tenant-03000',
      ]),
    );
    expect(await rowsRead(db, first, 'tenants')).toBeLessThan(10);
    expect(await rowsRead(db, deeper, 'tenants')).toBeLessThan(10);
  });

  it('finds audit events by action, or in a window of the past, without reading the whole log', async () => {
    const trail = new AuditTrail(db);
    const [byAction] = await db.during(async () => expect(await trail.list({ action: 'tenant.deleted', limit: 51 })).toEqual([]));
    const [inWindow] = await db.during(async () => expect(await trail.list({ since: '2000-01-01T00:00:00Z', until: lastHour, limit: 51 })).toEqual([]));
    expect(await rowsRead(db, byAction, 'audit_events')).toBeLessThan(10);
    expect(await rowsRead(db, inWindow, 'audit_events')).toBeLessThan(10);
  });
});
