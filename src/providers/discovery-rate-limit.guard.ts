import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AdminRequest } from '../common/auth/admin-key.guard.js';
import { TooManyRequests } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** Who a provider check is counted against: the admin key's id (`root` for ADMIN_API_KEY), set by AdminKeyGuard. */
export function callerKey(req: AdminRequest): string {
  return req.admin!.id;
}

/**
 * Each check makes up to five outbound fetches, so its budget per admin key
 * (PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE) keeps the endpoint from being used to flood
 * other hosts. Counted in memory per replica: a cap on fan-out, not an accounting. Runs
 * after the admin key guard, so unauthenticated calls spend nothing.
 */
@Injectable()
export class DiscoveryRateLimitGuard implements CanActivate {
  private readonly limiter?: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const points = config.providerDiscovery.perMinute;
    if (points > 0) this.limiter = new RateLimiterMemory({ keyPrefix: 'provider-discovery', points, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.limiter) return true;
    try {
      await this.limiter.consume(callerKey(context.switchToHttp().getRequest<AdminRequest>()));
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new TooManyRequests(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  }
}
