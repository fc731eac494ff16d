import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in factors besides the password, one row each: TOTP authenticators (the secret sealed
 * under the key-encryption key, with the last time step accepted, so a code is good once),
 * WebAuthn credentials (passkeys and security keys: public key and signature counter; the
 * credential id is unique within a tenant, which is how an assertion finds its user) and a
 * user's set of recovery codes (SHA-256 of each, removed as used). A user's factors go with the user.
 *
 * And each tenant's sign-in policy (see stores/tenants/sign-in-policy.ts), a JSON document whose
 * default is what the previous release does, with factors added: every factor allowed, a second
 * factor asked of whoever enrolled one, no enrollment required. Expand only: a new table, and a
 * column with a constant default.
 */
export class CreateUserFactors1763900830000 implements MigrationInterface {
  name = 'CreateUserFactors1763900830000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_factors (
        tenant_id      text NOT NULL,
        factor_id      uuid NOT NULL,
        user_id        uuid NOT NULL,
        kind           text NOT NULL CONSTRAINT user_factors_kind_check CHECK (kind IN ('totp', 'passkey', 'security_key', 'recovery_codes')),
        label          text NOT NULL,
        totp_secret    text,
        totp_last_step bigint,
        credential_id  text,
        public_key     bytea,
        sign_count     bigint,
        transports     text[],
        synced         boolean,
        code_hashes    text[],
        created_at     timestamptz NOT NULL DEFAULT now(),
        last_used_at   timestamptz,
        PRIMARY KEY (tenant_id, factor_id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE,
        CONSTRAINT user_factors_shape_check CHECK (
          CASE kind
            WHEN 'totp' THEN totp_secret IS NOT NULL
            WHEN 'recovery_codes' THEN code_hashes IS NOT NULL
            ELSE credential_id IS NOT NULL AND public_key IS NOT NULL AND sign_count IS NOT NULL
          END)
      )`);
    await db.query('CREATE INDEX user_factors_user ON user_factors (tenant_id, user_id)');
    await db.query('CREATE UNIQUE INDEX user_factors_credential ON user_factors (tenant_id, credential_id) WHERE credential_id IS NOT NULL');
    await db.query(
      `CREATE INDEX user_factors_sealing_key ON user_factors ((CASE WHEN totp_secret LIKE 'v1.%' THEN 'default' ELSE split_part(totp_secret, '.', 2) END))`,
    );
    await db.query(`ALTER TABLE tenants ADD COLUMN sign_in_policy jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE tenants DROP COLUMN sign_in_policy');
    await db.query('DROP TABLE user_factors');
  }
}
