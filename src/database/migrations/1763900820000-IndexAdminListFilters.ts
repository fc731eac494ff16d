import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin API's list filters, indexed, so a page costs the same at 100,000 tenants as at ten:
 * - `GET /v1/tenants?enabled=false` walked the primary key past every enabled tenant to fill a
 *   page (10 ms for the first page, 20 ms for a page of 200, at 1% disabled); partial, so only
 *   the few disabled tenants are in it.
 * - `GET /v1/audit-events?action=` read the whole log when the action was rare or absent (70 ms
 *   at 100,000 events), and `?since=&until=` did for any window in the past (50 ms).
 * Expand only: three indexes.
 */
export class IndexAdminListFilters1763900820000 implements MigrationInterface {
  name = 'IndexAdminListFilters1763900820000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX tenants_disabled ON tenants (issuer_id) WHERE NOT enabled');
    await db.query('CREATE INDEX audit_events_action ON audit_events (action, seq DESC)');
    await db.query('CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX audit_events_occurred_at');
    await db.query('DROP INDEX audit_events_action');
    await db.query('DROP INDEX tenants_disabled');
  }
}
