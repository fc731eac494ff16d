import type { Configuration } from 'oidc-provider';
import { accountClaims } from '../../accounts/account-claims.js';
import type { Account } from '../../accounts/account.entity.js';

/**
 * Resolves a `sub` to the user's claims; oidc-provider releases only those the granted
 * scopes and `claims` parameter allow. A deleted user resolves to nothing, which ends
 * their sessions' usefulness at once.
 */
export function findAccountWith(lookup: (accountId: string) => Promise<Account | null>): NonNullable<Configuration['findAccount']> {
  return async (_ctx, accountId) => {
    const account = await lookup(accountId);
    if (!account) return undefined;
    return { accountId, claims: async () => accountClaims(account) as { sub: string } };
  };
}
