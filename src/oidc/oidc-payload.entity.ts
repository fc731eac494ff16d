import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every oidc-provider model (sessions, grants, codes, tokens, interactions…) of every issuer,
 * in one table. Ids are unique only within an issuer, hence the tenant in the key. The lookup
 * columns beside the payload serve `findByUserCode`, `findByUid` and `revokeByGrantId`.
 */
@Entity({ name: 'oidc_payloads' })
export class OidcPayload {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'grant_id', type: 'text', nullable: true })
  grantId: string | null;

  @Column({ name: 'user_code', type: 'text', nullable: true })
  userCode: string | null;

  @Column({ type: 'text', nullable: true })
  uid: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt: Date | null;
}
