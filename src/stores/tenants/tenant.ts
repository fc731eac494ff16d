import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const SIGNING_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** Grant types a tenant may allow its clients. The authorization code and refresh token grants are always on. */
export const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';
export const TENANT_GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials', 'implicit', DEVICE_CODE] as const;
export const REQUIRED_GRANT_TYPES = ['authorization_code', 'refresh_token'];

/** What a tenant gets for an option its creation does not name (the columns' defaults). */
export const TENANT_OPTION_DEFAULTS: Pick<Tenant, 'keyRotationDays' | 'accessTokenTtl' | 'idTokenTtl' | 'refreshTokenTtl' | 'grantTypes' | 'logoUrl' | 'brandColor'> = {
  keyRotationDays: 90,
  accessTokenTtl: 3600,
  idTokenTtl: 3600,
  refreshTokenTtl: 1_209_600,
  grantTypes: [...TENANT_GRANT_TYPES],
  logoUrl: null,
  brandColor: null,
};

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

  /** Seconds; access tokens of every grant, client credentials included. */
  @Column({ name: 'access_token_ttl', type: 'integer', default: 3600 })
  accessTokenTtl: number;

  @Column({ name: 'id_token_ttl', type: 'integer', default: 3600 })
  idTokenTtl: number;

  @Column({ name: 'refresh_token_ttl', type: 'integer', default: 1_209_600 })
  refreshTokenTtl: number;

  /** Upper bound of what its clients may register; oidc-provider's features follow it. */
  @Column({ name: 'grant_types', type: 'text', array: true })
  grantTypes: string[];

  @Column({ name: 'logo_url', type: 'text', nullable: true })
  logoUrl: string | null;

  /** `#rrggbb`, the accent of its sign-in pages. */
  @Column({ name: 'brand_color', type: 'text', nullable: true })
  brandColor: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
