import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Actor } from '../../stores/audit-events/actor.js';
import { AuditTrail } from '../../stores/audit-events/audit-trail.store.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { loggableError } from '../../database/database-errors.js';
import { hashToken } from '../../common/crypto/token-hash.js';
import { rateLimitKey } from '../../common/http/client-address.js';
import { RateLimiterStore, secondsUntil } from '../../common/rate-limits/rate-limiter-store.js';
import { TooManyRequests, Unauthenticated } from '../../common/errors/app-error.js';
import { ROOT_PRINCIPAL, type AdminPrincipal } from '../../common/auth/admin-principal.js';
import { AdminKeysStore } from '../../stores/admin-keys/admin-keys.store.js';

/**
 * Window and lockout of failed admin authentications, in seconds: ADMIN_AUTH_MAX_FAILURES_PER_IP
 * wrong keys in this time lock the address out for as long. Long enough that guessing even a
 * weak key takes years; short enough that an operator whose script sent an old key recovers soon.
 */
const ADMIN_AUTH_WINDOW_SECONDS = 900;

/** How close to the end of its window a point is no longer given back, in milliseconds: longer than a key check takes. */
const GIVE_BACK_MARGIN_MS = 5_000;

/**
 * Checks the admin bearer key of a request: the root ADMIN_API_KEY, or a key created through
 * `/v1/admin-keys`. Keys are compared by their SHA-256 (hashToken), the root key in constant time.
 *
 * Each presented key takes a point from its client's budget (the address's rate-limit key:
 * `req.ip`, see TRUST_PROXY, an IPv6 address by its /64) before it is compared, so however many
 * requests one client sends at once, at most ADMIN_AUTH_MAX_FAILURES_PER_IP keys of its are
 * compared per window. A right key gives its point back, and so does a request refused because
 * the budget was spent (its key was never compared): only wrong keys stay counted, and a burst
 * of right keys from one client is at worst answered 429 for the requests beyond the budget
 * while the others are in flight, never locked out. Counted in the rate-limit store, so every
 * replica shares the count. Once wrong keys have spent the budget, the client gets 429 with
 * Retry-After, the right key included, until the window ends. Each wrong key is audited as
 * `admin_auth.failed` with the exact address (never the key presented), the one that spends the
 * budget with `retry_after_seconds`; refused requests are not, so a flood cannot flood the
 * audit log. A request without a key is not a guess and is not counted.
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
    private readonly keys: AdminKeysStore,
    private readonly audit: AuditTrail,
    store: RateLimiterStore,
  ) {
    this.root = Buffer.from(hashToken(config.adminApiKey), 'hex');
    // No block duration: a point given back must free the budget again (see above); the window is the lockout.
    this.failures = store.create('admin-auth', config.adminAuthMaxFailuresPerIp, ADMIN_AUTH_WINDOW_SECONDS);
  }

  /** The principal of the request's key; throws Unauthenticated (401) or TooManyRequests (429). */
  async authenticate(req: Request): Promise<AdminPrincipal> {
    const ip = req.ip ?? '';
    const budget = rateLimitKey(ip);
    const match = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
    if (!match) {
      const spent = await this.failures.get(budget);
      if (spent && spent.consumedPoints >= this.failures.points) throw new TooManyRequests(secondsUntil(spent));
      throw new Unauthenticated();
    }

    const { taken, refused } = await this.failures.consume(budget).then(
      (res) => ({ taken: res, refused: false }),
      (rejection: unknown) => {
        if (rejection instanceof RateLimiterRes) return { taken: rejection, refused: true };
        throw rejection;
      },
    );
    if (refused) {
      // The key is not compared, so it does not count: its point goes back.
      await this.giveBack(budget, taken);
      throw new TooManyRequests(secondsUntil(taken));
    }

    const digest = hashToken(match[1]);
    let principal: AdminPrincipal | null;
    try {
      principal = timingSafeEqual(Buffer.from(digest, 'hex'), this.root) ? ROOT_PRINCIPAL : await this.findKey(digest);
    } catch (error) {
      // Not compared after all (the database failed): a retry during an outage must not spend the budget.
      await this.giveBack(budget, taken).catch(() => undefined);
      throw error;
    }
    if (principal) {
      await this.giveBack(budget, taken);
      return principal;
    }
    await this.note(req, ip, taken.consumedPoints >= this.failures.points ? taken : undefined);
    throw new Unauthenticated();
  }

  /**
   * Returns the point `taken` took. Not in the window's last seconds: a point given back after
   * the window expired would open the next one below zero, one extra guess per point.
   */
  private async giveBack(budget: string, taken: RateLimiterRes): Promise<void> {
    if (taken.msBeforeNext > GIVE_BACK_MARGIN_MS) await this.failures.reward(budget, 1);
  }

  private async note(req: Request, ip: string, locked: RateLimiterRes | undefined): Promise<void> {
    const actor: Actor = { type: 'admin_key', id: 'unknown', name: null, requestId: String((req as { id?: unknown }).id), ip };
    const after = { method: req.method, path: req.path, ...(locked ? { retry_after_seconds: secondsUntil(locked) } : {}) };
    await this.audit
      .record(actor, { action: 'admin_auth.failed', issuerId: null, resourceType: 'admin_key', resourceId: 'unknown', after })
      // The answer is a 401 (or 429) whatever happens to the audit write.
      .catch((error: unknown) => this.logger.error({ err: loggableError(error) }, 'audit event not written'));
  }

  private async findKey(digest: string): Promise<AdminPrincipal | null> {
    const row = await this.keys.findByDigest(digest);
    return row && { id: row.id, name: row.name, issuerId: row.issuer_id };
  }
}
