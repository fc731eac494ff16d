import { lookup } from 'node:dns/promises';
import { addressesRefusal, isLoopbackHost } from './address-policy.js';

export interface AllowedAddress {
  address: string;
  family: number;
}

/** A host the address policy refuses. The message names the host, never what it resolved to. */
export class AddressRefused extends Error {}

/**
 * Every address of `hostname` (brackets removed; an IP literal resolves to itself), each one
 * allowed by the address policy (`addressesRefusal`), or `AddressRefused`. For the
 * URLs Portcullis fetches on a client's behalf; the provider check has its own resolver
 * (CheckNetwork), which tests stand in for.
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
  const refusal = addressesRefusal(hostname, addresses, allowPrivate);
  if (refusal) throw new AddressRefused(refusal);
  return addresses;
}
