import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log, and admin API keys besides the root ADMIN_API_KEY. Audit events outlive what
 * they describe (no foreign keys): the deletion of a tenant is itself an event to keep.
 */
export class CreateAuditEventsAndAdminKeys1763900400000 implements MigrationInterface {
  name = 'CreateAuditEventsAndAdminKeys1763900400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_events (
        seq           bigserial PRIMARY KEY,
        id            uuid NOT NULL UNIQUE,
        occurred_at   timestamptz NOT NULL DEFAULT now(),
        issuer_id     text,
        actor_type    text NOT NULL,
        actor_id      text NOT NULL,
        actor_name    text,
        action        text NOT NULL,
        resource_type text NOT NULL,
        resource_id   text NOT NULL,
        before        jsonb,
        after         jsonb,
        request_id    text,
        ip            text
      )`);
    await db.query('CREATE INDEX audit_events_issuer_seq ON audit_events (issuer_id, seq DESC)');
    await db.query('CREATE INDEX audit_events_resource ON audit_events (resource_type, resource_id, seq DESC)');
    await db.query(`
      CREATE TABLE admin_keys (
        id          uuid PRIMARY KEY,
        name        text NOT NULL,
        issuer_id   text REFERENCES tenants (issuer_id) ON DELETE CASCADE,
        key_hash    bytea NOT NULL UNIQUE,
        key_prefix  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE admin_keys');
    await db.query('DROP TABLE audit_events');
  }
}
