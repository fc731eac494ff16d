import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each tenant's dynamic client registration policy (RFC 7591): `off`, `initial_access_token`
 * or `open`. Expand only: a column with a constant default (a catalog change, no rewrite), so a
 * tenant the previous release creates, which names no policy, is `off`, as that release
 * behaves. The check holds every row, including what that release writes.
 */
export class AddRegistrationPolicy1763900730000 implements MigrationInterface {
  name = 'AddRegistrationPolicy1763900730000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants ADD COLUMN registration text NOT NULL DEFAULT 'off'
        CONSTRAINT tenants_registration_check CHECK (registration IN ('off', 'initial_access_token', 'open'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE tenants DROP COLUMN registration');
  }
}
