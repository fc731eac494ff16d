import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isAddressAllowed, isLoopbackHost } from './address-policy.js';

export interface AllowedAddress {
  address: string;
  family: number;
}

/** A host the address policy refuses. The message names the host, never what it resolved to. */
export class AddressRefused extends Error {}

/**
 * Every address of `hostname` (brackets removed; an IP literal resolves to itself), each one
 * allowed by the address policy, or `AddressRefused`. One refused answer refuses the name: a
 * name that mixes public and private answers is what a rebinding attack looks like. For the
 * URLs Portcullis fetches on a client's behalf; the provider check has its own resolver
 * (DiscoveryNetwork), which tests stand in for.
 */
export async function resolveAllowed(hostname: string, allowPrivate: boolean, timeoutMs: number): Promise<AllowedAddress[]> {
  if (!allowPrivate && isLoopbackHost(new URL(`http://${hostname.includes(':') ? `[${hostname}]` : hostname}/`))) {
    throw new AddressRefused(`${hostname} is a loopback host`);
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AddressRefused(`${hostname} could not be resolved within ${timeoutMs} ms`)), timeoutMs);
  });
  const addresses = await Promise.race([lookup(hostname, { all: true, verbatim: true }), expired])
    .catch((error: NodeJS.ErrnoException) => {
      throw error instanceof AddressRefused ? error : new AddressRefused(`${hostname} could not be resolved (${error.code ?? error.message})`);
    })
    .finally(() => clearTimeout(timer));
  if (addresses.length === 0 || addresses.some((a) => !isAddressAllowed(a.address, allowPrivate))) {
    throw new AddressRefused(isIP(hostname) ? `${hostname} is not a public address` : `${hostname} does not resolve to public addresses only`);
  }
  return addresses;
}
