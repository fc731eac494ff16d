import type { JWK } from 'jose';
import Provider, { type Adapter, type Configuration } from 'oidc-provider';
import { DEVICE_CODE, type Tenant } from '../stores/tenants/tenant.js';
import type { Branding } from './interactions/pages.js';
import { clientBasedCORS } from './hooks/client-cors.js';
import { clientFetch } from './hooks/client-fetch.js';
import type { User } from '../stores/users/user.js';
import { clientAddress, type TrustProxy } from '../common/http/client-address.js';
import { findAccountWith } from './hooks/find-account.js';
import { interactionPolicyFor } from './hooks/interaction-policy.js';
import { setClientAddress } from './oidc-provider-internals.js';
import { pageScriptHashes } from './hooks/page-csp.js';
import { devicePages, logoutPages } from './hooks/provider-pages.js';
import { publicErrors } from './hooks/public-errors.js';
import { renderErrorWith } from './hooks/render-error.js';
import { formPostRequests } from './hooks/form-post-requests.js';
import { resourceIndicators } from './hooks/resource-server.js';
import { introspectionAllowedWith, revocationAllowed } from './hooks/token-policies.js';
import { ACR_LEVELS } from '../common/protocol.js';
import { registrationFeatures, sectorIdentifierUriValidate } from './registration/registration-options.js';
import { CLAIMS, discoveryExtras, extraClientMetadata, pkceRequired, RESPONSE_TYPES, ROUTES, TTL } from './provider-options.js';

export interface ProviderInputs {
  tenant: Tenant;
  /** The tenant's name, logo and colour on the pages oidc-provider renders (device, logout, errors). */
  branding: Branding;
  /** `PUBLIC_URL/{issuer_id}`. */
  issuer: string;
  /** Private JWKs: active first (it signs), then next, then retired. */
  jwks: JWK[];
  /** Keys that sign this issuer's cookies, newest first. */
  cookieKeys: string[];
  Adapter: new (name: string) => Adapter;
  /** Where the API documentation lives (`PUBLIC_URL/docs`). */
  serviceDocumentation: string;
  /** The user behind a `sub`, or null. */
  findAccount: (accountId: string) => Promise<User | null>;
  /** TRUST_PROXY compiled: the client address oidc-provider sees (`ctx.ip`) is the one the rest of Portcullis uses. */
  trustProxy: TrustProxy;
  /** Whether a client's jwks_uri and backchannel_logout_uri may be on a loopback, private or link-local address (CLIENT_URIS_ALLOW_PRIVATE). */
  clientUrisAllowPrivate: boolean;
  /** The CAs trusted when fetching a client's URLs (CLIENT_URIS_CA_FILE with Node's), or undefined for Node's alone. */
  clientUrisCa?: string[];
}

/** Largest client JWKS (or sector identifier document) read, in bytes: room for dozens of RSA keys with certificate chains. */
const CLIENT_JWKS_MAX_BYTES = 256 * 1024;

