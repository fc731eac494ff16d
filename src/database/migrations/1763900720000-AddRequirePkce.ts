import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant may require PKCE of every client, confidential ones included (RFC 9700 §2.1.1).
 * Expand only: the column has a default, so the previous release, which neither reads nor
 * writes it, keeps creating and serving tenants.
 */
export class AddRequirePkce1763900720000 implements MigrationInterface {
  name = 'AddRequirePkce1763900720000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE tenants ADD COLUMN require_pkce_for_all_clients boolean NOT NULL DEFAULT false');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE tenants DROP COLUMN require_pkce_for_all_clients');
  }
}
