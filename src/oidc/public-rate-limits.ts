import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PG_POOL } from '../database/database.module.js';

export type RouteFamily = 'metadata' | 'protocol';

/**
 * Per client IP and issuer, with separate budgets for the metadata documents and for the
 * protocol endpoints, so a discovery flood cannot starve sign-ins. Counters live in memory,
 * PostgreSQL or Redis (RATE_LIMIT_STORE); a shared store that fails falls back to memory
 * rather than refusing traffic.
 */
@Injectable()
export class PublicRateLimits implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly limiters: Partial<Record<RouteFamily, RateLimiterAbstract>> = {};
  private readonly redis?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(PG_POOL) pool: pg.Pool) {
    const { metadataPerMinute, protocolPerMinute, store, redisUrl } = config.rateLimits;
    if (store === 'redis') this.redis = new Redis(redisUrl!, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    this.redis?.on('error', (error) => this.logger.warn(`redis: ${error.message}`));

    for (const [family, points] of [['metadata', metadataPerMinute], ['protocol', protocolPerMinute]] as const) {
      if (points === 0) continue;
      const options = { keyPrefix: `public-${family}`, points, duration: 60 };
      const insuranceLimiter = new RateLimiterMemory(options);
      this.limiters[family] =
        store === 'redis'
          ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter })
          : store === 'postgres'
            ? new RateLimiterPostgres({ ...options, storeClient: pool, tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false, insuranceLimiter })
            : insuranceLimiter;
    }
  }

  /** Whether requests of `family` are limited at all (a budget of 0 turns limiting off). */
  applies(family: RouteFamily): boolean {
    return this.limiters[family] !== undefined;
  }

  /** Seconds to wait when over the budget, or 0 when the request may go on. */
  async retryAfter(family: RouteFamily, issuerId: string, ip: string): Promise<number> {
    const limiter = this.limiters[family];
    if (!limiter) return 0;
    try {
      await limiter.consume(`${issuerId}:${ip}`);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
