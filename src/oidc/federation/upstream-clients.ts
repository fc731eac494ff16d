import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import * as oidc from 'openid-client';
import { schemeProblem } from '../../common/outbound/address-policy.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Connection } from '../../stores/connections/connection.js';
import { ConnectionsStore } from '../../stores/connections/connections.store.js';
import { clientFetch } from '../hooks/client-fetch.js';

/** Each request to an upstream (discovery, token, userinfo, JWKS) is bounded at this, in milliseconds. */
const UPSTREAM_TIMEOUT_MS = 5000;
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
    const pinned = clientFetch(allowPrivate, caFile ? [...rootCertificates, readFileSync(caFile, 'utf8')] : undefined);
    this.fetch = (url, options) =>
      pinned(url, { ...options, signal: AbortSignal.any([options.signal, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)].filter((signal) => !!signal)) });
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
        execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      });
    } catch (error) {
      throw new UpstreamUnavailable(error instanceof Error ? error.message : String(error));
    }
  }
}
