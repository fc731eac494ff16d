import { ROUTES } from './provider-options.js';

/** What the gateway needs to know of a public path below an issuer, computed once per path. */
export interface PublicRoute {
  /** Methods it answers; oidc-provider answers a wrong one with a plain 404, the gateway with 405 and `Allow`. */
  methods?: readonly string[];
  /** Metrics label: the route pattern, never the raw path. */
  label: string;
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
const OTHER: PublicRoute = { label: '/:issuer_id/*' };

/** The public route of a path relative to the issuer: one map lookup per request. */
export const publicRoute = (path: string): PublicRoute => KNOWN.get(path) ?? OTHER;
