import { Injectable } from '@nestjs/common';
import { SecretBox, sealedKeyIdSql } from '../../common/crypto/secret-box.js';
import { Database } from '../../database/database.js';
import { fromRow, setColumns } from '../../database/rows.js';
import { keyIdsThatDoNotOpen, oneRowPerSealingKeySql, resealRows, type Resealed } from '../sealed-rows.js';
import type { Connection } from './connection.js';

/** A new connection: its fields, with the client secret in the clear (sealed here). */
export type NewConnection = Omit<Connection, 'createdAt' | 'updatedAt'> & { clientSecret: string };

/** What an update may change (undefined: left as it is); `emailDomains` replaces the whole set. */
export type ConnectionChanges = Partial<
  Pick<NewConnection, 'name' | 'displayName' | 'issuer' | 'clientId' | 'clientSecret' | 'scopes' | 'claimMapping' | 'acrMapping' | 'emailDomains' | 'exclusive'>
>;

/** Binds a sealed client secret to its tenant and connection: a ciphertext moved to another row does not open. */
const secretAad = (tenantId: string, connectionId: string) => `connection_client_secret:${tenantId}:${connectionId}`;

/** Every column but the sealed secret (which only `clientSecret` reads), with the connection's domains in order. */
const COLUMNS = `c.tenant_id, c.connection_id, c.name, c.display_name, c.issuer, c.client_id, c.scopes, c.claim_mapping, c.acr_mapping, c.exclusive,
  c.created_at, c.updated_at,
  ARRAY(SELECT d.domain FROM connection_domains d WHERE d.tenant_id = c.tenant_id AND d.connection_id = c.connection_id ORDER BY d.domain) AS email_domains`;

const toConnection = (row: Record<string, unknown>) => fromRow<Connection>(row);

/**
 * The only code that reads or writes `connections` and `connection_domains`. Every query names
 * its tenant. Client secrets are sealed here on the way in and opened here on the way out.
 */
@Injectable()
export class ConnectionsStore {
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {}

