import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimitKey } from '../../common/http/client-address.js';
import { RateLimiterStore, secondsUntil } from '../../common/rate-limits/rate-limiter-store.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { usernameKey } from '../../stores/users/username.js';

/**
 * Counts failed sign-ins per client IP and per user (of one issuer); past the limit, that key
 * is locked for the lockout period. The IP budget is the address's rate-limit key (an IPv6
 * address counts as its /64, see rateLimitKey); callers pass the exact address, which the
 * audit log keeps. Counted in the rate-limit store (RATE_LIMIT_STORE): with
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
   * Takes one attempt from the IP's budget, then, if the IP had one left, from the user's,
   * before the password is checked, so parallel attempts cannot all slip past a check made
   * before any failure is counted. A locked-out IP spends no user budget and makes no
   * per-user counter: new usernames from it cost nothing to keep. `username` is undefined for
   * a name that cannot be anyone's (see isUsername), which has no budget of its own.
   * Returns the seconds to wait when a budget is spent (0 when not), and whether this very
   * attempt spent it (the moment a lockout begins, worth an audit event; later ones are not).
   */
  async take(issuerId: string, username: string | undefined, ip: string): Promise<{ retryAfterSeconds: number; lockedNow: boolean }> {
    const byIp = await consume(this.perIp, rateLimitKey(ip));
    if (byIp || username === undefined) return verdict(byIp);
    return verdict(await consume(this.perUser, userKey(issuerId, username)));
  }

  /** A success gives the attempts back: only failures count. */
  async succeeded(issuerId: string, username: string, ip: string): Promise<void> {
    await Promise.all([this.perUser.delete(userKey(issuerId, username)), this.perIp.reward(rateLimitKey(ip), 1)]);
  }
}

/** Takes a point: undefined within the budget, else the refusal and the budget's size. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<{ res: RateLimiterRes; points: number } | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { res: rejection, points: limiter.points };
    throw rejection;
  }
}

function verdict(blocked: { res: RateLimiterRes; points: number } | undefined): { retryAfterSeconds: number; lockedNow: boolean } {
  if (!blocked) return { retryAfterSeconds: 0, lockedNow: false };
  // Each budget against its own size: the attempt just past it is the one that locks.
  return { retryAfterSeconds: secondsUntil(blocked.res), lockedNow: blocked.res.consumedPoints === blocked.points + 1 };
}

const userKey = (issuerId: string, username: string) => `${issuerId}:${usernameKey(username)}`;
