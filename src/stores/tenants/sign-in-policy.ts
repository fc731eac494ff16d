/** Ways a person may prove who they are at a tenant. `password` and `passkey` can come first; the rest come second. */
export const SIGN_IN_FACTORS = ['password', 'passkey', 'totp', 'security_key', 'recovery_code'] as const;
export type SignInFactor = (typeof SIGN_IN_FACTORS)[number];

/** Factors that can follow a password: a user holding one is a user with a second factor. */
export const SECOND_FACTORS: readonly SignInFactor[] = ['passkey', 'totp', 'security_key'];

/**
 * When a sign-in needs a second factor (beyond what the relying party asks for with `acr_values`
 * or the `claims` parameter, and the client's `minimum_acr`):
 * - `when_enrolled`: of every user who enrolled one (as Keycloak's conditional OTP);
 * - `always`: of everyone, and whoever has none enrolls one first;
 * - `when_asked`: only when the relying party or the client asks.
 */
export const SECOND_FACTOR_RULES = ['when_enrolled', 'always', 'when_asked'] as const;
export type SecondFactorRule = (typeof SECOND_FACTOR_RULES)[number];

/** A tenant's sign-in policy: a row's `sign_in_policy`. */
export interface SignInPolicy {
  /** Factors offered and accepted; an enrolled factor the policy leaves out is neither. */
  factors: SignInFactor[];
  secondFactor: SecondFactorRule;
  /** Whether users without a second factor must enroll one at their next sign-in. */
  enrollmentRequired: boolean;
  /** Days, from `enrollmentRequiredSince`, during which that enrollment may be put off. */
  enrollmentGraceDays: number;
  /** When enrollment (or `secondFactor: always`) became required: the grace period's start. Set by the tenant service. */
  enrollmentRequiredSince: string | null;
  /**
   * Whether a first sign-in through a connection may join the existing user whose email the
   * upstream asserts as verified (else it makes a new user or is refused).
   */
  linkVerifiedEmail: boolean;
}

/** What a tenant created before sign-in policies (or naming none) has. */
export const SIGN_IN_POLICY_DEFAULTS: SignInPolicy = {
  factors: [...SIGN_IN_FACTORS],
  secondFactor: 'when_enrolled',
  enrollmentRequired: false,
  enrollmentGraceDays: 0,
  enrollmentRequiredSince: null,
  linkVerifiedEmail: false,
};

/** A stored policy (possibly `{}`, or from an older release) with the defaults filled in. */
export const signInPolicyOf = (stored: unknown): SignInPolicy => ({ ...SIGN_IN_POLICY_DEFAULTS, ...(stored as Partial<SignInPolicy> | null) });

/** Whether the policy makes users without a second factor enroll one (after the grace period, if any). */
export const enrollmentDemanded = (policy: SignInPolicy): boolean => policy.enrollmentRequired || policy.secondFactor === 'always';

/** Whether enrolling can still be put off at `now`. */
export function withinGrace(policy: SignInPolicy, now = Date.now()): boolean {
  if (!policy.enrollmentRequiredSince) return policy.enrollmentGraceDays > 0;
  return now < Date.parse(policy.enrollmentRequiredSince) + policy.enrollmentGraceDays * 86_400_000;
}
