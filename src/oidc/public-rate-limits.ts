import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { clientAddress, rateLimitKey, type TrustProxy } from '../common/http/client-address.js';
import { RateLimiterStore, type Budget } from '../common/rate-limits/rate-limiter-store.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { LiveIssuer } from './provider-registry.js';

export type RouteFamily = 'metadata' | 'protocol' | 'registration';

/**
 * Per client and issuer, with separate budgets for the metadata documents, for client
 * registration (each registration writes a client and rebuilds the issuer's provider on every
 * replica, so its budget is small) and for the other protocol endpoints, so a discovery or
 * registration flood cannot starve sign-ins. Counters live in memory, or are
 * shared through PostgreSQL or Redis (RATE_LIMIT_STORE) every SYNC_INTERVAL_MS (SyncedBudget);
 * a shared store that fails falls back to memory rather than refusing traffic.
 *
 * The one place a public budget's key is made, for the issuer gateway and the sign-in pages
 * alike, so one client of one issuer has one protocol budget whichever route it comes by.
 * Only a live issuer has budgets: a request for an unknown issuer_id (however long, however
 * encoded) is answered 404 and makes no counter.
 */
@Injectable()
export class PublicRateLimits {
  private readonly limiters: Partial<Record<RouteFamily, Budget>> = {};
  private readonly trustProxy: TrustProxy;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimiterStore) {
    this.trustProxy = config.trustProxy;
    const { metadataPerMinute, protocolPerMinute, registrationPerMinute } = config.rateLimits;
    for (const [family, points] of [
      ['metadata', metadataPerMinute],
      ['protocol', protocolPerMinute],
      ['registration', registrationPerMinute],
    ] as const) {
      if (points > 0) this.limiters[family] = store.budget(`public-${family}`, points);
    }
  }

  /** Whether requests of `family` are limited at all (a budget of 0 turns limiting off). */
  applies(family: RouteFamily): boolean {
    return this.limiters[family] !== undefined;
  }

  /**
   * Takes one request of `family` from the budget of `req`'s client (its address through
   * trusted proxies, an IPv6 one by its /64) at `issuer`: seconds to wait when over the
   * budget, or 0 when the request may go on.
   */
  async retryAfter(family: RouteFamily, issuer: LiveIssuer, req: IncomingMessage): Promise<number> {
    const limiter = this.limiters[family];
    if (!limiter) return 0;
    return limiter.take(`${issuer.tenant.issuerId}:${rateLimitKey(clientAddress(req, this.trustProxy))}`);
  }
}
