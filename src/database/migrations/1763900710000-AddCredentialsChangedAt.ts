import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each user's password last changed: the engine honours nothing of the user's (session,
 * grant, token) from before it, so a row that a request in flight writes back after the change
 * revoked it signs nobody in. Null until the first change: everything so far counts.
 */
export class AddCredentialsChangedAt1763900710000 implements MigrationInterface {
  name = 'AddCredentialsChangedAt1763900710000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users ADD COLUMN credentials_changed_at timestamptz');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users DROP COLUMN credentials_changed_at');
  }
}
