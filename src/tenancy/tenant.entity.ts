import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const SIGNING_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** `bigint` arrives from `pg` as a string; versions stay far below 2^53. */
const bigintAsNumber = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** An issuer: `PUBLIC_URL/{issuer_id}`. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryColumn({ name: 'issuer_id', type: 'text' })
  issuerId: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Bumped by every change to the tenant, its keys or its clients; caches compare it. */
  @Column({ type: 'bigint', default: 1, transformer: bigintAsNumber })
  version: number;

  @Column({ name: 'signing_alg', type: 'text', default: 'RS256' })
  signingAlg: SigningAlg;

  /** 0 = rotate only on request. */
  @Column({ name: 'key_rotation_days', type: 'integer', default: 90 })
  keyRotationDays: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
