import { Injectable } from '@nestjs/common';
import { SecretBox, sealedKeyIdSql } from '../../common/crypto/secret-box.js';
import { keyIdsThatDoNotOpen, oneRowPerSealingKeySql, resealRows, type Resealed } from '../sealed-rows.js';
import { Database } from '../../database/database.js';
import { fromRow, insertValues, setColumns } from '../../database/rows.js';
import type { Client, ClientWithSecret } from './client.js';

export interface ClientListFilter {
  after?: string;
  clientName?: string;
  limit: number;
}

/** Every column but the sealed secret, which only `findWithSecret` reads. */
const COLUMNS = 'tenant_id, client_id, client_name, metadata, created_at, updated_at';

/** Binds a sealed secret to its tenant and client: a ciphertext moved to another row does not open. */
const secretAad = (tenantId: string, clientId: string) => `client_secret:${tenantId}:${clientId}`;

/**
 * The only code that reads or writes `clients`. Every query names its tenant. Secrets are
 * sealed here on the way in and opened here on the way out, under the key-encryption key.
 */
@Injectable()
export class ClientsStore {
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {}

  private seal(tenantId: string, clientId: string, secret: string | null): string | null {
    return secret === null ? null : this.box.seal(secret, secretAad(tenantId, clientId));
  }

  async insert(client: Omit<ClientWithSecret, 'createdAt' | 'updatedAt'>): Promise<Client> {
    const values = insertValues({ ...client, clientSecret: this.seal(client.tenantId, client.clientId, client.clientSecret) });
    const [row] = await this.db.query(`INSERT INTO clients ${values.sql} RETURNING ${COLUMNS}`, values.params);
    return fromRow(row);
  }

  async find(tenantId: string, clientId: string): Promise<Client | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM clients WHERE tenant_id = $1 AND client_id = $2`, [tenantId, clientId]);
    return row ? fromRow(row) : null;
  }

  /** With its secret, opened: for the provider's client lookups and secret-keeping updates only. */
  async findWithSecret(tenantId: string, clientId: string): Promise<ClientWithSecret | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS}, client_secret FROM clients WHERE tenant_id = $1 AND client_id = $2`, [tenantId, clientId]);
    if (!row) return null;
    const client = fromRow<ClientWithSecret>(row);
    return { ...client, clientSecret: client.clientSecret === null ? null : this.box.open(client.clientSecret, secretAad(tenantId, clientId)) };
  }

  /** The key-encryption key ids (of those sealing client secrets here) whose keys this process lacks or that do not open them. */
  keyIdsThatDoNotOpen(): Promise<string[]> {
    return keyIdsThatDoNotOpen(
      this.db,
      oneRowPerSealingKeySql('clients', 'client_secret', 'tenant_id, client_id'),
      (row: { key_id: string; tenant_id: string; client_id: string; sealed: string }) => this.box.open(row.sealed, secretAad(row.tenant_id, row.client_id)),
    );
  }

  /** How many client secrets each key-encryption key id seals. */
  async countBySealingKey(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ key_id: string; count: number }>(
      `SELECT ${sealedKeyIdSql('client_secret')} AS key_id, count(*)::int AS count FROM clients WHERE client_secret IS NOT NULL GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.key_id, row.count]));
  }

  /** Re-seals up to `limit` client secrets that are not under the sealing key (see `resealRows`). */
  resealBatch(limit: number): Promise<Resealed> {
    return resealRows(this.db, {
      select: `SELECT tenant_id, client_id, client_secret AS sealed FROM clients
               WHERE client_secret IS NOT NULL AND ${sealedKeyIdSql('client_secret')} <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
      params: [this.box.currentKeyId, limit],
      reseal: (row: { tenant_id: string; client_id: string; sealed: string }) => [this.box.reseal(row.sealed, secretAad(row.tenant_id, row.client_id))],
      update: `UPDATE clients c SET client_secret = v.sealed FROM unnest($1::text[], $2::text[], $3::text[]) AS v(tenant_id, client_id, sealed)
               WHERE c.tenant_id = v.tenant_id AND c.client_id = v.client_id`,
      columns: (row) => [row.tenant_id, row.client_id],
    });
  }

  /** In `client_id` order. */
  async list(tenantId: string, { after, clientName, limit }: ClientListFilter): Promise<Client[]> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS} FROM clients
       WHERE tenant_id = $1 AND ($2::text IS NULL OR client_id > $2) AND ($3::text IS NULL OR client_name = $3)
       ORDER BY client_id LIMIT $4`,
      [tenantId, after ?? null, clientName ?? null, limit],
    );
    return rows.map((row) => fromRow<Client>(row));
  }

  /** Ids of the tenant's clients registered with any of these grant types. */
  async usingGrants(tenantId: string, grantTypes: string[]): Promise<string[]> {
    const rows = await this.db.query<{ client_id: string }>(
      `SELECT client_id FROM clients WHERE tenant_id = $1 AND metadata->'grant_types' ?| $2::text[] ORDER BY client_id`,
      [tenantId, grantTypes],
    );
    return rows.map((row) => row.client_id);
  }

  async update(tenantId: string, clientId: string, changes: Partial<Pick<ClientWithSecret, 'clientName' | 'metadata' | 'clientSecret'>>): Promise<boolean> {
    const sealed = changes.clientSecret === undefined ? changes : { ...changes, clientSecret: this.seal(tenantId, clientId, changes.clientSecret) };
    const set = setColumns(sealed, 3);
    const sql = `UPDATE clients SET ${set.sql ? `${set.sql}, ` : ''}updated_at = now() WHERE tenant_id = $1 AND client_id = $2`;
    return (await this.db.execute(sql, [tenantId, clientId, ...set.params])) > 0;
  }

  async delete(tenantId: string, clientId: string): Promise<boolean> {
    return (await this.db.execute('DELETE FROM clients WHERE tenant_id = $1 AND client_id = $2', [tenantId, clientId])) > 0;
  }
}
