import { isEmail } from 'class-validator';
import type { MappableAttribute } from '../../stores/connections/connection.js';

/** Longest value kept of an upstream claim: what the admin API accepts of a claim, and no more. */
const MAX_LENGTH = 512;
/** C0 and C1 controls (NUL among them): never stored from an upstream. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What a user's row gets from an upstream's claims. */
export interface MappedClaims {
  email: string | null;
  /** Standard claims (OIDC Core §5.1) for the user's `claims`. */
  claims: Partial<Record<Exclude<MappableAttribute, 'email'>, string | boolean>>;
}

/**
 * The upstream's claims as Portcullis attributes, by the connection's mapping (upstream claim →
 * attribute). A value of the wrong type, too long or holding control characters is dropped, and
 * so is an email that is not one: an upstream is trusted with who the user is, not with what
 * Portcullis stores.
 */
export function mapClaims(upstream: Record<string, unknown>, mapping: Record<string, MappableAttribute>): MappedClaims {
  const mapped: MappedClaims = { email: null, claims: {} };
  for (const [claim, attribute] of Object.entries(mapping)) {
    const value = upstream[claim];
    if (attribute === 'email_verified') {
      if (typeof value === 'boolean') mapped.claims.email_verified = value;
      continue;
    }
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH || CONTROL.test(value)) continue;
    if (attribute === 'email') {
      if (isEmail(value)) mapped.email = value;
    } else mapped.claims[attribute] = value;
  }
  return mapped;
}

/** The domain of an email-like `name` (lower case), or undefined: what home-realm discovery routes by. */
export function emailDomain(name: string): string | undefined {
  const at = name.lastIndexOf('@');
  if (at < 1 || at === name.length - 1) return undefined;
  const domain = name.slice(at + 1).toLowerCase();
  return /^[a-z0-9.-]{1,253}$/.test(domain) ? domain : undefined;
}
