import { Injectable } from '@nestjs/common';
import { AccountSignOut } from '../accounts/account-sign-out.js';
import type { Queryable } from '../stores/audit-events/audit-trail.js';
import { OidcPayloadsRepository } from '../stores/oidc-payloads/oidc-payloads.store.js';

/**
 * Deleting the account's rows is the whole sign-out: providers keep no session or token state
 * in memory, and every token oidc-provider accepts needs its grant row, so nothing else needs telling.
 */
@Injectable()
export class PayloadAccountSignOut extends AccountSignOut {
  constructor(private readonly payloads: OidcPayloadsRepository) {
    super();
  }

  signOut(db: Queryable, issuerId: string, userId: string): Promise<Record<string, number>> {
    return this.payloads.revokeAccount(issuerId, userId, db);
  }
}
