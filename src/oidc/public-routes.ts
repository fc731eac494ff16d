import { ROUTES } from './provider-options.js';

/**
 * The methods each public path below an issuer answers, from the contract. oidc-provider
 * answers a wrong method with a plain 404; this table turns that into 405 with `Allow`.
 */
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

/** Methods of a known public path (relative to the issuer), or undefined for an unknown one. */
export function publicRouteMethods(path: string): string[] | undefined {
  return METHODS[path.length > 1 ? path.replace(/\/$/, '') : path];
}

/** A bounded label for metrics: the route pattern, never the raw path. */
export function publicRouteLabel(path: string): string {
  return publicRouteMethods(path) ? `/:issuer_id${path.replace(/\/$/, '')}` : '/:issuer_id/*';
}
