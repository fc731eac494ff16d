import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimitKey } from '../../common/http/client-address.js';
import { RateLimiterStore, secondsUntil } from '../../common/rate-limits/rate-limiter-store.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { usernameKey } from '../../stores/users/username.js';

/**
 * How long, in ms, an attempt waits for a user's budget that attempts still being checked hold
 * (not failures), and how often it looks again. A check is one password hash (tens of ms), so
 * the budget is back within a few looks unless the attempts keep coming; past the wait, the
 * attempt is refused for a second rather than for the lockout.
 */
const IN_FLIGHT_WAIT_MS = 3_000;
const IN_FLIGHT_POLL_MS = 50;

export interface ThrottleVerdict {
  /** Seconds to wait when refused; 0 when the attempt may go on. */
  retryAfterSeconds: number;
  /** Whether this very attempt locked the key (the moment a lockout begins, worth an audit event). */
  lockedNow: boolean;
  /** Whether the user had no failure and no other attempt counted when this one began: a success then has no failures to clear. */
  firstAttempt?: boolean;
}

/**
 * Counts failed sign-ins per client IP and per user (of one issuer); past the limit, that key
 * is locked for the lockout period. The IP budget is the address's rate-limit key (an IPv6
 * address counts as its /64, see rateLimitKey); callers pass the exact address, which the
 * audit log keeps. Counted in the rate-limit store (RATE_LIMIT_STORE): with
 * PostgreSQL or Redis, one budget for all replicas; in memory, one per replica.
 *
 * Each attempt reserves a point of both budgets before its password (or factor) is checked, so
 * parallel guesses cannot all slip past a check made before any failure is counted; a right one
 * gives the points back at once, so a sign-in of several steps (or one left at its second step)
 * holds none. The user's failures are also counted on their own, so that a budget held by
 * attempts still in flight (a person signing in from several tabs, a shared test account) makes
 * a correct sign-in wait a moment, and only a budget spent on failures locks it out.
 */
@Injectable()
export class LoginThrottle {
  /** Failures and attempts in flight, per user: what bounds the guesses made at once. */
  private readonly perUser: RateLimiterAbstract;
  /** Failures alone, per user: what decides a lockout. */
  private readonly failuresPerUser: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimiterStore) {
    const { maxFailuresPerUser, maxFailuresPerIp, lockoutSeconds } = config.loginThrottle;
    this.perUser = store.create('login-user', maxFailuresPerUser, lockoutSeconds, lockoutSeconds);
    this.failuresPerUser = store.create('login-user-failures', maxFailuresPerUser, lockoutSeconds);
    this.perIp = store.create('login-ip', maxFailuresPerIp, lockoutSeconds, lockoutSeconds);
  }

  /**
   * Takes one attempt from the IP's budget, then, if the IP had one left, from the user's,
   * before the password is checked. A locked-out IP spends no user budget and makes no
   * per-user counter: new usernames from it cost nothing to keep. `username` is undefined for
   * a name that cannot be anyone's (see isUsername), which has no budget of its own.
   * When the user's budget is spent by attempts still in flight rather than by failures, gives
   * its point back and waits for them (up to IN_FLIGHT_WAIT_MS).
   */
  async take(issuerId: string, username: string | undefined, ip: string): Promise<ThrottleVerdict> {
    const byIp = await consume(this.perIp, rateLimitKey(ip));
    if (byIp.refused || username === undefined) return verdict(byIp);
    const key = userKey(issuerId, username);
    const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
    for (;;) {
      const byUser = await consume(this.perUser, key);
      if (!byUser.refused) return { ...verdict(undefined), firstAttempt: byUser.res.consumedPoints === 1 };
      const failures = (await this.failuresPerUser.get(key))?.consumedPoints ?? 0;
      if (failures >= this.failuresPerUser.points) return verdict(byUser);
      await this.perUser.reward(key, 1);
      if (Date.now() >= deadline) return { retryAfterSeconds: 1, lockedNow: false };
      await sleep(IN_FLIGHT_POLL_MS);
    }
  }

  /** A wrong password (or unknown user) for `username`: the attempt's point stays spent, and counts as a failure. */
  async failed(issuerId: string, username: string): Promise<void> {
    await this.failuresPerUser.penalty(userKey(issuerId, username), 1);
  }

  /**
   * A password or factor that was right: its attempt is no longer in flight, and its points go
   * back to both budgets. The user's failures stay: a sign-in with more steps is not over yet.
   */
  async passed(issuerId: string, username: string, ip: string): Promise<void> {
    await Promise.all([this.perUser.reward(userKey(issuerId, username), 1), this.perIp.reward(rateLimitKey(ip), 1)]);
  }

  /**
   * A whole sign-in succeeded (each of its attempts already given back by `passed`): only
   * failures count, and a success clears the user's. After a `firstAttempt` there are none to
   * clear, but for one made while it was checked, which then stays counted until its window
   * ends: stricter for that moment, never looser.
   */
  async succeeded(issuerId: string, username: string, { firstAttempt }: Pick<ThrottleVerdict, 'firstAttempt'>): Promise<void> {
    const key = userKey(issuerId, username);
    await Promise.all([this.perUser.delete(key), ...(firstAttempt ? [] : [this.failuresPerUser.delete(key)])]);
  }
}

/** What taking a point left: the counter, whether it was refused, and the budget's size. */
interface Taken {
  res: RateLimiterRes;
  refused: boolean;
  points: number;
}

/** Takes a point. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<Taken> {
  try {
    return { res: await limiter.consume(key), refused: false, points: limiter.points };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { res: rejection, refused: true, points: limiter.points };
    throw rejection;
  }
}

function verdict(blocked: Taken | undefined): ThrottleVerdict {
  if (!blocked?.refused) return { retryAfterSeconds: 0, lockedNow: false };
  // Each budget against its own size: the attempt just past it is the one that locks.
  return { retryAfterSeconds: secondsUntil(blocked.res), lockedNow: blocked.res.consumedPoints === blocked.points + 1 };
}

const userKey = (issuerId: string, username: string) => `${issuerId}:${usernameKey(username)}`;
