import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Actor } from '../../audit/actor.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { loggableError } from '../../database/unavailable.js';
import { RateLimiterStore } from '../rate-limits/rate-limiter-store.js';
import { TooManyRequests, Unauthenticated } from '../errors/app-error.js';
import { AdminKeyLookup, ROOT_PRINCIPAL, type AdminPrincipal } from './admin-principal.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Window and lockout of failed admin authentications, in seconds: ADMIN_AUTH_MAX_FAILURES_PER_IP
 * wrong keys in this time lock the address out for as long. Long enough that guessing even a
 * weak key takes years; short enough that an operator whose script sent an old key recovers soon.
 */
export const ADMIN_AUTH_WINDOW_SECONDS = 900;

/**
 * Checks the admin bearer key of a request: the root ADMIN_API_KEY, or a key created through
 * `/v1/admin-keys`. Keys are compared by their SHA-256, the root key in constant time.
 *
 * Wrong keys are counted per client address (`req.ip`, see TRUST_PROXY) in the rate-limit store,
 * so every replica shares the count; past the budget the address gets 429 with Retry-After,
 * the right key included, until the lockout ends. Each counted failure is audited as
 * `admin_auth.failed` (never with the key presented); refused ones are not, so a flood cannot
 * flood the audit log. A request without a key is not a guess and is not counted.
 *
 * One instance for the application (AdminKeysModule), so an in-memory count is one count.
 */
@Injectable()
export class AdminAuthenticator {
  private readonly logger = new Logger('AdminAuth');
  private readonly root: Buffer;
  private readonly failures: RateLimiterAbstract;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keys: AdminKeyLookup,
    private readonly audit: AuditTrail,
    store: RateLimiterStore,
  ) {
    this.root = sha256(config.adminApiKey);
    this.failures = store.create('admin-auth', config.adminAuthMaxFailuresPerIp, ADMIN_AUTH_WINDOW_SECONDS, ADMIN_AUTH_WINDOW_SECONDS);
  }

  /** The principal of the request's key; throws Unauthenticated (401) or TooManyRequests (429). */
  async authenticate(req: Request): Promise<AdminPrincipal> {
    const ip = req.ip ?? '';
    const blocked = await this.failures.get(ip);
    if (blocked && blocked.consumedPoints > this.failures.points) throw new TooManyRequests(secondsOf(blocked));

    const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new Unauthenticated();
    const digest = sha256(match[1]);
    const principal = timingSafeEqual(digest, this.root) ? ROOT_PRINCIPAL : await this.keys.findByDigest(digest);
    if (principal) return principal;

    const locked = await this.failures.consume(ip).then(
      () => undefined,
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return rejection;
        throw rejection;
      },
    );
    // The attempt that spends the budget is audited (it is the moment of lockout); later ones are not.
    if (!locked || locked.consumedPoints === this.failures.points + 1) await this.note(req, ip, locked);
    if (locked) throw new TooManyRequests(secondsOf(locked));
    throw new Unauthenticated();
  }

  private async note(req: Request, ip: string, locked: RateLimiterRes | undefined): Promise<void> {
    const actor: Actor = { type: 'admin_key', id: 'unknown', name: null, requestId: String((req as { id?: unknown }).id), ip };
    const after = { method: req.method, path: req.path, ...(locked ? { retry_after_seconds: secondsOf(locked) } : {}) };
    await this.audit
      .note(actor, { action: 'admin_auth.failed', issuerId: null, resourceType: 'admin_key', resourceId: 'unknown', after })
      // The answer is a 401 (or 429) whatever happens to the audit write.
      .catch((error: unknown) => this.logger.error({ err: loggableError(error) }, 'audit event not written'));
  }
}

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
