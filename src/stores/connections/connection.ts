/**
 * Portcullis user attributes an upstream claim can fill: the user's email, and the standard
 * claims kept in `claims` (OIDC Core §5.1). `sub` is never mapped: a link keeps the upstream's.
 */
export const MAPPABLE_ATTRIBUTES = [
  'email',
  'email_verified',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'picture',
  'locale',
  'zoneinfo',
  'phone_number',
] as const;
export type MappableAttribute = (typeof MAPPABLE_ATTRIBUTES)[number];

/** Upstream claim → Portcullis attribute, when a connection names none: each standard claim to itself. */
export const DEFAULT_CLAIM_MAPPING: Readonly<Record<string, MappableAttribute>> = Object.fromEntries(MAPPABLE_ATTRIBUTES.map((name) => [name, name]));

/** A connection's name: the `idp_hint` value and a path segment of its redirect URI. */
export const CONNECTION_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * An upstream OpenID Provider a tenant's users may sign in at: a row of `connections`. The
 * client secret is sealed at rest and never part of this shape (ConnectionsStore.clientSecret opens it).
 */
export interface Connection {
  tenantId: string;
  connectionId: string;
  /** Unique in its tenant, [a-z0-9-]: the `idp_hint` value and the callback path segment. */
  name: string;
  /** The sign-in button's label ("Acme Corp"). */
  displayName: string;
  /** The upstream issuer identifier: its discovery document's `issuer` must be exactly this. */
  issuer: string;
  clientId: string;
  /** Sent upstream; always holds `openid`. */
  scopes: string[];
  /** Upstream claim → Portcullis attribute (DEFAULT_CLAIM_MAPPING when the admin names none). */
  claimMapping: Record<string, MappableAttribute>;
  /** Upstream `acr` value → Portcullis `acr` (one of ACR_LEVELS); an unmapped upstream acr counts as a password. */
  acrMapping: Record<string, string>;
  /** Lower-case email domains this connection serves (home-realm discovery); a domain belongs to one connection of a tenant. */
  emailDomains: string[];
  /** Whether it is the only way in for users of its domains: no password or passkey sign-in for them. */
  exclusive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A user's identity at a connection: (connection, upstream `sub`) names one user of the tenant. A row of `user_links`. */
export interface UserLink {
  tenantId: string;
  linkId: string;
  userId: string;
  connectionId: string;
  /** The upstream `sub`. */
  subject: string;
  /** The email the upstream asserted at the last sign-in, if any. */
  email: string | null;
  createdAt: Date;
  lastSignInAt: Date | null;
}
