import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import type { Configuration } from 'oidc-provider';
import { bareHostname } from '../../common/outbound/address-policy.js';
import { resolveAllowed, type AllowedAddress } from '../../common/outbound/allowed-addresses.js';

/** How long resolving a client's host may take, in milliseconds; oidc-provider bounds the whole fetch at 2.5 s. */
const RESOLVE_TIMEOUT_MS = 2000;

/** Methods sent on a client's behalf: reads (its `jwks_uri`, `sector_identifier_uri`) and the logout token POSTed to its `backchannel_logout_uri`. */
const METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * oidc-provider's `fetch`, for every request it makes to a client: its JWKS, its sector
 * identifier document and the back-channel logout POST. The host is resolved once, every answer judged by the address
 * policy (loopback, private, link-local and IPv4-embedding addresses refused unless
 * CLIENT_URIS_ALLOW_PRIVATE), and the connection made to the address that was judged, so a
 * second DNS answer (rebinding) cannot send it elsewhere. Redirects are not followed: a
 * redirect is answered to oidc-provider as it came, which it treats as a failure (a JWKS and
 * a logout endpoint are served where they are registered). oidc-provider bounds each request
 * at 2.5 s through `options.signal`. `ca` replaces Node's CAs when given (CLIENT_URIS_CA_FILE
 * added to them). The registration check (oidc/client-uri-policy) refuses such URLs earlier;
 * this one holds at every request.
 */
export function clientFetch(allowPrivate: boolean, ca?: string[]): NonNullable<Configuration['fetch']> {
  return async (input, options) => {
    const target = new URL(input instanceof Request ? input.url : input);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error(`${target.protocol} URLs are not fetched`);
    const method = (options?.method ?? 'GET').toUpperCase();
    if (!METHODS.has(method)) throw new Error(`${method} requests are not sent on a client's behalf`);
    // Read before connecting: a body that cannot be read fails here, not halfway through a request.
    const body = options?.body == null ? undefined : Buffer.from(await new Response(options.body).arrayBuffer());
    const [address] = await resolveAllowed(bareHostname(target), allowPrivate, RESOLVE_TIMEOUT_MS);
    return send(target, address, method, options ?? {}, body, ca);
  };
}

function send(
  target: URL,
  address: AllowedAddress,
  method: string,
  options: RequestInit,
  body: Buffer | undefined,
  ca: string[] | undefined,
): Promise<Response> {
  // Connect to the judged address; TLS still verifies the certificate against the URL's host name.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as (error: null, addresses: AllowedAddress[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const headers = Object.fromEntries(new Headers(options.headers));
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = (target.protocol === 'https:' ? https : http).request(
      target,
      { method, headers, signal: options.signal ?? undefined, lookup: pinned, ...(ca ? { ca } : {}) },
      (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const one of [value ?? []].flat()) headers.append(name, one);
        }
        const status = res.statusCode ?? 502;
        const empty = method === 'HEAD' || status === 204 || status === 304;
        if (empty) res.resume();
        resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream), { status, headers }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}
