import { errors, type Configuration, type KoaContextWithOIDC, type ResourceServer } from 'oidc-provider';
import type { SigningAlg } from '../../stores/tenants/tenant.js';

type ResourceIndicators = NonNullable<NonNullable<Configuration['features']>['resourceIndicators']>;

/** Lifetime of access tokens bound to a resource server (RFC 9068 JWTs), in seconds. */
const RESOURCE_ACCESS_TOKEN_TTL_S = 3600;

/**
 * Access token format policy (RFC 8707 + RFC 9068):
 * - a request naming a `resource` gets a JWT access token whose `aud` is that resource;
 * - a client registered with `access_token_format: "jwt"` that names none gets a JWT whose
 *   `aud` is the issuer itself;
 * - any other request gets an opaque token, checked through introspection.
 * A client may name only the resources it registered (`allowed_resources`); any other is
 * `invalid_target`, so no client can mint tokens for an API it was not given.
 * Scopes granted for a resource are those the client registered (`scope`).
 */
export function resourceIndicators(issuer: string, signingAlg: SigningAlg): ResourceIndicators {
  return {
    enabled: true,
    async defaultResource(_ctx: KoaContextWithOIDC, client, oneOf) {
      if (oneOf) return oneOf;
      return client?.['access_token_format'] === 'jwt' ? issuer : undefined;
    },
    async useGrantedResource() {
      return true;
    },
    async getResourceServerInfo(_ctx, resourceIndicator, client): Promise<ResourceServer> {
      const allowed = (client['allowed_resources'] as string[] | undefined) ?? [];
      const ownDefault = resourceIndicator === issuer && client['access_token_format'] === 'jwt';
      if (!ownDefault && !allowed.includes(resourceIndicator)) throw new errors.InvalidTarget();
      return {
        scope: client.scope ?? '',
        audience: resourceIndicator,
        accessTokenTTL: RESOURCE_ACCESS_TOKEN_TTL_S,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: signingAlg } },
      };
    },
  };
}
