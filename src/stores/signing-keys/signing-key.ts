import type { JWK } from 'jose';
import type { SigningAlg } from '../tenants/tenant.js';

export type KeyStatus = 'next' | 'active' | 'retired';

/** A signing key of one issuer, as the admin API shows it: a row of `signing_keys` without its sealed private JWK. */
export interface SigningKey {
  tenantId: string;
  kid: string;
  alg: string;
  use: string;
  status: KeyStatus;
  publicJwk: JWK;
  createdAt: Date;
  activatedAt: Date | null;
  retiredAt: Date | null;
}

/** A freshly generated signing key, not yet sealed. */
export interface KeyMaterial {
  kid: string;
  alg: SigningAlg;
  publicJwk: JWK;
  privateJwk: JWK;
}