  /** In name order; a page of it with `page` (names after `after`, at most `limit`). */
  async list(tenantId: string, page?: { after?: string; limit: number }): Promise<Connection[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM connections c WHERE c.tenant_id = $1 AND ($2::text IS NULL OR c.name > $2) ORDER BY c.name LIMIT $3`,
      [tenantId, page?.after ?? null, page?.limit ?? null],
    );
    return rows.map(toConnection);
  }

  async find(tenantId: string, connectionId: string): Promise<Connection | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM connections c WHERE c.tenant_id = $1 AND c.connection_id = $2`, [tenantId, connectionId]);
    return row ? toConnection(row) : null;
  }

  async findByName(tenantId: string, name: string): Promise<Connection | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM connections c WHERE c.tenant_id = $1 AND c.name = $2`, [tenantId, name]);
    return row ? toConnection(row) : null;
  }

  /** The connection serving this email domain (lower-cased by the caller): home-realm discovery. */
  async forDomain(tenantId: string, domain: string): Promise<Connection | null> {
    const [row] = await this.db.query(
      `SELECT ${COLUMNS} FROM connection_domains cd JOIN connections c ON c.tenant_id = cd.tenant_id AND c.connection_id = cd.connection_id
       WHERE cd.tenant_id = $1 AND cd.domain = $2`,
      [tenantId, domain],
    );
    return row ? toConnection(row) : null;
  }

  /** Of these domains, those another connection of the tenant (not `except`) serves, with that connection's name. */
  async domainsServed(tenantId: string, domains: string[], except?: string): Promise<Array<{ domain: string; name: string }>> {
    return this.db.query<{ domain: string; name: string }>(
      `SELECT cd.domain, c.name FROM connection_domains cd JOIN connections c ON c.tenant_id = cd.tenant_id AND c.connection_id = cd.connection_id
       WHERE cd.tenant_id = $1 AND cd.domain = ANY ($2::text[]) AND ($3::uuid IS NULL OR cd.connection_id <> $3) ORDER BY cd.domain`,
      [tenantId, domains, except ?? null],
    );
  }

  /** The client secret, opened: for the sign-in's token request only. */
  async clientSecret(tenantId: string, connectionId: string): Promise<string | null> {
    const [row] = await this.db.query<{ client_secret: string }>('SELECT client_secret FROM connections WHERE tenant_id = $1 AND connection_id = $2', [
      tenantId,
      connectionId,
    ]);
    return row ? this.box.open(row.client_secret, secretAad(tenantId, connectionId)) : null;
  }

  /** Inserts the connection and its domains; a taken name or domain throws the database's unique violation. */
  async insert(connection: NewConnection): Promise<Connection> {
    const { tenantId, connectionId } = connection;
    return this.db.transaction(async () => {
      await this.db.execute(
        `INSERT INTO connections (tenant_id, connection_id, name, display_name, issuer, client_id, client_secret, scopes, claim_mapping, acr_mapping, exclusive)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          tenantId,
          connectionId,
          connection.name,
          connection.displayName,
          connection.issuer,
          connection.clientId,
          this.box.seal(connection.clientSecret, secretAad(tenantId, connectionId)),
          connection.scopes,
          JSON.stringify(connection.claimMapping),
          JSON.stringify(connection.acrMapping),
          connection.exclusive,
        ],
      );
      await this.insertDomains(tenantId, connectionId, connection.emailDomains);
      return (await this.find(tenantId, connectionId))!;
    });
  }

  /** Applies the changes; null when there is no such connection. */
  async update(tenantId: string, connectionId: string, changes: ConnectionChanges): Promise<Connection | null> {
    const { emailDomains, clientSecret, claimMapping, acrMapping, ...plain } = changes;
    const set = setColumns(
      {
        ...plain,
        clientSecret: clientSecret === undefined ? undefined : this.box.seal(clientSecret, secretAad(tenantId, connectionId)),
        claimMapping: claimMapping === undefined ? undefined : JSON.stringify(claimMapping),
        acrMapping: acrMapping === undefined ? undefined : JSON.stringify(acrMapping),
      },
      3,
    );
    return this.db.transaction(async () => {
      const sql = `UPDATE connections SET ${set.sql ? `${set.sql}, ` : ''}updated_at = now() WHERE tenant_id = $1 AND connection_id = $2`;
      if ((await this.db.execute(sql, [tenantId, connectionId, ...set.params])) === 0) return null;
      if (emailDomains !== undefined) {
        await this.db.execute('DELETE FROM connection_domains WHERE tenant_id = $1 AND connection_id = $2', [tenantId, connectionId]);
        await this.insertDomains(tenantId, connectionId, emailDomains);
      }
      return this.find(tenantId, connectionId);
    });
  }

  /** Whether it was there to delete; its domains and user links go with it. */
  async delete(tenantId: string, connectionId: string): Promise<boolean> {
    return (await this.db.execute('DELETE FROM connections WHERE tenant_id = $1 AND connection_id = $2', [tenantId, connectionId])) > 0;
  }

  private async insertDomains(tenantId: string, connectionId: string, domains: string[]): Promise<void> {
    if (domains.length === 0) return;
    await this.db.execute('INSERT INTO connection_domains (tenant_id, domain, connection_id) SELECT $1, domain, $2 FROM unnest($3::text[]) AS domain', [
      tenantId,
      connectionId,
      domains,
    ]);
  }

  /** The key-encryption key ids (of those sealing connection client secrets here) whose keys this process lacks or that do not open them. */
  keyIdsThatDoNotOpen(): Promise<string[]> {
    return keyIdsThatDoNotOpen(
      this.db,
      oneRowPerSealingKeySql('connections', 'client_secret', 'tenant_id, connection_id'),
      (row: { key_id: string; tenant_id: string; connection_id: string; sealed: string }) =>
        this.box.open(row.sealed, secretAad(row.tenant_id, row.connection_id)),
    );
  }

  /** How many connection client secrets each key-encryption key id seals. */
  async countBySealingKey(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ key_id: string; count: number }>(
      `SELECT ${sealedKeyIdSql('client_secret')} AS key_id, count(*)::int AS count FROM connections GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.key_id, row.count]));
  }

  /** Re-seals up to `limit` connection client secrets that are not under the sealing key (see `resealRows`). */
  resealBatch(limit: number): Promise<Resealed> {
    return resealRows(this.db, {
      select: `SELECT tenant_id, connection_id::text, client_secret AS sealed FROM connections
               WHERE ${sealedKeyIdSql('client_secret')} <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
      params: [this.box.currentKeyId, limit],
      reseal: (row: { tenant_id: string; connection_id: string; sealed: string }) => [this.box.reseal(row.sealed, secretAad(row.tenant_id, row.connection_id))],
      update: `UPDATE connections c SET client_secret = v.sealed FROM unnest($1::text[], $2::uuid[], $3::text[]) AS v(tenant_id, connection_id, sealed)
               WHERE c.tenant_id = v.tenant_id AND c.connection_id = v.connection_id`,
      columns: (row) => [row.tenant_id, row.connection_id],
    });
  }
}
