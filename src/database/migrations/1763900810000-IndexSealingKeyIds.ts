import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The id of the key-encryption key that sealed each private key and client secret, indexed (the
 * expression is `sealedKeyIdSql` in common/crypto/secret-box.ts, verbatim: the planner matches it
 * by its text). The start check reads one row per key id through it (a few index probes);
 * without it every start read and sorted every signing key: half a second at 100,000 issuers,
 * growing with each one. Expand only: two indexes, built in moments at that size.
 */
export class IndexSealingKeyIds1763900810000 implements MigrationInterface {
  name = 'IndexSealingKeyIds1763900810000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX signing_keys_sealing_key ON signing_keys ((CASE WHEN private_jwk LIKE 'v1.%' THEN 'default' ELSE split_part(private_jwk, '.', 2) END))`,
    );
    await db.query(
      `CREATE INDEX clients_sealing_key ON clients ((CASE WHEN client_secret LIKE 'v1.%' THEN 'default' ELSE split_part(client_secret, '.', 2) END))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX clients_sealing_key');
    await db.query('DROP INDEX signing_keys_sealing_key');
  }
}
