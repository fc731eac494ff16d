import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { SecretBox, sealedKeyIdSql } from '../../common/crypto/secret-box.js';
import { keyIdsThatDoNotOpen, oneRowPerSealingKeySql, resealRows, type Resealed } from '../sealed-rows.js';
import { Database } from '../../database/database.js';
import { fromRow } from '../../database/rows.js';
import type { KeyMaterial, KeyStatus, SigningKey } from './signing-key.js';

/** Binds a sealed private key to its tenant and kid: a ciphertext moved to another row does not open. */
const keyAad = (tenantId: string, kid: string) => `signing_key:${tenantId}:${kid}`;

/** Every column but the sealed private JWK. */
const COLUMNS = 'tenant_id, kid, alg, use, status, public_jwk, created_at, activated_at, retired_at';

/** Publication order: active, next, then retired keys newest first. */
const PUBLICATION_ORDER = `ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'next' THEN 1 ELSE 2 END, retired_at DESC NULLS LAST, created_at DESC`;

/**
 * The only code that reads or writes `signing_keys`. Every query names its tenant. Private
 * JWKs are sealed here on the way in and opened here on the way out, under the key-encryption key.
 */
@Injectable()
export class SigningKeysStore {
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {}

  /** Stores a new key, its private JWK sealed; an active key is active from now. */
  async insert(tenantId: string, material: KeyMaterial, status: KeyStatus): Promise<void> {
    const sealed = this.box.seal(JSON.stringify(material.privateJwk), keyAad(tenantId, material.kid));
    await this.db.execute(
      `INSERT INTO signing_keys (tenant_id, kid, alg, use, status, public_jwk, private_jwk, activated_at)
       VALUES ($1, $2, $3, 'sig', $4, $5, $6, CASE WHEN $4 = 'active' THEN now() END)`,
      [tenantId, material.kid, material.alg, status, material.publicJwk, sealed],
    );
  }

  /** Public view (no private member), in publication order. */
  async list(tenantId: string): Promise<SigningKey[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM signing_keys WHERE tenant_id = $1 ${PUBLICATION_ORDER}`, [tenantId]);
    return rows.map((row) => fromRow<SigningKey>(row));
  }

  /**
   * The private JWKs an issuer's provider signs with, in publication order: active (signs),
   * next (pre-published), retired (still verifies tokens it signed).
   */
  async privateJwks(tenantId: string): Promise<JWK[]> {
    const rows = await this.db.query<{ kid: string; private_jwk: string }>(
      `SELECT kid, private_jwk FROM signing_keys WHERE tenant_id = $1 ${PUBLICATION_ORDER}`,
      [tenantId],
    );
    return rows.map((row) => JSON.parse(this.box.open(row.private_jwk, keyAad(tenantId, row.kid))) as JWK);
  }

  /** The key-encryption key ids (of those sealing private keys here) whose keys this process lacks or that do not open them. */
  keyIdsThatDoNotOpen(): Promise<string[]> {
    return keyIdsThatDoNotOpen(
      this.db,
      oneRowPerSealingKeySql('signing_keys', 'private_jwk', 'tenant_id, kid'),
      (row: { key_id: string; tenant_id: string; kid: string; sealed: string }) => this.box.open(row.sealed, keyAad(row.tenant_id, row.kid)),
    );
  }

  /** How many private keys each key-encryption key id seals. */
  async countBySealingKey(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ key_id: string; count: number }>(
      `SELECT ${sealedKeyIdSql('private_jwk')} AS key_id, count(*)::int AS count FROM signing_keys GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.key_id, row.count]));
  }

  /**
   * Re-seals up to `limit` private keys that are not under the sealing key, in one transaction;
   * rows another transaction holds are skipped (it may be a concurrent re-encryption).
   */
  resealBatch(limit: number): Promise<Resealed> {
    return resealRows(this.db, {
      select: `SELECT tenant_id, kid, private_jwk AS sealed FROM signing_keys WHERE ${sealedKeyIdSql('private_jwk')} <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
      params: [this.box.currentKeyId, limit],
      reseal: (row: { tenant_id: string; kid: string; sealed: string }) => [this.box.reseal(row.sealed, keyAad(row.tenant_id, row.kid))],
      update: `UPDATE signing_keys s SET private_jwk = v.sealed FROM unnest($1::text[], $2::text[], $3::text[]) AS v(tenant_id, kid, sealed)
               WHERE s.tenant_id = v.tenant_id AND s.kid = v.kid`,
      columns: (row) => [row.tenant_id, row.kid],
    });
  }

  /** next → active, active → retired, in one statement each, inside the caller's transaction. */
  async promoteNext(tenantId: string): Promise<void> {
    await this.db.execute(`UPDATE signing_keys SET status = 'retired', retired_at = now() WHERE tenant_id = $1 AND status = 'active'`, [tenantId]);
    await this.db.execute(`UPDATE signing_keys SET status = 'active', activated_at = now() WHERE tenant_id = $1 AND status = 'next'`, [tenantId]);
  }

  async findActive(tenantId: string): Promise<SigningKey | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM signing_keys WHERE tenant_id = $1 AND status = 'active'`, [tenantId]);
    return row ? fromRow(row) : null;
  }

  async delete(tenantId: string, kid: string): Promise<boolean> {
    return (await this.db.execute('DELETE FROM signing_keys WHERE tenant_id = $1 AND kid = $2', [tenantId, kid])) > 0;
  }

  /** Tenants with automatic rotation whose active key is older than their rotation period. */
  async tenantsDueForRotation(): Promise<string[]> {
    const rows = await this.db.query<{ issuer_id: string }>(`
      SELECT t.issuer_id FROM tenants t
      JOIN signing_keys k ON k.tenant_id = t.issuer_id AND k.status = 'active'
      WHERE t.key_rotation_days > 0 AND k.activated_at < now() - make_interval(days => t.key_rotation_days)`);
    return rows.map((row) => row.issuer_id);
  }

  /** Deletes retired keys retired before `before`; returns their tenants. */
  async pruneRetired(before: Date): Promise<string[]> {
    const rows = await this.db.query<{ tenant_id: string }>(`DELETE FROM signing_keys WHERE status = 'retired' AND retired_at < $1 RETURNING tenant_id`, [
      before,
    ]);
    return [...new Set(rows.map((row) => row.tenant_id))];
  }
}
