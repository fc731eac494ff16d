import type { Configuration, FindAccount, KoaContextWithOIDC } from 'oidc-provider';
import { accountClaims } from '../sign-in/account-claims.js';
import type { User } from '../../stores/users/user.js';
import { predatesCredentials } from '../sign-in/credentials-epoch.js';

type Token = Parameters<FindAccount>[2];

/**
 * When the user last proved who they are for what is asking, in epoch seconds:
 * - a token or code: the sign-in it descends from (`authTime`, which codes, refresh tokens and
 *   device codes carry and rotation keeps), else the start of its refresh chain (`iiat`), else
 *   its own issue time (`iat`, access tokens);
 * - otherwise the browser session's sign-in (`loginTs`).
 */
function provenAt(ctx: KoaContextWithOIDC, token: Token): number | undefined {
  if (token) {
    const { authTime, iiat, iat } = token as { authTime?: number; iiat?: number; iat?: number };
    return authTime ?? iiat ?? iat;
  }
  return ctx.oidc.session?.loginTs;
}

/**
 * Resolves a `sub` to the user's claims; oidc-provider releases only those the granted
 * scopes and `claims` parameter allow. A deleted user resolves to nothing, which ends
 * their sessions' usefulness at once. So does a session or token from before the user's
 * last password change (see accounts/credentials-epoch.ts): the change deletes them, but a
 * request in flight at that moment saves its session, grant or token back afterwards. A token
 * then fails as `invalid_grant`/`invalid_token`; a session as not signed in (see
 * hooks/interaction-policy.ts). The account is read on every call, never cached, so the epoch
 * is always the current one.
 */
export function findAccountWith(lookup: (accountId: string) => Promise<User | null>): NonNullable<Configuration['findAccount']> {
  return async (ctx, accountId, token) => {
    const account = await lookup(accountId);
    if (!account || predatesCredentials(account, provenAt(ctx, token))) return undefined;
    return { accountId, claims: async () => accountClaims(account) as { sub: string } };
  };
}
