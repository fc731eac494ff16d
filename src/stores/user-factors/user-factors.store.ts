import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretBox, sealedKeyIdSql } from '../../common/crypto/secret-box.js';
import { Database } from '../../database/database.js';
import { fromRow } from '../../database/rows.js';
import { keyIdsThatDoNotOpen, oneRowPerSealingKeySql, resealRows, type Resealed } from '../sealed-rows.js';
import type { FactorKind, TotpAuthenticator, UserFactor, WebAuthnCredential } from './user-factor.js';

/** Binds a sealed TOTP secret to its tenant and factor: a ciphertext moved to another row does not open. */
const secretAad = (tenantId: string, factorId: string) => `totp_secret:${tenantId}:${factorId}`;

const COLUMNS = `tenant_id, factor_id, user_id, kind, label, synced, created_at, last_used_at,
  CASE WHEN kind = 'recovery_codes' THEN cardinality(code_hashes) END AS remaining`;
const CREDENTIAL_COLUMNS = 'factor_id, user_id, kind, credential_id, public_key, sign_count, transports, synced';

const toFactor = (row: Record<string, unknown>): UserFactor => {
  const factor = fromRow<UserFactor & { remaining: number | null; synced: boolean | null }>(row);
  const { remaining, synced, ...rest } = factor;
  return { ...rest, ...(remaining === null ? {} : { remaining }), ...(synced === null ? {} : { synced }) };
};
const toCredential = (row: Record<string, unknown>): WebAuthnCredential => {
  const credential = fromRow<WebAuthnCredential>(row);
  return { ...credential, publicKey: new Uint8Array(row.public_key as Buffer), signCount: Number(row.sign_count), transports: credential.transports ?? [] };
};

/**
 * The only code that reads or writes `user_factors`. Every query names its tenant. TOTP secrets
 * are sealed here on the way in and opened here on the way out; recovery codes arrive hashed.
 * Each use of a factor is one conditional statement, so of two racing uses of one code (or one
 * replayed assertion) exactly one succeeds.
 */
@Injectable()
export class UserFactorsStore {
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {}

