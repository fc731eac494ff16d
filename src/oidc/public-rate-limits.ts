import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterStore, retryAfterSeconds } from '../common/rate-limits/rate-limiter-store.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export type RouteFamily = 'metadata' | 'protocol';

/**
 * Per client IP and issuer, with separate budgets for the metadata documents and for the
 * protocol endpoints, so a discovery flood cannot starve sign-ins. Counters live in memory,
 * PostgreSQL or Redis (RATE_LIMIT_STORE); a shared store that fails falls back to memory
 * rather than refusing traffic.
 */
@Injectable()
export class PublicRateLimits {
  private readonly limiters: Partial<Record<RouteFamily, RateLimiterAbstract>> = {};

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimiterStore) {
    const { metadataPerMinute, protocolPerMinute } = config.rateLimits;
    for (const [family, points] of [['metadata', metadataPerMinute], ['protocol', protocolPerMinute]] as const) {
      if (points > 0) this.limiters[family] = store.create(`public-${family}`, points);
    }
  }

  /** Whether requests of `family` are limited at all (a budget of 0 turns limiting off). */
  applies(family: RouteFamily): boolean {
    return this.limiters[family] !== undefined;
  }

  /** Seconds to wait when over the budget, or 0 when the request may go on. */
  async retryAfter(family: RouteFamily, issuerId: string, ip: string): Promise<number> {
    const limiter = this.limiters[family];
    return limiter ? retryAfterSeconds(limiter, `${issuerId}:${ip}`) : 0;
  }
}
