/** Where an issuer's metadata may be, in the order the check tries them. */
export interface MetadataLocation {
  kind: 'openid-configuration' | 'oauth-authorization-server';
  url: string;
}

/**
 * OpenID Connect Discovery 1.0 §4 appends `/.well-known/openid-configuration` to the issuer
 * (after removing a terminating "/"); RFC 8414 §3.1 inserts `/.well-known/oauth-authorization-server`
 * between the host and the issuer's path. For an issuer without a path the two differ only
 * in the suffix.
 */
export function metadataLocations(issuer: string): MetadataLocation[] {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/$/, '');
  return [
    { kind: 'openid-configuration', url: `${url.origin}${path}/.well-known/openid-configuration` },
    { kind: 'oauth-authorization-server', url: `${url.origin}/.well-known/oauth-authorization-server${path}` },
  ];
}