/** One configured oidc-provider instance for one issuer. Pure: builds, never reads or writes. */
export function createProvider({
  tenant,
  branding,
  issuer,
  jwks,
  cookieKeys,
  Adapter,
  findAccount,
  serviceDocumentation,
  trustProxy,
  clientUrisAllowPrivate,
  clientUrisCa,
}: ProviderInputs): Provider {
  const grants = new Set(tenant.grantTypes);
  const cookiePath = new URL(issuer).pathname;
  const accounts = findAccountWith(findAccount);
  const configuration: Configuration = {
    adapter: Adapter,
    // Clients come from the adapter (the clients table); none is static.
    clients: [],
    jwks: { keys: jwks },
    // Issuers share a host: each one's cookies stay under its own path and are signed with its own keys,
    // so a session at one issuer is never sent to, or accepted by, another.
    cookies: {
      keys: cookieKeys,
      long: { httpOnly: true, sameSite: 'lax', path: cookiePath },
      short: { httpOnly: true, sameSite: 'lax', path: cookiePath },
    },
    routes: ROUTES,
    // Without the implicit grant, only the code flow: hybrid response types return tokens from the authorization endpoint too.
    responseTypes: (grants.has('implicit') ? RESPONSE_TYPES : ['code']) as Configuration['responseTypes'],
    scopes: ['openid', 'offline_access', 'profile', 'email', 'address', 'phone'],
    // The authentication levels, weakest first (see common/protocol.ts and sign-in/sign-in-level.ts).
    acrValues: [...ACR_LEVELS],
    claims: CLAIMS,
    // A refresh token is only as good as its grant: the grant lives at least as long.
    ttl: {
      ...TTL,
      AccessToken: tenant.accessTokenTtl,
      ClientCredentials: tenant.accessTokenTtl,
      IdToken: tenant.idTokenTtl,
      RefreshToken: tenant.refreshTokenTtl,
      Grant: Math.max(TTL.Grant, tenant.refreshTokenTtl),
    },
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: tenant.signingAlg,
    },
    // Only the tenant's own algorithm signs ID tokens: there is no key for any other.
    enabledJWA: { idTokenSigningAlgValues: [tenant.signingAlg] as never },
    extraClientMetadata,
    // `idp_hint` names a connection to sign in at (as Keycloak's kc_idp_hint): see oidc/federation.
    extraParams: ['idp_hint'],
    features: {
      // Real login and consent pages come from the interactions module; never the dev ones.
      devInteractions: { enabled: false },
      clientCredentials: { enabled: grants.has('client_credentials') },
      introspection: { enabled: true, allowedPolicy: introspectionAllowedWith(accounts) },
      revocation: { enabled: true, allowedPolicy: revocationAllowed },
      claimsParameter: { enabled: true },
      // The `request` parameter (JAR, RFC 9101), signed: oidc-provider 9 cannot enable `none` for request
      // objects, so an unsigned one is refused (invalid_request_object) and none is advertised.
      requestObjects: { enabled: true, requireSignedRequestObject: false },
      // Signed userinfo responses for clients registered with userinfo_signed_response_alg.
      jwtUserinfo: { enabled: true },
      deviceFlow: { enabled: grants.has(DEVICE_CODE), ...devicePages(branding) },
      rpInitiatedLogout: { enabled: true, ...logoutPages(branding) },
      // OpenID Connect Back-Channel Logout 1.0: when a session ends at end_session, each of its
      // clients that registered a backchannel_logout_uri is sent a logout token (with `sid` when
      // it registered backchannel_logout_session_required), through `fetch` below. A failed
      // delivery is logged (hooks/backchannel-delivery) and the sign-out goes on. Off by default.
      backchannelLogout: { enabled: true },
      resourceIndicators: resourceIndicators(issuer, tenant.signingAlg),
      // Dynamic client registration (RFC 7591/7592) as the tenant's `registration` option says.
      ...registrationFeatures(tenant.registration),
    },
    sectorIdentifierUriValidate,
    // PKCE (S256 only, oidc-provider's sole method): public clients always, confidential ones when they or the tenant ask.
    pkce: { required: pkceRequired(tenant.requirePkceForAllClients) },
    // Every refresh rotates it; presenting a used one revokes the whole grant (reuse detection).
    rotateRefreshToken: true,
    interactions: { policy: interactionPolicyFor(tenant.signInPolicy), url: (_ctx, interaction) => `${cookiePath}/interaction/${interaction.uid}` },
    discovery: discoveryExtras(serviceDocumentation),
    findAccount: accounts,
    renderError: renderErrorWith(branding),
    clientBasedCORS,
    // What the issuer fetches from or sends to a client (its jwks_uri, the logout token to its
    // backchannel_logout_uri) goes through the address policy, pinned to the address judged;
    // the default is Node's fetch behind oidc-provider's own special-use address filter, which
    // misses some IPv4-embedding forms and has no opt-in.
    fetch: clientFetch(clientUrisAllowPrivate, clientUrisCa),
    // A client's JWKS (or sector identifier document) is a handful of entries; the default reads any size (Infinity).
    fetchResponseBodyLimits: { jwks_uri: CLIENT_JWKS_MAX_BYTES, sector_identifier_uri: CLIENT_JWKS_MAX_BYTES },
  };
  const provider = new Provider(issuer, configuration);
  // Endpoint URLs are built from the forwarded host and protocol, which the controller pins to PUBLIC_URL.
  provider.proxy = true;
  // `proxy = true` would also make Koa believe any X-Forwarded-For in `ctx.ip` (device info,
  // audit events): the address is resolved through the trusted proxies only.
  provider.use(async (ctx, next) => {
    setClientAddress(ctx, clientAddress(ctx.req, trustProxy));
    await next();
  });
  provider.use(pageScriptHashes);
  provider.use(publicErrors);
  provider.use(formPostRequests(branding, issuer));
  return provider;
}
