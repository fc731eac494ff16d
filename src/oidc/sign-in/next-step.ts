import type { Requirement } from './sign-in-level.js';

/** The `phr` level: only a WebAuthn credential reaches it. */
export const PHISHING_RESISTANT = 2;

/** What a user holds (and the tenant accepts) that can follow a first factor. */
export interface Held {
  webauthn: boolean;
  totp: boolean;
  recovery: boolean;
}

/** The factor forms a `verify` step at `level` offers: all the user holds, or at `phr` only passkeys and security keys. */
export const offeredAt = (held: Held, level: number): Held => (level >= PHISHING_RESISTANT ? { webauthn: held.webauthn, totp: false, recovery: false } : held);

/** Where a sign-in is, as `nextStep` weighs it. */
export interface Situation {
  /** The level the factors presented so far reach. */
  reached: number;
  requirement: Requirement;
  held: Held;
  /** Kinds the tenant lets users enroll. */
  enrollable: ReadonlyArray<'passkey' | 'security_key' | 'totp'>;
  /** The tenant asks for a second factor of whoever holds one (`when_enrolled`). */
  askHolders: boolean;
  /** The tenant makes users without a second factor enroll one. */
  enrollmentDemanded: boolean;
  /** Its enrollment grace period still runs. */
  withinGrace: boolean;
  /** The user chose "Not now" on the enrollment page. */
  skipped: boolean;
}

export type NextStep =
  | { step: 'finish' }
  | { step: 'fail' }
  | { step: 'verify'; level: number }
  | {
      step: 'enroll';
      level: number;
      kinds: ReadonlyArray<'passkey' | 'security_key' | 'totp'>;
      skippable: boolean;
      /** `sign_in`: this sign-in needs the factor; `policy`: the tenant wants everyone to hold one; `prompt`: the relying party sent the user to add one (`prompt=enroll`). */
      why: 'sign_in' | 'policy' | 'prompt';
    };

/**
 * The step after the factors presented so far: finish; ask for a factor the user holds that
 * reaches the level sought (`verify`); have them enroll one (`enroll`, which may be put off when
 * what the request must have can still be met without it); or fail
 * (`unmet_authentication_requirements`) when the request's must can be met neither way.
 *
 * The level sought is what the request asks (and, from a holder of a second factor at a
 * `when_enrolled` tenant, two factors). A voluntary part that can be neither presented nor
 * enrolled is given up; what the request must have is not, except that a tenant's own
 * `always` waits out its grace period.
 */
export function nextStep(s: Situation): NextStep {
  const { reached, requirement, held } = s;
  const holdsSecond = held.webauthn || held.totp;
  const can = (level: number) => (level >= PHISHING_RESISTANT ? held.webauthn : level >= 1 ? holdsSecond || held.recovery : true);
  const kindsFor = (level: number) => (level >= PHISHING_RESISTANT ? s.enrollable.filter((kind) => kind !== 'totp') : s.enrollable);
  const floor = requirement.graceable && s.withinGrace ? 0 : requirement.must;
  const want = Math.max(requirement.level, s.askHolders && holdsSecond ? 1 : 0);

  if (reached >= want) {
    const nag = reached === 0 && !holdsSecond && s.enrollmentDemanded && !s.skipped && kindsFor(1).length > 0;
    return nag ? { step: 'enroll', level: 1, kinds: kindsFor(1), skippable: s.withinGrace, why: 'policy' } : { step: 'finish' };
  }
  if (can(want)) return { step: 'verify', level: want };
  if (kindsFor(want).length > 0 && !s.skipped)
    return { step: 'enroll', level: want, kinds: kindsFor(want), skippable: reached >= floor || can(floor), why: 'sign_in' };
  if (reached >= floor) return { step: 'finish' };
  if (can(floor)) return { step: 'verify', level: floor };
  if (kindsFor(floor).length > 0) return { step: 'enroll', level: floor, kinds: kindsFor(floor), skippable: false, why: 'sign_in' };
  return { step: 'fail' };
}
