import { interactionPolicy } from 'oidc-provider';

const { base, Check } = interactionPolicy;

/**
 * oidc-provider's default prompts (login, then consent), with one more reason to sign in: the
 * session names an account that findAccount does not resolve (deleted, or the session predates
 * the user's last password change: see hooks/find-account.ts). The default login checks look
 * only at the session's `accountId`, so such a session would otherwise pass as signed in with
 * no account behind it. With `prompt=none` the client gets `login_required`; otherwise the
 * sign-in page, and signing in again replaces the session's sign-in.
 */
export function interactionPolicyWithAccountCheck(): interactionPolicy.Prompt[] {
  const policy = base();
  policy
    .get('login')!
    .checks.add(
      new Check('account_not_resolved', 'End-User authentication is required', 'login_required', (ctx) =>
        ctx.oidc.session?.accountId !== undefined && ctx.oidc.account === undefined ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT,
      ),
    );
  return policy;
}
