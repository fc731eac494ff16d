import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DataSource } from 'typeorm';
import { SyncedBudget } from './synced-budget.js';

/** Seconds until a refused key may try again, for Retry-After: never 0. */
export const secondsUntil = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Takes a point for `key`: 0 within the budget, else the seconds until the budget allows one again (for Retry-After). */
export async function retryAfterSeconds(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return secondsUntil(rejection);
    throw rejection;
  }
}

/** Requests per window for each key. */
export interface Budget {
  /** Takes a point for `key`: 0 within the budget, else the seconds until it allows one again (for Retry-After). */
  take(key: string): Promise<number>;
}

/**
 * Makes rate limiters in the store RATE_LIMIT_STORE names: memory (per replica), PostgreSQL
 * or Redis (shared by all replicas). A shared store that fails falls back to memory (the
 * insurance limiter) rather than refusing traffic.
 */
@Injectable()
export class RateLimiterStore implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis?: Redis;
  private readonly budgets: SyncedBudget[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    const { store, redisUrl } = config.rateLimits;
    if (store === 'redis') {
      this.redis = new Redis(redisUrl!, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
      this.redis.on('error', (error) => this.logger.warn(`redis: ${error.message}`));
    }
  }

  /** `points` per `duration` seconds for each key, counted under `keyPrefix`; past them, blocked for `blockDuration` seconds. */
  create(keyPrefix: string, points: number, duration = 60, blockDuration = 0): RateLimiterAbstract {
    const options = { keyPrefix, points, duration, blockDuration };
    const insuranceLimiter = new RateLimiterMemory(options);
    switch (this.config.rateLimits.store) {
      case 'redis':
        return new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter });
      case 'postgres':
        // The table is the migration's; the library deletes rows expired over an hour ago every five minutes (an unref'd timer).
        return new RateLimiterPostgres({
          ...options,
          storeClient: this.dataSource,
          storeType: 'typeorm',
          tableName: 'rate_limits',
          tableCreated: true,
          clearExpiredByTimeout: true,
          insuranceLimiter,
        });
      default:
        return insuranceLimiter;
    }
  }

  /**
   * A flood budget, `points` per `duration` seconds for each key: in memory, or counted in memory
   * between syncs with a shared store (see SyncedBudget for what that costs in exactness).
   */
  budget(keyPrefix: string, points: number, duration = 60): Budget {
    const limiter = this.create(keyPrefix, points, duration);
    if (this.config.rateLimits.store === 'memory') return { take: (key) => retryAfterSeconds(limiter, key) };
    const budget = new SyncedBudget(limiter, points);
    this.budgets.push(budget);
    return budget;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const budget of this.budgets) budget.close();
    await this.redis?.quit().catch(() => undefined);
  }
}
