import type { IncomingMessage } from 'node:http';
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
  if (text === 'true') throw new Error('must not be true (every peer trusted, so any caller could forge its address): list the proxies\' addresses or CIDRs, or give a hop count');
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
