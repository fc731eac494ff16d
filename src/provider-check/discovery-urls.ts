/**
 * OpenID Connect Discovery 1.0 §4 appends `/.well-known/openid-configuration` to the issuer
 * (after removing a terminating "/"); RFC 8414 §3.1 inserts `/.well-known/oauth-authorization-server`
 * between the host and the issuer's path. For an issuer without a path the two differ only
 * in the suffix. In the order the check tries them.
 */
export function metadataLocations(issuer: string): string[] {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/$/, '');
  return [`${url.origin}${path}/.well-known/openid-configuration`, `${url.origin}/.well-known/oauth-authorization-server${path}`];
}
