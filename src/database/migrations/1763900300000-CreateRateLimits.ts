import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Shared rate-limit counters (RATE_LIMIT_STORE=postgres), in the layout rate-limiter-flexible expects. */
export class CreateRateLimits1763900300000 implements MigrationInterface {
  name = 'CreateRateLimits1763900300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limits (
        key     varchar(255) PRIMARY KEY,
        points  integer NOT NULL DEFAULT 0,
        expire  bigint
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE rate_limits');
  }
}
