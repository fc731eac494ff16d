/**
 * `Strict-Transport-Security` for an https PUBLIC_URL (none for http: browsers ignore it there).
 *
 * One year, the value HSTS preload lists ask for. Without `includeSubDomains`: issuers are
 * paths on this one host, and whether every other name under the domain is https-only is for
 * whoever runs the domain to declare (at the ingress or the apex), not for one service on it.
 * Without `preload` for the same reason.
 */
export function strictTransportSecurity(publicUrl: string): string | undefined {
  return publicUrl.startsWith('https://') ? `max-age=${HSTS_MAX_AGE_SECONDS}` : undefined;
}

/** One year, in seconds. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;
