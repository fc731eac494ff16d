import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Protocol state keeps no usable credential: each row is keyed by the SHA-256 of its id (the
 * token, code, session or interaction id), and the payload loses its copy of the id (`jti`).
 * See `OidcPayloadsStore` for the scheme; this brings existing rows to it in SQL.
 *
 * Two things SQL cannot do without the key-encryption key, and short-lived rows they touch:
 * - Interactions (sign-ins in progress, an hour at most) hold other credentials (a device
 *   code, a pushed request, the session id) that are now sealed: they are deleted, and a
 *   person on a sign-in page at the upgrade starts again.
 * - User codes are now keyed hashes: the column is cleared. A device flow approved already
 *   still completes; one not yet approved (ten minutes at most) must start again.
 *
 * `sha256(bytea)` is built into PostgreSQL since 11 (no pgcrypto needed), and the embedded store has it too.
 */
export class HashOidcPayloadIds1763900706000 implements MigrationInterface {
  name = 'HashOidcPayloadIds1763900706000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM oidc_payloads WHERE kind = 'Interaction'`);
    await db.query('ALTER TABLE oidc_payloads RENAME COLUMN id TO id_hash');
    await db.query('ALTER TABLE oidc_payloads RENAME COLUMN user_code TO user_code_hash');
    await db.query('ALTER INDEX oidc_payloads_user_code RENAME TO oidc_payloads_user_code_hash');
    // Ids are nanoids (no 64-character hex string among them), so no new key collides with an old one mid-update.
    await db.query(`
      UPDATE oidc_payloads SET
        id_hash = encode(sha256(convert_to(id_hash, 'UTF8')), 'hex'),
        user_code_hash = NULL,
        payload = payload - 'jti' - 'userCode'`);
  }

  /** Hashes cannot be reversed: going back empties the table, so every user signs in again and every client asks for new tokens. */
  async down(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM oidc_payloads');
    await db.query('ALTER INDEX oidc_payloads_user_code_hash RENAME TO oidc_payloads_user_code');
    await db.query('ALTER TABLE oidc_payloads RENAME COLUMN user_code_hash TO user_code');
    await db.query('ALTER TABLE oidc_payloads RENAME COLUMN id_hash TO id');
  }
}
