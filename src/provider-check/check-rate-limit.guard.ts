import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AdminRequest } from '../admin-keys/auth/admin-key.guard.js';
import { TooManyRequests } from '../common/errors/app-error.js';
import { RateLimiterStore, retryAfterSeconds } from '../common/rate-limits/rate-limiter-store.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Who a provider check is counted against: the admin key's id (`root` for ADMIN_API_KEY), set by AdminKeyGuard. */
export function callerKey(req: AdminRequest): string {
  return req.admin!.id;
}

/**
 * Each check makes up to five outbound fetches, so its budget per admin key
 * (PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE) keeps the endpoint from being used to flood
 * other hosts. Counted in the rate-limit store (RATE_LIMIT_STORE), so shared by replicas. Runs
 * after the admin key guard, so unauthenticated calls spend nothing.
 */
@Injectable()
export class CheckRateLimitGuard implements CanActivate {
  private readonly limiter?: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimiterStore) {
    const points = config.providerDiscovery.perMinute;
    if (points > 0) this.limiter = store.create('provider-discovery', points);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.limiter) return true;
    const seconds = await retryAfterSeconds(this.limiter, callerKey(context.switchToHttp().getRequest<AdminRequest>()));
    if (seconds > 0) throw new TooManyRequests(seconds);
    return true;
  }
}
