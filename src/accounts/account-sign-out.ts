import type { Queryable } from '../stores/audit-events/audit-trail.js';

/**
 * Ends whatever an account is signed in with: its sessions, grants and every token and code
 * issued under them. Implemented by the OIDC module (it owns the protocol store); declared
 * here so this module does not depend on it.
 */
export abstract class AccountSignOut {
  /** Runs on `db`, the caller's transaction; returns how many items of each kind went (`Session`, `AccessToken`…). */
  abstract signOut(db: Queryable, issuerId: string, userId: string): Promise<Record<string, number>>;
}
