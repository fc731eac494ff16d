import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Federated sign-in: each tenant's connections to upstream OpenID Providers (the client secret
 * sealed under the key-encryption key, its key id indexed as for client secrets: see
 * IndexSealingKeyIds), the email domains each serves (a domain belongs to one connection of a
 * tenant, so home-realm discovery is one probe of the primary key), and users' links to their
 * upstream identities ((connection, upstream `sub`) names one user). A connection's domains and
 * links go with it; a user's links go with the user. Expand only: new tables.
 */
export class CreateConnections1763900840000 implements MigrationInterface {
  name = 'CreateConnections1763900840000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE connections (
        tenant_id     text NOT NULL REFERENCES tenants (issuer_id) ON DELETE CASCADE,
        connection_id uuid NOT NULL,
        name          text NOT NULL,
        display_name  text NOT NULL,
        issuer        text NOT NULL,
        client_id     text NOT NULL,
        client_secret text NOT NULL,
        scopes        text[] NOT NULL,
        claim_mapping jsonb NOT NULL,
        acr_mapping   jsonb NOT NULL DEFAULT '{}',
        exclusive     boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, connection_id),
        CONSTRAINT connections_name UNIQUE (tenant_id, name)
      )`);
    await db.query(
      `CREATE INDEX connections_sealing_key ON connections ((CASE WHEN client_secret LIKE 'v1.%' THEN 'default' ELSE split_part(client_secret, '.', 2) END))`,
    );
    await db.query(`
      CREATE TABLE connection_domains (
        tenant_id     text NOT NULL,
        domain        text NOT NULL CONSTRAINT connection_domains_lower_case CHECK (domain = lower(domain)),
        connection_id uuid NOT NULL,
        CONSTRAINT connection_domains_pkey PRIMARY KEY (tenant_id, domain),
        FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, connection_id) ON DELETE CASCADE
      )`);
    await db.query('CREATE INDEX connection_domains_connection ON connection_domains (tenant_id, connection_id)');
    await db.query(`
      CREATE TABLE user_links (
        tenant_id       text NOT NULL,
        link_id         uuid NOT NULL,
        user_id         uuid NOT NULL,
        connection_id   uuid NOT NULL,
        subject         text NOT NULL,
        email           text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz,
        PRIMARY KEY (tenant_id, link_id),
        CONSTRAINT user_links_subject UNIQUE (tenant_id, connection_id, subject),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, user_id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, connection_id) ON DELETE CASCADE
      )`);
    await db.query('CREATE INDEX user_links_user ON user_links (tenant_id, user_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE user_links');
    await db.query('DROP TABLE connection_domains');
    await db.query('DROP TABLE connections');
  }
}
