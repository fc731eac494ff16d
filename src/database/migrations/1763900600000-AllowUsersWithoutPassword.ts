import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users imported from another deployment come without passwords (hashes never leave one); they cannot sign in until an admin sets one. */
export class AllowUsersWithoutPassword1763900600000 implements MigrationInterface {
  name = 'AllowUsersWithoutPassword1763900600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM users WHERE password_hash IS NULL');
    await db.query('ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL');
  }
}
