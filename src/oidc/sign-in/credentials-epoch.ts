import type { User } from '../../stores/users/user.js';

/**
 * Whether a sign-in or token of the user proven at `provenAt` (epoch seconds, oidc-provider's
 * unit) predates the user's last password change, and so must not be honoured: the change
 * revokes what exists, and this refuses what a request in flight writes back afterwards.
 *
 * Compared in whole seconds: the epoch is cut down to its second, so a sign-in in the same
 * second right after the change still works (oidc-provider stamps times in whole seconds);
 * the price is that something proven earlier within that same second also passes.
 * With no time to compare, a user whose password has changed is refused.
 */
export function predatesCredentials(account: User, provenAt: number | undefined): boolean {
  if (!account.credentialsChangedAt) return false;
  if (provenAt === undefined) return true;
  return provenAt < Math.floor(account.credentialsChangedAt.getTime() / 1000);
}