  async list(tenantId: string, userId: string): Promise<UserFactor[]> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM user_factors WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at, factor_id`, [
      tenantId,
      userId,
    ]);
    return rows.map(toFactor);
  }

  async addTotp(tenantId: string, userId: string, label: string, secret: string, acceptedStep: number): Promise<UserFactor> {
    const factorId = randomUUID();
    const [row] = await this.db.query(
      `INSERT INTO user_factors (tenant_id, factor_id, user_id, kind, label, totp_secret, totp_last_step)
       VALUES ($1, $2, $3, 'totp', $4, $5, $6) RETURNING ${COLUMNS}`,
      [tenantId, factorId, userId, label, this.box.seal(secret, secretAad(tenantId, factorId)), acceptedStep],
    );
    return toFactor(row);
  }

  async addWebAuthn(tenantId: string, credential: Omit<WebAuthnCredential, 'factorId'>, label: string): Promise<UserFactor> {
    const [row] = await this.db.query(
      `INSERT INTO user_factors (tenant_id, factor_id, user_id, kind, label, credential_id, public_key, sign_count, transports, synced)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
      [
        tenantId,
        randomUUID(),
        credential.userId,
        credential.kind,
        label,
        credential.credentialId,
        Buffer.from(credential.publicKey),
        credential.signCount,
        credential.transports,
        credential.synced,
      ],
    );
    return toFactor(row);
  }

  /** Replaces the user's recovery codes (SHA-256 hex each) with a new set. */
  async replaceRecoveryCodes(tenantId: string, userId: string, codeHashes: string[]): Promise<UserFactor> {
    return this.db.transaction(async () => {
      await this.db.execute(`DELETE FROM user_factors WHERE tenant_id = $1 AND user_id = $2 AND kind = 'recovery_codes'`, [tenantId, userId]);
      const [row] = await this.db.query(
        `INSERT INTO user_factors (tenant_id, factor_id, user_id, kind, label, code_hashes)
         VALUES ($1, $2, $3, 'recovery_codes', 'Recovery codes', $4) RETURNING ${COLUMNS}`,
        [tenantId, randomUUID(), userId, codeHashes],
      );
      return toFactor(row);
    });
  }

  async totpAuthenticators(tenantId: string, userId: string): Promise<TotpAuthenticator[]> {
    const rows = await this.db.query<{ factor_id: string; totp_secret: string; totp_last_step: string | null }>(
      `SELECT factor_id, totp_secret, totp_last_step FROM user_factors WHERE tenant_id = $1 AND user_id = $2 AND kind = 'totp'`,
      [tenantId, userId],
    );
    return rows.map((row) => ({
      factorId: row.factor_id,
      secret: this.box.open(row.totp_secret, secretAad(tenantId, row.factor_id)),
      lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    }));
  }

  /** Records that a code of time step `step` was accepted: false when that step (or a later one) already was, a replay. */
  async acceptTotpStep(tenantId: string, factorId: string, step: number): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE user_factors SET totp_last_step = $3, last_used_at = now()
       WHERE tenant_id = $1 AND factor_id = $2 AND kind = 'totp' AND (totp_last_step IS NULL OR totp_last_step < $3)`,
      [tenantId, factorId, step],
    );
    return changed > 0;
  }

  async credentials(tenantId: string, userId: string): Promise<WebAuthnCredential[]> {
    const rows = await this.db.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM user_factors WHERE tenant_id = $1 AND user_id = $2 AND credential_id IS NOT NULL ORDER BY created_at`,
      [tenantId, userId],
    );
    return rows.map(toCredential);
  }

  /** The tenant's credential with this id: how a passkey names its user. Another tenant's credential is not found. */
  async credentialById(tenantId: string, credentialId: string): Promise<WebAuthnCredential | null> {
    const [row] = await this.db.query(`SELECT ${CREDENTIAL_COLUMNS} FROM user_factors WHERE tenant_id = $1 AND credential_id = $2`, [tenantId, credentialId]);
    return row ? toCredential(row) : null;
  }

  /**
   * Records a verified assertion's signature counter. An authenticator that counts must count up
   * (WebAuthn §6.1.1): an assertion whose counter does not pass the stored one is refused (a
   * cloned authenticator, or one assertion used twice), false. Counters of 0 are authenticators that do not count.
   */
  async recordAssertion(tenantId: string, factorId: string, signCount: number): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE user_factors SET sign_count = $3, last_used_at = now()
       WHERE tenant_id = $1 AND factor_id = $2 AND credential_id IS NOT NULL AND (($3 = 0 AND sign_count = 0) OR sign_count < $3)`,
      [tenantId, factorId, signCount],
    );
    return changed > 0;
  }

  /** Spends one recovery code (its hash): false when the user holds no such unused code. */
  async useRecoveryCode(tenantId: string, userId: string, codeHash: string): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE user_factors SET code_hashes = array_remove(code_hashes, $3), last_used_at = now()
       WHERE tenant_id = $1 AND user_id = $2 AND kind = 'recovery_codes' AND $3 = ANY (code_hashes)`,
      [tenantId, userId, codeHash],
    );
    return changed > 0;
  }

  /** Whether the factor was there to delete. */
  async delete(tenantId: string, userId: string, factorId: string): Promise<boolean> {
    return (await this.db.execute('DELETE FROM user_factors WHERE tenant_id = $1 AND user_id = $2 AND factor_id = $3', [tenantId, userId, factorId])) > 0;
  }

  /** Deletes every factor of the user (an admin's reset); how many there were. */
  async deleteAll(tenantId: string, userId: string): Promise<number> {
    return this.db.execute('DELETE FROM user_factors WHERE tenant_id = $1 AND user_id = $2', [tenantId, userId]);
  }

  /** The key-encryption key ids (of those sealing TOTP secrets here) whose keys this process lacks or that do not open them. */
  keyIdsThatDoNotOpen(): Promise<string[]> {
    return keyIdsThatDoNotOpen(
      this.db,
      oneRowPerSealingKeySql('user_factors', 'totp_secret', 'tenant_id, factor_id'),
      (row: { key_id: string; tenant_id: string; factor_id: string; sealed: string }) => this.box.open(row.sealed, secretAad(row.tenant_id, row.factor_id)),
    );
  }

  /** How many TOTP secrets each key-encryption key id seals. */
  async countBySealingKey(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ key_id: string; count: number }>(
      `SELECT ${sealedKeyIdSql('totp_secret')} AS key_id, count(*)::int AS count FROM user_factors WHERE totp_secret IS NOT NULL GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.key_id, row.count]));
  }

  /** Re-seals up to `limit` TOTP secrets that are not under the sealing key (see `resealRows`). */
  resealBatch(limit: number): Promise<Resealed> {
    return resealRows(this.db, {
      select: `SELECT tenant_id, factor_id::text, totp_secret AS sealed FROM user_factors
               WHERE totp_secret IS NOT NULL AND ${sealedKeyIdSql('totp_secret')} <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
      params: [this.box.currentKeyId, limit],
      reseal: (row: { tenant_id: string; factor_id: string; sealed: string }) => [this.box.reseal(row.sealed, secretAad(row.tenant_id, row.factor_id))],
      update: `UPDATE user_factors f SET totp_secret = v.sealed FROM unnest($1::text[], $2::uuid[], $3::text[]) AS v(tenant_id, factor_id, sealed)
               WHERE f.tenant_id = v.tenant_id AND f.factor_id = v.factor_id`,
      columns: (row) => [row.tenant_id, row.factor_id],
    });
  }

  /** Kinds the user holds, for deciding what a sign-in may ask. */
  async kinds(tenantId: string, userId: string): Promise<Set<FactorKind>> {
    const rows = await this.db.query<{ kind: FactorKind }>(
      `SELECT DISTINCT kind FROM user_factors WHERE tenant_id = $1 AND user_id = $2 AND (kind <> 'recovery_codes' OR cardinality(code_hashes) > 0)`,
      [tenantId, userId],
    );
    return new Set(rows.map((row) => row.kind));
  }
}
