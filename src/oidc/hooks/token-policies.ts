import type { Configuration } from 'oidc-provider';

type Features = NonNullable<Configuration['features']>;
type IntrospectionPolicy = NonNullable<NonNullable<Features['introspection']>['allowedPolicy']>;
type RevocationPolicy = NonNullable<NonNullable<Features['revocation']>['allowedPolicy']>;

/**
 * Who may introspect a token (RFC 7662 §4): any confidential client of the issuer (resource
 * servers are registered as clients), but a public client only its own tokens, since it
 * cannot keep a credential and anyone could present its client_id.
 */
export const introspectionAllowed: IntrospectionPolicy = async (_ctx, client, token) =>
  client.clientAuthMethod !== 'none' || token.clientId === client.clientId;

/**
 * Who may revoke a token (RFC 7009 §2.1): only the client it was issued to. Another client's
 * attempt is answered like a success and changes nothing, so it cannot probe for valid tokens.
 */
export const revocationAllowed: RevocationPolicy = async (_ctx, client, token) => token.clientId === client.clientId;
