import { interactionPolicy } from 'oidc-provider';
import type { SignInPolicy } from '../../stores/tenants/sign-in-policy.js';
import { levelOfSignIn, mustOf, requirementOf } from '../sign-in/sign-in-level.js';

const { base, Check, Prompt } = interactionPolicy;

/** How recent a sign-in must be to enroll a factor after it (`prompt=enroll`), in seconds: Keycloak's default for its application-initiated actions. */
export const ENROLL_MAX_AUTH_AGE = 300;

/**
 * oidc-provider's default prompts (login, then consent), with two more reasons to sign in:
 *
 * - The session names an account that findAccount does not resolve (deleted, or the session
 *   predates the user's last password change: see hooks/find-account.ts). The default login
 *   checks look only at the session's `accountId`, so such a session would otherwise pass as
 *   signed in with no account behind it.
 * - The session's sign-in is weaker than the request needs (`acr_level`, see sign-in-level.ts):
 *   step-up. It replaces the default `essential_acr(s)` checks, which compare `acr` values for
 *   equality: Portcullis's levels are ordered, and a higher one meets a lower one.
 *
 * With `prompt=none` the client gets `login_required`; otherwise the sign-in page.
 *
 * And one more prompt, `enroll`, which a relying party requests (`prompt=enroll`) to send a
 * signed-in user to add a passkey, a security key or an authenticator app (as Keycloak's
 * application-initiated actions). It asks for a fresh sign-in first when the session's is older
 * than ENROLL_MAX_AUTH_AGE: a borrowed session alone cannot add a factor.
 */
export function interactionPolicyFor(signInPolicy: SignInPolicy): interactionPolicy.Prompt[] {
  const policy = base();
  const { checks } = policy.get('login')!;
  checks.remove('essential_acrs');
  checks.remove('essential_acr');
  checks.add(
    new Check('account_not_resolved', 'End-User authentication is required', 'login_required', (ctx) =>
      ctx.oidc.session?.accountId !== undefined && ctx.oidc.account === undefined ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT,
    ),
  );
  checks.add(
    new Check('acr_level', 'A stronger authentication is required', 'login_required', (ctx) => {
      const { session, params, client, result } = ctx.oidc;
      if (session?.accountId === undefined) return Check.NO_NEED_TO_PROMPT;
      const minimumAcr = client?.['minimum_acr' as keyof typeof client];
      // Just back from this request's sign-in (as oidc-provider's own max_age check): its steps
      // ended it where the user could go, or put enrolling off where the tenant lets it wait;
      // asking again would loop. Only what the relying party or client must have is checked again.
      const level = result?.login ? mustOf(params ?? {}, minimumAcr) : requirementOf(params ?? {}, minimumAcr, signInPolicy).level;
      return levelOfSignIn(session) < level ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
    }),
  );
  checks.add(
    new Check('enroll_reauthentication', 'A recent sign-in is required to add a factor', 'login_required', (ctx) => {
      const { session, prompts } = ctx.oidc;
      if (!prompts.has('enroll') || session?.accountId === undefined) return Check.NO_NEED_TO_PROMPT;
      const authTime = session.authTime();
      return authTime === undefined || Date.now() / 1000 - authTime > ENROLL_MAX_AUTH_AGE ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
    }),
  );
  policy.add(new Prompt({ name: 'enroll', requestable: true }));
  return policy;
}
