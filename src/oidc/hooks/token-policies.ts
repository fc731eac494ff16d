import type { Configuration, FindAccount } from 'oidc-provider';

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
 *
 * A user's token is also active only while `findAccount` (the provider's hook) resolves its
 * user for it: introspection never asks it by itself, and a token (with its grant) written back
 * by a request in flight during a password change is refused there, as at the userinfo and
 * token endpoints. That costs one read of the user, for user tokens only, once the caller is allowed.
 */
export function introspectionAllowedWith(findAccount: FindAccount): IntrospectionPolicy {
  return async (ctx, client, token) => {
    if (!mayIntrospect(ctx.oidc.provider.issuer, client, token)) return false;
    if (token.kind === 'ClientCredentials' || !token.accountId) return true;
    return (await findAccount(ctx, token.accountId, token)) !== undefined;
  };
}

function mayIntrospect(issuer: string, client: Parameters<IntrospectionPolicy>[1], token: Parameters<IntrospectionPolicy>[2]): boolean {
  if (token.clientId === client.clientId) return true;
  if (client.clientAuthMethod === 'none' || token.kind === 'RefreshToken') return false;
  const served = (client['resource_server_audiences'] as string[] | undefined) ?? [];
  const aud = (token as { aud?: string | string[] }).aud;
  const audiences = aud === undefined ? [issuer] : [aud].flat();
  return audiences.some((audience) => served.includes(audience));
}

/**
 * Who may revoke a token (RFC 7009 §2.1): only the client it was issued to. Another client's
 * attempt is answered like a success and changes nothing, so it cannot probe for valid tokens.
 */
export const revocationAllowed: RevocationPolicy = async (_ctx, client, token) => token.clientId === client.clientId;
