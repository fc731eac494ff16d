import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/**
 * Ranges opened by PROVIDER_DISCOVERY_ALLOW_PRIVATE (development, tests, an issuer on the
 * same network). Everything else but globally routable unicast stays refused even then:
 * unspecified, multicast, broadcast and reserved addresses are never an issuer.
 */
const privateRanges = new Set(['loopback', 'private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat']);

/**
 * IPv6 forms that carry an IPv4 address inside them, which a translator, relay or tunnel
 * may deliver to that IPv4 address: reaching one can mean reaching a private or loopback
 * IPv4 host. No issuer needs them, so all are refused, even with private addresses allowed,
 * whichever IPv4 address they embed. (IPv4-mapped `::ffff:0:0/96` is not here: `process()`
 * turns it into the IPv4 address it means, judged as such.)
 */
const IPV4_EMBEDDING_RANGES = [
  // IPv4-compatible (RFC 4291 §2.5.5.1, deprecated); `::1` and `::` are judged as themselves below.
  '::/96',
  // IPv4-translated (RFC 6145 / 7915, SIIT).
  '::ffff:0:0:0/96',
  // NAT64 well-known prefix (RFC 6052) and local-use prefix (RFC 8215).
  '64:ff9b::/96',
  '64:ff9b:1::/48',
  // 6to4 (RFC 3056).
  '2002::/16',
  // Teredo (RFC 4380).
  '2001::/32',
].map((cidr) => ipaddr.IPv6.parseCIDR(cidr));

/** Whether `address` embeds an IPv4 address (see IPV4_EMBEDDING_RANGES), ISATAP interface identifiers included. */
function embedsIpv4(address: ipaddr.IPv6): boolean {
  const parts = address.parts;
  if (address.range() === 'loopback' || address.range() === 'unspecified') return false;
  // ISATAP (RFC 5214): any /64 prefix, interface identifier [02]00:5efe:a.b.c.d.
  if ((parts[4] === 0 || parts[4] === 0x200) && parts[5] === 0x5efe) return true;
  return IPV4_EMBEDDING_RANGES.some((range) => address.match(range));
}

/**
 * Whether the check may connect to `address`. `process()` turns an IPv4-mapped IPv6 address
 * (`::ffff:127.0.0.1`) into its IPv4 form first, so it is judged as the IPv4 address it
 * reaches. Every other IPv6 form that embeds an IPv4 address is refused outright. Otherwise
 * only ipaddr.js's `unicast` (globally routable) passes by default.
 */
export function isAddressAllowed(address: string, allowPrivate: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && embedsIpv4(parsed as ipaddr.IPv6)) return false;
  const range = parsed.range();
  return range === 'unicast' || (allowPrivate && privateRanges.has(range));
}

/**
 * Why a host may not be reached, judged on every address it resolved to, or undefined when it
 * may. One refused address refuses the name: a name that mixes public and private answers is
 * what a rebinding attack looks like. The words name the host, never what it resolved to.
 */
export function addressesRefusal(hostname: string, addresses: { address: string }[], allowPrivate: boolean): string | undefined {
  if (addresses.length > 0 && addresses.every((a) => isAddressAllowed(a.address, allowPrivate))) return undefined;
  return isIP(hostname) ? `${hostname} is not a public address` : `${hostname} does not resolve to public addresses only`;
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
