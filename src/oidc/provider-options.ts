import { ACR_LEVELS, acrLevel, CLIENT_AUTH_METHODS } from '../common/protocol.js';
import { errors, type Configuration } from 'oidc-provider';

/** Paths of the endpoints below each issuer, as the contract names them. */
export const ROUTES = {
  authorization: '/authorize',
  token: '/token',
  userinfo: '/userinfo',
  jwks: '/jwks.json',
  end_session: '/end-session',
  introspection: '/introspect',
  revocation: '/revoke',
  pushed_authorization_request: '/par',
  device_authorization: '/device_authorization',
  code_verification: '/device',
  // Dynamic client registration (RFC 7591); each client's own URL (RFC 7592) is below it.
  registration: '/register',
} satisfies Configuration['routes'];

/** The six response types of seed 001. Plain `token` is refused by oidc-provider (no ID token, no code). */
export const RESPONSE_TYPES = ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'];

/**
 * Lifetimes, in seconds. Set explicitly (oidc-provider 9 warns about each default) and kept
 * at common IdP values: short for codes and access tokens, two weeks for sessions and
 * refresh tokens, so an idle user signs in again after that. Access, client credentials, ID
 * and refresh token lifetimes are each tenant's own (tenant options); see provider-factory.
 */
export const TTL = {
  AccessToken: 3600,
  AuthorizationCode: 60,
  BackchannelAuthenticationRequest: 600,
  ClientCredentials: 600,
  DeviceCode: 600,
  Grant: 14 * 86_400,
  IdToken: 3600,
  Interaction: 3600,
  PreAuthorizedCode: 600,
  RefreshToken: 14 * 86_400,
  Session: 14 * 86_400,
} satisfies Configuration['ttl'];

/**
 * OIDC standard claims released per scope (OpenID Connect Core §5.4). `openid` carries what the
 * sign-in proved (`acr`, `amr`, `auth_time`) into every ID token: oidc-provider includes a claim
 * only when a scope or the `claims` parameter names it, and would otherwise send `acr` only to a
 * request with `acr_values`, `auth_time` only with `max_age`, and `amr` never. UserInfo has none
 * of them to release (see sign-in/account-claims.ts).
 */
export const CLAIMS = {
  openid: ['sub', 'acr', 'amr', 'auth_time'],
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
} satisfies Configuration['claims'];

/**
 * Members oidc-provider does not compute, added to every discovery document (it adds them
 * only where it has none of its own). Each one states something that works.
 */
export const discoveryExtras = (serviceDocumentation: string): Configuration['discovery'] => ({
  claim_types_supported: ['normal'],
  service_documentation: serviceDocumentation,
  // The token endpoint's methods: oidc-provider authenticates clients the same way at all three.
  introspection_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
  revocation_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
  // Request objects are taken by value and through PAR, not fetched from a URL.
  request_uri_parameter_supported: false,
  // PAR is offered, not imposed.
  require_pushed_authorization_requests: false,
});

/** RFC 8707 §2: a resource indicator is an absolute URI without a fragment. */
const isResourceIndicator = (value: unknown) => {
  if (typeof value !== 'string') return false;
  try {
    return !new URL(value).hash && /^[a-z][a-z0-9+.-]*:/i.test(value);
  } catch {
    return false;
  }
};

/**
 * Portcullis's extensions to client metadata: `access_token_format` ("opaque" | "jwt"),
 * `allowed_resources`, the resource indicators (audiences) a client may ask tokens for,
 * `resource_server_audiences`, the audiences whose tokens it may introspect as a resource
 * server (hooks/token-policies); a public client cannot authenticate, so it cannot be one;
 * `require_pkce`, PKCE required of a confidential client too (see `pkceRequired`); and
 * `minimum_acr`, the weakest sign-in its users may arrive with (see sign-in/sign-in-level.ts).
 */
export const extraClientMetadata: Configuration['extraClientMetadata'] = {
  properties: ['access_token_format', 'allowed_resources', 'resource_server_audiences', 'require_pkce', 'minimum_acr'],
  validator(_ctx, key, value, metadata) {
    if (key === 'minimum_acr' && value !== undefined && acrLevel(value) < 0) {
      throw new errors.InvalidClientMetadata(`minimum_acr must be one of ${ACR_LEVELS.join(', ')}`);
    }
    if (key === 'require_pkce' && value !== undefined && typeof value !== 'boolean') {
      throw new errors.InvalidClientMetadata('require_pkce must be a boolean');
    }
    if (key === 'resource_server_audiences' && value !== undefined) {
      if (!Array.isArray(value) || !value.every(isResourceIndicator)) {
        throw new errors.InvalidClientMetadata('resource_server_audiences must be an array of absolute URIs without fragments');
      }
      if (metadata.token_endpoint_auth_method === 'none') {
        throw new errors.InvalidClientMetadata(
          'resource_server_audiences needs a client that authenticates: a public client (token_endpoint_auth_method none) cannot be a resource server',
        );
      }
    }
    if (key === 'access_token_format' && value !== undefined && value !== 'opaque' && value !== 'jwt') {
      throw new errors.InvalidClientMetadata('access_token_format must be opaque or jwt');
    }
    if (key === 'allowed_resources' && value !== undefined && (!Array.isArray(value) || !value.every(isResourceIndicator))) {
      throw new errors.InvalidClientMetadata('allowed_resources must be an array of absolute URIs without fragments');
    }
  },
};

/**
 * Whether an authorization request with a code must carry a PKCE challenge (RFC 9700 §2.1.1):
 * always for a public client, which has nothing else to bind its code to; for a confidential
 * client when its registration (`require_pkce`) or its tenant says so. A code issued with a
 * challenge is redeemed only with its verifier, whatever this says (oidc-provider's token
 * endpoint), and `plain` is refused: oidc-provider knows S256 only.
 */
export const pkceRequired =
  (requireForAllClients: boolean): NonNullable<NonNullable<Configuration['pkce']>['required']> =>
  (_ctx, client) =>
    requireForAllClients || client.clientAuthMethod === 'none' || client['require_pkce'] === true;
