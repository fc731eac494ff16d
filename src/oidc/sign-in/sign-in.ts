import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { Metrics } from '../../common/metrics/metrics.js';
import type { Actor } from '../../stores/audit-events/actor.js';
import { AuditTrail } from '../../stores/audit-events/audit-trail.store.js';
import type { User } from '../../stores/users/user.js';
import { UsersStore } from '../../stores/users/users.store.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { isUsername, USERNAME_MAX_LENGTH } from '../../stores/users/username.js';

export type SignInResult = { ok: true; user: User; firstAttempt: boolean } | SignInRefusal;
export type SignInRefusal = { ok: false; reason: 'invalid' | 'locked'; retryAfterSeconds?: number };

/**
 * Checks a username and password. An unknown username costs the same argon2 work as a wrong
 * password and gets the same answer, so neither timing nor wording tells which it was.
 *
 * A correct password does not clear the user's failures: `completed` does, once every factor
 * the sign-in needs is in. Otherwise someone holding the password could guess second factors
 * forever, each correct password wiping the count of wrong codes before it.
 */
@Injectable()
export class SignIn {
  constructor(
    private readonly users: UsersStore,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
    private readonly metrics: Metrics,
  ) {}

  async attempt(issuerId: string, username: string, password: string, ip: string): Promise<SignInResult> {
    // A name no user can have (too long, or outside the admin API's alphabet) is a failed
    // sign-in like any other, but is never looked up and gets no budget of its own; logged cut short.
    const wellFormed = isUsername(username);
    const name = wellFormed ? username : `${username.slice(0, USERNAME_MAX_LENGTH)}…`;
    const actor: Actor = { type: 'end_user', id: name, name, ip };
    const { retryAfterSeconds, lockedNow, firstAttempt } = await this.throttle.take(issuerId, wellFormed ? username : undefined, ip);
    if (retryAfterSeconds > 0) return this.locked(actor, issuerId, name, retryAfterSeconds, lockedNow);
    const user = wellFormed ? await this.users.findForLogin(issuerId, username) : null;
    // A malformed name is refused without the hashing work: its shape says nothing about anyone.
    if (!wellFormed || !(await this.hasher.verify(user?.passwordHash ?? undefined, password)) || !user) {
      this.metrics.signIn('invalid');
      if (wellFormed) await this.throttle.failed(issuerId, username);
      await this.audit.record(actor, { action: 'login.failed', issuerId, resourceType: 'user', resourceId: user?.userId ?? name });
      return { ok: false, reason: 'invalid' };
    }
    await this.throttle.passed(issuerId, username, ip);
    return { ok: true, user, firstAttempt: firstAttempt ?? false };
  }

  /** The whole sign-in succeeded: the failures it counted are cleared (see LoginThrottle.succeeded). */
  async completed(issuerId: string, username: string, firstAttempt: boolean): Promise<void> {
    this.metrics.signIn('success');
    await this.throttle.succeeded(issuerId, username, { firstAttempt });
  }

  /**
   * Checks one more factor of `user` (`check`, true when it holds) under the same throttle as
   * passwords: it takes a point of the IP's and the user's budgets, a wrong one counts as a
   * failed sign-in (audited, `login.failed` with the factor), and past the limit the user is locked out.
   */
  async factor(issuerId: string, user: User, factor: string, ip: string, check: () => Promise<boolean>): Promise<SignInRefusal | undefined> {
    const actor: Actor = { type: 'end_user', id: user.userId, name: user.username, ip };
    const { retryAfterSeconds, lockedNow } = await this.throttle.take(issuerId, user.username, ip);
    if (retryAfterSeconds > 0) return this.locked(actor, issuerId, user.userId, retryAfterSeconds, lockedNow, { factor });
    if (await check()) {
      await this.throttle.passed(issuerId, user.username, ip);
      return undefined;
    }
    this.metrics.signIn('invalid');
    await this.throttle.failed(issuerId, user.username);
    await this.audit.record(actor, { action: 'login.failed', issuerId, resourceType: 'user', resourceId: user.userId, after: { factor } });
    return { ok: false, reason: 'invalid' };
  }

  /** A refusal of a locked-out user or address; the attempt that locked it is audited. */
  private async locked(
    actor: Actor,
    issuerId: string,
    resourceId: string,
    retryAfterSeconds: number,
    lockedNow: boolean,
    extra: Record<string, string> = {},
  ): Promise<SignInRefusal> {
    this.metrics.signIn('locked');
    if (lockedNow)
      await this.audit.record(actor, {
        action: 'login.locked_out',
        issuerId,
        resourceType: 'user',
        resourceId,
        after: { retry_after_seconds: retryAfterSeconds, ...extra },
      });
    return { ok: false, reason: 'locked', retryAfterSeconds };
  }

  find(issuerId: string, userId: string): Promise<User | null> {
    return isUUID(userId) ? this.users.find(issuerId, userId) : Promise.resolve(null);
  }
}
