import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-tenant token lifetimes, allowed grant types and login page branding. */
export class AddTenantOptions1763900500000 implements MigrationInterface {
  name = 'AddTenantOptions1763900500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN access_token_ttl  integer NOT NULL DEFAULT 3600,
        ADD COLUMN id_token_ttl      integer NOT NULL DEFAULT 3600,
        ADD COLUMN refresh_token_ttl integer NOT NULL DEFAULT 1209600,
        ADD COLUMN grant_types       text[]  NOT NULL DEFAULT '{authorization_code,refresh_token,client_credentials,implicit,urn:ietf:params:oauth:grant-type:device_code}',
        ADD COLUMN logo_url          text,
        ADD COLUMN brand_color       text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE tenants DROP COLUMN access_token_ttl, DROP COLUMN id_token_ttl, DROP COLUMN refresh_token_ttl, DROP COLUMN grant_types, DROP COLUMN logo_url, DROP COLUMN brand_color',
    );
  }
}
