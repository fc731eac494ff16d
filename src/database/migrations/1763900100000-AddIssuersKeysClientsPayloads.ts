import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What makes a tenant a working issuer: its version (cache invalidation), signing keys, clients and protocol state. */
export class AddIssuersKeysClientsPayloads1763900100000 implements MigrationInterface {
  name = 'AddIssuersKeysClientsPayloads1763900100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN version bigint NOT NULL DEFAULT 1,
        ADD COLUMN signing_alg text NOT NULL DEFAULT 'RS256' CHECK (signing_alg IN ('RS256', 'ES256', 'EdDSA')),
        ADD COLUMN key_rotation_days integer NOT NULL DEFAULT 90 CHECK (key_rotation_days BETWEEN 0 AND 3650)`);

    await db.query(`
      CREATE TABLE signing_keys (
        tenant_id     text NOT NULL REFERENCES tenants (issuer_id) ON DELETE CASCADE,
        kid           text NOT NULL,
        alg           text NOT NULL,
        use           text NOT NULL DEFAULT 'sig',
        status        text NOT NULL CHECK (status IN ('next', 'active', 'retired')),
        public_jwk    jsonb NOT NULL,
        private_jwk   text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        activated_at  timestamptz,
        retired_at    timestamptz,
        PRIMARY KEY (tenant_id, kid)
      )`);
    await db.query(`CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (tenant_id) WHERE status = 'active'`);
    await db.query(`CREATE UNIQUE INDEX signing_keys_one_next ON signing_keys (tenant_id) WHERE status = 'next'`);

    await db.query(`
      CREATE TABLE clients (
        tenant_id      text NOT NULL REFERENCES tenants (issuer_id) ON DELETE CASCADE,
        client_id      text NOT NULL,
        client_name    text,
        metadata       jsonb NOT NULL,
        client_secret  text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, client_id)
      )`);

    await db.query(`
      CREATE TABLE oidc_payloads (
        tenant_id    text NOT NULL REFERENCES tenants (issuer_id) ON DELETE CASCADE,
        kind         text NOT NULL,
        id           text NOT NULL,
        payload      jsonb NOT NULL,
        grant_id     text,
        user_code    text,
        uid          text,
        expires_at   timestamptz,
        consumed_at  timestamptz,
        PRIMARY KEY (tenant_id, kind, id)
      )`);
    await db.query(`CREATE INDEX oidc_payloads_grant ON oidc_payloads (tenant_id, grant_id) WHERE grant_id IS NOT NULL`);
    await db.query(`CREATE INDEX oidc_payloads_user_code ON oidc_payloads (tenant_id, user_code) WHERE user_code IS NOT NULL`);
    await db.query(`CREATE INDEX oidc_payloads_uid ON oidc_payloads (tenant_id, uid) WHERE uid IS NOT NULL`);
    await db.query(`CREATE INDEX oidc_payloads_expiry ON oidc_payloads (expires_at) WHERE expires_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE oidc_payloads');
    await db.query('DROP TABLE clients');
    await db.query('DROP TABLE signing_keys');
    await db.query('ALTER TABLE tenants DROP COLUMN key_rotation_days, DROP COLUMN signing_alg, DROP COLUMN version');
  }
}
