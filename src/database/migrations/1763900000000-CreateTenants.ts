import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTenants1763900000000 implements MigrationInterface {
  name = 'CreateTenants1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenants (
        issuer_id    text PRIMARY KEY CHECK (issuer_id ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$'),
        display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
        enabled      boolean NOT NULL DEFAULT true,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE tenants');
  }
}
