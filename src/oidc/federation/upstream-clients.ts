import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import * as oidc from 'openid-client';
import { schemeProblem } from '../../common/outbound/address-policy.js';
import { trustedCas } from '../../common/outbound/trusted-cas.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Connection } from '../../stores/connections/connection.js';
import { ConnectionsStore } from '../../stores/connections/connections.store.js';
import { clientFetch } from '../hooks/client-fetch.js';

/** Each request to an upstream (discovery, token, userinfo, JWKS) is bounded at this, in milliseconds. */
const UPSTREAM_TIMEOUT_MS = 5000;
/** The largest answer read from an upstream (a discovery document, a JWKS, a token or userinfo response is a few KiB). */
const UPSTREAM_MAX_BYTES = 256 * 1024;
/** How long an upstream's discovery document and keys are reused before they are read again. */
const CONFIGURATION_TTL_MS = 10 * 60_000;

/** An upstream that could not be used: its discovery failed, or it answered with something openid-client refused. */
export class UpstreamUnavailable extends Error {}

/**
 * The relying-party side of each connection: openid-client's Configuration for it (discovery
 * checked by openid-client, whose `issuer` must equal the connection's exactly), cached per
 * connection version. Every request goes through the address policy of the provider check
 * (PROVIDER_DISCOVERY_ALLOW_PRIVATE, PROVIDER_DISCOVERY_CA_FILE), pinned to the address judged,
 * redirects not followed, each bounded in time.
 */
@Injectable()
export class UpstreamClients {
  private readonly cache = new LRUCache<string, Promise<oidc.Configuration>>({ max: 1000, ttl: CONFIGURATION_TTL_MS });
  private readonly allowPrivate: boolean;
  private readonly fetch: oidc.CustomFetch;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly connections: ConnectionsStore,
  ) {
    const { allowPrivate, caFile } = config.providerDiscovery;
    this.allowPrivate = allowPrivate;
    const pinned = clientFetch(allowPrivate, trustedCas(caFile));
    this.fetch = async (url, options) => {
      const signal = AbortSignal.any([options.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)].filter((one) => !!one));
      return bounded(await pinned(url, { ...options, signal }), UPSTREAM_MAX_BYTES);
    };
  }

  /** The connection's Configuration; a failed discovery is not remembered, so the next sign-in tries again. */
  configuration(connection: Connection): Promise<oidc.Configuration> {
    const key = `${connection.tenantId}\0${connection.connectionId}\0${connection.updatedAt.getTime()}`;
    let configuration = this.cache.get(key);
    if (!configuration) {
      configuration = this.discover(connection);
      configuration.catch(() => this.cache.delete(key));
      this.cache.set(key, configuration);
    }
    return configuration;
  }

  private async discover(connection: Connection): Promise<oidc.Configuration> {
    const issuer = new URL(connection.issuer);
    if (schemeProblem(issuer, this.allowPrivate)) throw new UpstreamUnavailable(`${connection.issuer} is not an issuer Portcullis may use`);
    const secret = await this.connections.clientSecret(connection.tenantId, connection.connectionId);
    if (secret === null) throw new UpstreamUnavailable('the connection is gone');
    try {
      return await oidc.discovery(issuer, connection.clientId, { client_secret: secret }, oidc.ClientSecretBasic(secret), {
        [oidc.customFetch]: this.fetch,
        // http only for a loopback issuer, and only where the address policy allows private addresses (as the provider check).
        // The ID token's signature is checked against the upstream's JWKS even though it came over
        // the back channel (OIDC Core lets TLS stand in for it): http is allowed for a loopback issuer.
        execute: [oidc.enableNonRepudiationChecks, ...(issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [])],
      });
    } catch (error) {
      throw new UpstreamUnavailable(error instanceof Error ? error.message : String(error));
    }
  }
}

/** `response` with its body read whole, refused past `maxBytes` (announced or actual). */
async function bounded(response: Response, maxBytes: number): Promise<Response> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    throw new Error(`the upstream answered more than ${maxBytes} bytes`);
  }
  if (!response.body) return response;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new Error(`the upstream answered more than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return new Response(Buffer.concat(chunks), { status: response.status, statusText: response.statusText, headers: response.headers });
}
