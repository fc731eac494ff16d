import type { SigningAlg } from '../../common/protocol.js';
import { SIGN_IN_POLICY_DEFAULTS, type SignInPolicy } from './sign-in-policy.js';

export type { SigningAlg };

/** Grant types a tenant may allow its clients. The authorization code and refresh token grants are always on. */
export const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';
export const TENANT_GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials', 'implicit', DEVICE_CODE] as const;
export const REQUIRED_GRANT_TYPES = ['authorization_code', 'refresh_token'];

/**
 * Dynamic client registration (RFC 7591/7592) at a tenant: `off` (no registration endpoint),
 * `initial_access_token` (registration needs a token issued through the admin API) or `open`.
 */
export const REGISTRATION_POLICIES = ['off', 'initial_access_token', 'open'] as const;
export type RegistrationPolicy = (typeof REGISTRATION_POLICIES)[number];

/** What a tenant is made of besides its identity and lifecycle columns. */
export type TenantOptions = Pick<
  Tenant,
  | 'keyRotationDays'
  | 'accessTokenTtl'
  | 'idTokenTtl'
  | 'refreshTokenTtl'
  | 'grantTypes'
  | 'logoUrl'
  | 'brandColor'
  | 'requirePkceForAllClients'
  | 'registration'
  | 'signInPolicy'
>;

/** What a tenant gets for an option its creation does not name (the columns' defaults). */
export const TENANT_OPTION_DEFAULTS: TenantOptions = {
  keyRotationDays: 90,
  accessTokenTtl: 3600,
  idTokenTtl: 3600,
  refreshTokenTtl: 1_209_600,
  grantTypes: [...TENANT_GRANT_TYPES],
  logoUrl: null,
  brandColor: null,
  requirePkceForAllClients: false,
  registration: 'off',
  signInPolicy: SIGN_IN_POLICY_DEFAULTS,
};

/** An issuer: `PUBLIC_URL/{issuer_id}`. A row of `tenants`. */
export interface Tenant {
  issuerId: string;
  displayName: string;
  enabled: boolean;
  /** Bumped by every change to the tenant, its keys or its clients; caches compare it. */
  version: number;
  signingAlg: SigningAlg;
  /** 0 = rotate only on request. */
  keyRotationDays: number;
  /** Seconds; access tokens of every grant, client credentials included. */
  accessTokenTtl: number;
  idTokenTtl: number;
  refreshTokenTtl: number;
  /** Upper bound of what its clients may register; oidc-provider's features follow it. */
  grantTypes: string[];
  logoUrl: string | null;
  /** `#rrggbb`, the accent of its sign-in pages. */
  brandColor: string | null;
  /** PKCE of every client's authorization request, confidential ones included; public clients always need it. */
  requirePkceForAllClients: boolean;
  /** Whether and how clients may register themselves (RFC 7591). */
  registration: RegistrationPolicy;
  /** Which factors sign people in and when a second one is needed. */
  signInPolicy: SignInPolicy;
  createdAt: Date;
  updatedAt: Date;
}
