import { ACR_LEVELS, acrLevel } from '../../common/protocol.js';
import type { SignInPolicy } from '../../stores/tenants/sign-in-policy.js';

/**
 * Authentication methods (RFC 8176) a sign-in step adds: `pwd` a password; `otp` a TOTP code or a
 * recovery code (a one-time password too); `hwk` / `swk` a WebAuthn credential bound to its
 * device or synced (backed up) between devices; `user` the authenticator verified its user (PIN
 * or biometric), a factor of its own; `fed` a sign-in at an upstream provider (a connection),
 * whose level is what its `acr` maps to (see `levelOfSignIn`).
 */
export type Method = 'pwd' | 'otp' | 'hwk' | 'swk' | 'user' | 'fed';

/** What each method proves: something known, held, or (an authenticator's user verification) known or been. */
const FACTOR_OF: Record<Method, 'knowledge' | 'possession' | 'verification' | 'federation'> = {
  pwd: 'knowledge',
  otp: 'possession',
  hwk: 'possession',
  swk: 'possession',
  user: 'verification',
  fed: 'federation',
};

/** `amr` with `methods` added, and `mfa` once two different kinds of factor are in it. */
export function withMethods(amr: readonly string[], ...methods: Method[]): string[] {
  const all = new Set([...amr.filter((method) => method !== 'mfa'), ...methods]);
  const kinds = new Set([...all].map((method) => FACTOR_OF[method as Method]).filter(Boolean));
  return [...all, ...(kinds.size >= 2 ? ['mfa'] : [])];
}

/** The level (index in ACR_LEVELS) an `amr` reaches: two factors are `mfa`, and with a WebAuthn credential among them `phr`. */
export function levelOf(amr: readonly string[] | undefined): number {
  if (!amr?.includes('mfa')) return 0;
  return amr.includes('hwk') || amr.includes('swk') ? 2 : 1;
}

export const acrOf = (amr: readonly string[]): string => ACR_LEVELS[levelOf(amr)];

/**
 * The level a session's sign-in reached: its methods', or for one through an upstream (`fed`) the level its
 * upstream `acr` maps to, if higher (`acr` is what Portcullis issued for it, so it holds that level).
 */
export function levelOfSignIn({ amr, acr }: { amr?: readonly string[]; acr?: unknown }): number {
  const level = levelOf(amr);
  return amr?.includes('fed') ? Math.max(level, acrLevel(acr)) : level;
}

/**
 * What a request needs. `level`: what it asks for, voluntary or not; `must`: what it may not end
 * below; `graceable`: `must` comes only from a tenant that wants two factors always, so the
 * tenant's enrollment grace period may let a user without a second factor through below it.
 */
export interface Requirement {
  level: number;
  must: number;
  graceable: boolean;
}

/** The lowest level among `values` that Portcullis offers (a higher level meets a lower one), or -1. */
function lowestOffered(values: unknown[]): number {
  const levels = values.map(acrLevel).filter((level) => level >= 0);
  return levels.length ? Math.min(...levels) : -1;
}

/** The `acr` the `claims` parameter asks for as essential (OIDC Core §5.5.1.1): its values. */
function essentialAcrs(claims: unknown): unknown[] {
  let parsed = claims;
  if (typeof claims === 'string') {
    try {
      parsed = JSON.parse(claims);
    } catch {
      return [];
    }
  }
  const acr = (parsed as { id_token?: { acr?: { essential?: unknown; value?: unknown; values?: unknown } } } | undefined)?.id_token?.acr;
  if (!acr || acr.essential !== true) return [];
  return Array.isArray(acr.values) ? acr.values : acr.value !== undefined ? [acr.value] : [];
}

/** The level the relying party and the client must have, whatever the tenant's policy: the essential `acr` of `claims`, and `minimum_acr`. */
export function mustOf(params: { claims?: unknown }, minimumAcr: unknown): number {
  return Math.max(lowestOffered(essentialAcrs(params.claims)), acrLevel(minimumAcr));
}

/**
 * The level an authorization request needs: the essential `acr` of its `claims` parameter, the
 * client's `minimum_acr` and a tenant that wants two factors always are musts; `acr_values`
 * (voluntary, OIDC Core §3.1.2.1) asks for the lowest level it names that Portcullis offers,
 * which a user who cannot reach it may end below.
 */
export function requirementOf(params: { acr_values?: unknown; claims?: unknown }, minimumAcr: unknown, policy: SignInPolicy): Requirement {
  const asked = typeof params.acr_values === 'string' ? lowestOffered(params.acr_values.split(' ')) : -1;
  const required = Math.max(mustOf(params, minimumAcr), 0);
  const must = Math.max(required, policy.secondFactor === 'always' ? 1 : 0);
  return { level: Math.max(asked, must), must, graceable: must > required };
}
