import type { MigrationInterface, QueryRunner } from 'typeorm';

/** End users of each issuer. `user_id` is the `sub` of their tokens. */
export class CreateUsers1763900200000 implements MigrationInterface {
  name = 'CreateUsers1763900200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        tenant_id      text NOT NULL REFERENCES tenants (issuer_id) ON DELETE CASCADE,
        user_id        uuid NOT NULL,
        username       text NOT NULL,
        password_hash  text NOT NULL,
        email          text,
        claims         jsonb NOT NULL DEFAULT '{}',
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, user_id)
      )`);
    // Usernames are unique per issuer, whatever their case.
    await db.query(`CREATE UNIQUE INDEX users_username ON users (tenant_id, lower(username))`);
    await db.query(`CREATE INDEX users_email ON users (tenant_id, lower(email)) WHERE email IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE users');
  }
}
