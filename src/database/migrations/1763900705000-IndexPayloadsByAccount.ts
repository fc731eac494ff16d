import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password change or a user's deletion revokes everything of that account in its tenant, inside
 * the admin's transaction: without this index that is a scan of every token of the tenant.
 * Partial, so rows without an account (client credentials, the hot path) cost nothing to insert.
 */
export class IndexPayloadsByAccount1763900705000 implements MigrationInterface {
  name = 'IndexPayloadsByAccount1763900705000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX oidc_payloads_account ON oidc_payloads (tenant_id, (payload->>'accountId')) WHERE payload->>'accountId' IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX oidc_payloads_account');
  }
}
