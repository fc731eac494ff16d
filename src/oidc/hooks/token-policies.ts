import type { Configuration } from 'oidc-provider';

type Features = NonNullable<Configuration['features']>;
type IntrospectionPolicy = NonNullable<NonNullable<Features['introspection']>['allowedPolicy']>;
type RevocationPolicy = NonNullable<NonNullable<Features['revocation']>['allowedPolicy']>;

/**
 * Who may introspect a token (RFC 7662 §4 leaves it to the server):
 * - the client it was issued to, always;
 * - another client only as a resource server of the token's audience: it must authenticate
 *   (not a public client) and list that audience in its `resource_server_audiences`. An
 *   access token requested without a `resource` has no `aud`; its audience is the issuer
 *   itself (what it is for is the issuer's userinfo and the APIs that trust the issuer's
 *   opaque tokens), so a resource server of such tokens registers the issuer URL.
 * - a refresh token, never another client: it is no resource server's business.
 * Anyone else learns `{"active": false}`, as for an unknown token, so introspection cannot
 * be used to test stolen tokens.
 */
export const introspectionAllowed: IntrospectionPolicy = async (ctx, client, token) => {
  if (token.clientId === client.clientId) return true;
  if (client.clientAuthMethod === 'none' || token.kind === 'RefreshToken') return false;
  const served = (client['resource_server_audiences'] as string[] | undefined) ?? [];
  const aud = (token as { aud?: string | string[] }).aud;
  const audiences = aud === undefined ? [ctx.oidc.provider.issuer] : [aud].flat();
  return audiences.some((audience) => served.includes(audience));
};

/**
 * Who may revoke a token (RFC 7009 §2.1): only the client it was issued to. Another client's
 * attempt is answered like a success and changes nothing, so it cannot probe for valid tokens.
 */
export const revocationAllowed: RevocationPolicy = async (_ctx, client, token) => token.clientId === client.clientId;
