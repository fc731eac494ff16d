import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Counts failed sign-ins per user (of one issuer) and per client IP; past the limit, that key
 * is locked for the lockout period. In memory, per replica: N replicas allow up to N times
 * the limit, which still stops online guessing.
 */
@Injectable()
export class LoginThrottle {
  private readonly perUser: RateLimiterMemory;
  private readonly perIp: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { maxFailuresPerUser, maxFailuresPerIp, lockoutSeconds } = config.loginThrottle;
    this.perUser = new RateLimiterMemory({ keyPrefix: 'login-user', points: maxFailuresPerUser, duration: lockoutSeconds, blockDuration: lockoutSeconds });
    this.perIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: maxFailuresPerIp, duration: lockoutSeconds, blockDuration: lockoutSeconds });
  }

  /** Seconds until this user or IP may try again, or 0. */
  async lockedFor(issuerId: string, username: string, ip: string): Promise<number> {
    const [user, address] = await Promise.all([this.perUser.get(userKey(issuerId, username)), this.perIp.get(ip)]);
    const blocked = [user, address].filter((res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0);
    return blocked.length ? Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000) : 0;
  }

  async failed(issuerId: string, username: string, ip: string): Promise<void> {
    await Promise.all([this.perUser.penalty(userKey(issuerId, username)), this.perIp.penalty(ip)]);
  }

  async succeeded(issuerId: string, username: string): Promise<void> {
    await this.perUser.delete(userKey(issuerId, username));
  }
}

const userKey = (issuerId: string, username: string) => `${issuerId}:${username.toLowerCase()}`;
