import ipaddr from 'ipaddr.js';

/**
 * Ranges opened by PROVIDER_DISCOVERY_ALLOW_PRIVATE (development, tests, an issuer on the
 * same network). Everything else but globally routable unicast stays refused even then:
 * unspecified, multicast, broadcast and reserved addresses are never an issuer.
 */
const privateRanges = new Set(['loopback', 'private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat']);

/**
 * Whether the check may connect to `address`. `process()` turns an IPv4-mapped IPv6 address
 * (`::ffff:127.0.0.1`) into its IPv4 form first, so it is judged as the IPv4 address it
 * reaches. Only ipaddr.js's `unicast` (globally routable) passes by default: NAT64, 6to4 and
 * Teredo forms, which can embed a private IPv4 address, are refused with the rest.
 */
export function isAddressAllowed(address: string, allowPrivate: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === 'unicast' || (allowPrivate && privateRanges.has(range));
}

/** The hostname of a URL without IPv6 brackets, as DNS lookup and address parsing want it. */
export const bareHostname = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** A loopback name or literal: the only hosts plain http may reach, and only with private addresses allowed. */
export function isLoopbackHost(url: URL): boolean {
  const host = bareHostname(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
}

/**
 * Schemes the check may use: https always, http only towards a loopback host and only when
 * private addresses are allowed (a local issuer under test). Returns why not, or null.
 */
export function schemeProblem(url: URL, allowPrivate: boolean): string | null {
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowPrivate && isLoopbackHost(url)) return null;
  return url.protocol === 'http:' ? 'must use https' : `uses ${url.protocol.replace(/:$/, '')}, not https`;
}
