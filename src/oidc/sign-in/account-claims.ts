import type { User } from '../../stores/users/user.js';

/**
 * The claims oidc-provider may release for a user: all of them, keyed by name; the provider
 * filters them by the scopes and `claims` request granted (see oidc/provider-options.ts CLAIMS).
 */
export function accountClaims(account: User): Record<string, unknown> {
  return {
    sub: account.userId,
    preferred_username: account.username,
    ...(account.email ? { email: account.email } : {}),
    ...account.claims,
    updated_at: Math.floor(account.updatedAt.getTime() / 1000),
  };
}
