import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Database } from '../../database/database.js';

/** A row of `admin_keys` without its hash. */
export interface AdminKeyRow {
  id: string;
  name: string;
  issuer_id: string | null;
  key_prefix: string;
  created_at: Date;
}

const COLUMNS = 'id, name, issuer_id, key_prefix, created_at';

/** The only code that reads or writes `admin_keys`. Keys are stored as their SHA-256 only. */
@Injectable()
export class AdminKeysStore {
  constructor(private readonly db: Database) {}

  async findByDigest(digest: string): Promise<Pick<AdminKeyRow, 'id' | 'name' | 'issuer_id'> | null> {
    const [row] = await this.db.query<AdminKeyRow>(`SELECT id, name, issuer_id FROM admin_keys WHERE key_hash = decode($1, 'hex')`, [digest]);
    return row ?? null;
  }

  async insert(key: { name: string; issuerId: string | null; digest: string; prefix: string }): Promise<AdminKeyRow> {
    const [row] = await this.db.query<AdminKeyRow>(
      `INSERT INTO admin_keys (id, name, issuer_id, key_hash, key_prefix) VALUES ($1, $2, $3, decode($4, 'hex'), $5) RETURNING ${COLUMNS}`,
      [randomUUID(), key.name, key.issuerId, key.digest, key.prefix],
    );
    return row;
  }

  /** In `id` order, after `after`; all tenants' keys and the global ones unless `issuerId` narrows them. */
  list(filter: { issuerId?: string; after?: string; limit: number }): Promise<AdminKeyRow[]> {
    return this.db.query<AdminKeyRow>(
      `SELECT ${COLUMNS} FROM admin_keys WHERE ($1::text IS NULL OR issuer_id = $1) AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [filter.issuerId ?? null, filter.after ?? null, filter.limit],
    );
  }

  /** `id` must be a UUID. */
  async find(id: string): Promise<AdminKeyRow | null> {
    const [row] = await this.db.query<AdminKeyRow>(`SELECT ${COLUMNS} FROM admin_keys WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The deleted key, or null. `id` must be a UUID. */
  async delete(id: string): Promise<AdminKeyRow | null> {
    const [row] = await this.db.query<AdminKeyRow>(`DELETE FROM admin_keys WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
    return row ?? null;
  }
}
