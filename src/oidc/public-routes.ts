import { ROUTES } from './provider-options.js';

/** What the gateway needs to know of a public path below an issuer, computed once per path. */
export interface PublicRoute {
  /** Methods it answers; oidc-provider answers a wrong one with a plain 404, the gateway with 405 and `Allow`. */
  methods?: readonly string[];
  /** Metrics label: the route pattern, never the raw path. */
  label: string;
  /** A client registration route (RFC 7591/7592): its own rate-limit budget, and only there when the tenant offers registration. */
  registration?: true;
}

/** The methods each public path below an issuer answers, from the contract. */
const METHODS: Record<string, string[]> = {
  '/.well-known/openid-configuration': ['GET', 'HEAD'],
  '/.well-known/oauth-authorization-server': ['GET', 'HEAD'],
  '/.well-known/jwks.json': ['GET', 'HEAD'],
  [ROUTES.jwks]: ['GET', 'HEAD'],
  [ROUTES.authorization]: ['GET', 'HEAD', 'POST'],
  [ROUTES.token]: ['POST'],
  [ROUTES.userinfo]: ['GET', 'HEAD', 'POST'],
  [ROUTES.end_session]: ['GET', 'HEAD', 'POST'],
  [ROUTES.introspection]: ['POST'],
  [ROUTES.revocation]: ['POST'],
  [ROUTES.pushed_authorization_request]: ['POST'],
  [ROUTES.device_authorization]: ['POST'],
  [ROUTES.code_verification]: ['GET', 'HEAD', 'POST'],
};

/** Known paths, with and without a trailing slash; anything else shares one entry. */
const KNOWN = new Map<string, PublicRoute>(
  Object.entries(METHODS).flatMap(([path, methods]) => {
    const route = { methods, label: `/:issuer_id${path}` };
    return [
      [path, route],
      [`${path}/`, route],
    ];
  }),
);
KNOWN.set(ROUTES.registration, { methods: ['POST'], label: `/:issuer_id${ROUTES.registration}`, registration: true });
/** A registered client's own URL (RFC 7592): read, replace, delete. */
const CLIENT_CONFIGURATION: PublicRoute = {
  methods: ['GET', 'HEAD', 'PUT', 'DELETE'],
  label: `/:issuer_id${ROUTES.registration}/:client_id`,
  registration: true,
};
const CLIENT_CONFIGURATION_PREFIX = `${ROUTES.registration}/`;
const OTHER: PublicRoute = { label: '/:issuer_id/*' };

/** The public route of a path relative to the issuer: one map lookup per request (and a prefix test for a client's own URL). */
export const publicRoute = (path: string): PublicRoute =>
  KNOWN.get(path) ?? (path.startsWith(CLIENT_CONFIGURATION_PREFIX) && path.length > CLIENT_CONFIGURATION_PREFIX.length ? CLIENT_CONFIGURATION : OTHER);
