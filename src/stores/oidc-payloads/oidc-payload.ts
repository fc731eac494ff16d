import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every oidc-provider model (sessions, grants, codes, tokens, interactions…) of every issuer,
 * in one table. Ids are unique only within an issuer, hence the tenant in the key. The lookup
 * columns beside the payload serve `findByUserCode`, `findByUid` and `revokeByGrantId`.
 * Ids and user codes are kept only as hashes, so a copy of the table holds no working
 * credential (see `OidcPayloadsStore`).
 */
@Entity({ name: 'oidc_payloads' })
export class OidcPayload {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  /** SHA-256 (hex) of the model's id: the token, code, session or interaction id itself. */
  @PrimaryColumn({ name: 'id_hash', type: 'text' })
  idHash: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'grant_id', type: 'text', nullable: true })
  grantId: string | null;

  /** HMAC-SHA-256 (hex) of a device code's user code, under a key derived from the key-encryption key. */
  @Column({ name: 'user_code_hash', type: 'text', nullable: true })
  userCodeHash: string | null;

  @Column({ type: 'text', nullable: true })
  uid: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;
}
