import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterStore } from '../common/rate-limits/rate-limiter-store.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Counts failed sign-ins per user (of one issuer) and per client IP; past the limit, that key
 * is locked for the lockout period. Counted in the rate-limit store (RATE_LIMIT_STORE): with
 * PostgreSQL or Redis, one budget for all replicas; in memory, one per replica.
 */
@Injectable()
export class LoginThrottle {
  private readonly perUser: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimiterStore) {
    const { maxFailuresPerUser, maxFailuresPerIp, lockoutSeconds } = config.loginThrottle;
    // Each attempt takes a point up front (see take); a success gives it back.
    this.perUser = store.create('login-user', maxFailuresPerUser, lockoutSeconds, lockoutSeconds);
    this.perIp = store.create('login-ip', maxFailuresPerIp, lockoutSeconds, lockoutSeconds);
  }

  /**
   * Takes one attempt from the user's and the IP's budgets before the password is checked,
   * so parallel attempts cannot all slip past a check made before any failure is counted.
   * Returns the seconds to wait when a budget is spent (0 when not), and whether this very
   * attempt spent it (the moment a lockout begins, worth an audit event; later ones are not).
   */
  async take(issuerId: string, username: string, ip: string): Promise<{ retryAfterSeconds: number; lockedNow: boolean }> {
    const limiters = [this.perUser, this.perIp];
    const results = await Promise.allSettled([this.perUser.consume(userKey(issuerId, username)), this.perIp.consume(ip)]);
    const blocked = results.flatMap((result, index) =>
      result.status === 'rejected' && result.reason instanceof RateLimiterRes ? [{ res: result.reason, points: limiters[index].points }] : [],
    );
    const failure = results.find((result) => result.status === 'rejected' && !(result.reason instanceof RateLimiterRes));
    if (failure) throw (failure as PromiseRejectedResult).reason;
    return {
      retryAfterSeconds: blocked.length ? Math.ceil(Math.max(...blocked.map(({ res }) => res.msBeforeNext)) / 1000) : 0,
      // Each budget against its own size: the attempt just past it is the one that locks.
      lockedNow: blocked.some(({ res, points }) => res.consumedPoints === points + 1),
    };
  }

  /** A success gives the attempts back: only failures count. */
  async succeeded(issuerId: string, username: string, ip: string): Promise<void> {
    await Promise.all([this.perUser.delete(userKey(issuerId, username)), this.perIp.reward(ip, 1)]);
  }
}

const userKey = (issuerId: string, username: string) => `${issuerId}:${username.toLowerCase()}`;
