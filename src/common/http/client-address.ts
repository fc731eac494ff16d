import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * Whether the peer at `address`, `hop` steps from this server (0 = the socket's peer), is a
 * proxy whose `X-Forwarded-For` entry may be believed. Express's `trust proxy` takes the same
 * function, so the Nest side (`req.ip`) and the issuer gateway resolve one address alike.
 */
export type TrustProxy = (address: string, hop: number) => boolean;

/** Trusts no peer: the client address is the socket's, whatever headers say. */
const TRUST_NOTHING: TrustProxy = () => false;

/**
 * Compiles TRUST_PROXY as Express's `trust proxy` reads it, except `true` (which trusts every
 * peer, so anyone could forge their address) and with "nothing" as the default:
 * - unset, empty or `0`: no proxy is trusted;
 * - a hop count `n`: the `n` nearest peers are proxies, whatever their address;
 * - a comma-separated list of addresses, CIDR ranges and the names `loopback`, `linklocal`,
 *   `uniquelocal`: peers in the list are proxies.
 * Throws with a message fit for the start-up line on anything else.
 */
export function compileTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text === 'false') return TRUST_NOTHING;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  if (text === 'true')
    throw new Error("must not be true (every peer trusted, so any caller could forge its address): list the proxies' addresses or CIDRs, or give a hop count");
  const entries = text.split(',').map((entry) => entry.trim());
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`must be a hop count or a comma-separated list of addresses, CIDRs, loopback, linklocal or uniquelocal (${(error as Error).message})`);
  }
}

const RESOLVED = Symbol('clientAddress');

/**
 * The caller's address: the socket's peer, or the `X-Forwarded-For` entry the nearest
 * untrusted hop added when the peers in front are trusted proxies. Resolved once per request.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const cached = req as IncomingMessage & { [RESOLVED]?: string };
  return (cached[RESOLVED] ??= proxyaddr(req, trust));
}

/** Bits of an IPv6 address that a rate limit counts as one client: a /64 is one subscriber's network. */
const IPV6_CLIENT_PREFIX_BITS = 64;

/**
 * The key a per-address rate limit counts a client address under: an IPv4 address as it is,
 * an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a dual-stack socket reports) as its
 * IPv4, any other IPv6 address as its /64. One subscriber (one home, one cloud instance) is
 * routinely given a whole /64 and can pick any of its 2^64 addresses per request, so counting
 * each /128 would give it unlimited budgets. Not for the audit log, which keeps the exact
 * address. Anything that is not an address (no socket address) is returned unchanged.
 */
export function rateLimitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.map((part, index) => (index < IPV6_CLIENT_PREFIX_BITS / 16 ? part : 0));
  return `${new ipaddr.IPv6(parts).toString()}/${IPV6_CLIENT_PREFIX_BITS}`;
}
