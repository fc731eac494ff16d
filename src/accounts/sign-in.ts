import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Actor } from '../audit/actor.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Account } from './account.entity.js';
import { AccountsRepository } from './accounts.repository.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';

export type SignInResult = { ok: true; account: Account } | { ok: false; reason: 'invalid' | 'locked'; retryAfterSeconds?: number };

/**
 * Checks a username and password. An unknown username costs the same argon2 work as a wrong
 * password and gets the same answer, so neither timing nor wording tells which it was.
 */
@Injectable()
export class SignIn {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
  ) {}

  async attempt(issuerId: string, username: string, password: string, ip: string): Promise<SignInResult> {
    const actor: Actor = { type: 'end_user', id: username, name: username, ip };
    const { retryAfterSeconds, lockedNow } = await this.throttle.take(issuerId, username, ip);
    if (retryAfterSeconds > 0) {
      if (lockedNow) await this.audit.note(actor, { action: 'login.locked_out', issuerId, resourceType: 'user', resourceId: username, after: { retry_after_seconds: retryAfterSeconds } });
      return { ok: false, reason: 'locked', retryAfterSeconds };
    }
    const account = await this.accounts.findForLogin(issuerId, username);
    if (!(await this.hasher.verify(account?.passwordHash ?? undefined, password)) || !account) {
      await this.audit.note(actor, { action: 'login.failed', issuerId, resourceType: 'user', resourceId: account?.userId ?? username });
      return { ok: false, reason: 'invalid' };
    }
    await this.throttle.succeeded(issuerId, username, ip);
    return { ok: true, account };
  }

  find(issuerId: string, userId: string): Promise<Account | null> {
    return isUUID(userId) ? this.accounts.find(issuerId, userId) : Promise.resolve(null);
  }
}
