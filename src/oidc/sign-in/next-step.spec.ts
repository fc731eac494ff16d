import { describe, expect, it } from 'vitest';
import { nextStep, type Situation } from './next-step.js';

const nothing = { webauthn: false, totp: false, recovery: false };
const base: Situation = {
  reached: 0,
  requirement: { level: 0, must: 0, graceable: false },
  held: nothing,
  enrollable: ['passkey', 'security_key', 'totp'],
  askHolders: true,
  enrollmentDemanded: false,
  withinGrace: false,
  skipped: false,
};
const at = (changes: Partial<Situation>) => nextStep({ ...base, ...changes });

describe('the step after a first factor', () => {
  it('finishes a password sign-in nothing more is asked of, and asks a holder of a second factor for it (when_enrolled)', () => {
    expect(at({})).toEqual({ step: 'finish' });
    expect(at({ held: { ...nothing, totp: true } })).toEqual({ step: 'verify', level: 1 });
    expect(at({ held: { ...nothing, totp: true }, askHolders: false })).toEqual({ step: 'finish' });
    // Recovery codes alone are a fallback, not a reason to ask.
    expect(at({ held: { ...nothing, recovery: true } })).toEqual({ step: 'finish' });
    expect(at({ held: { ...nothing, totp: true }, reached: 1 })).toEqual({ step: 'finish' });
  });

  it('asks for a passkey or security key at phr, and has a user without one enroll one (no app)', () => {
    const phr = { level: 2, must: 2, graceable: false };
    expect(at({ requirement: phr, held: { ...nothing, webauthn: true } })).toEqual({ step: 'verify', level: 2 });
    expect(at({ requirement: phr, held: { ...nothing, totp: true } })).toEqual({
      step: 'enroll',
      level: 2,
      kinds: ['passkey', 'security_key'],
      skippable: false,
      why: 'sign_in',
    });
    expect(at({ requirement: phr, enrollable: ['totp'] })).toEqual({ step: 'fail' });
  });

  it('lets a voluntary ask be put off, but never what the request must have', () => {
    const voluntary = { level: 1, must: 0, graceable: false };
    expect(at({ requirement: voluntary })).toEqual({ step: 'enroll', level: 1, kinds: ['passkey', 'security_key', 'totp'], skippable: true, why: 'sign_in' });
    expect(at({ requirement: voluntary, skipped: true })).toEqual({ step: 'finish' });
    expect(at({ requirement: voluntary, enrollable: [] })).toEqual({ step: 'finish' });
    const must = { level: 1, must: 1, graceable: false };
    expect(at({ requirement: must })).toMatchObject({ step: 'enroll', skippable: false, why: 'sign_in' });
    // "Not now" posted anyway: the must stands.
    expect(at({ requirement: must, skipped: true })).toMatchObject({ step: 'enroll', level: 1, skippable: false, why: 'sign_in' });
    expect(at({ requirement: must, enrollable: [] })).toEqual({ step: 'fail' });
  });

  it('gives up a voluntary phr the user cannot have for the must the user can meet with what they hold', () => {
    const requirement = { level: 2, must: 1, graceable: false };
    const held = { ...nothing, totp: true };
    // Offered a passkey first, which may wait: the app still meets the must.
    expect(at({ requirement, held })).toEqual({ step: 'enroll', level: 2, kinds: ['passkey', 'security_key'], skippable: true, why: 'sign_in' });
    expect(at({ requirement, held, skipped: true })).toEqual({ step: 'verify', level: 1 });
    expect(at({ requirement, held, enrollable: ['totp'] })).toEqual({ step: 'verify', level: 1 });
  });

  it("lets a tenant's own always and required enrollment wait out the grace period, and no longer", () => {
    const always = { level: 1, must: 1, graceable: true };
    expect(at({ requirement: always, withinGrace: true })).toMatchObject({ step: 'enroll', skippable: true, why: 'sign_in' });
    expect(at({ requirement: always, withinGrace: true, skipped: true })).toEqual({ step: 'finish' });
    expect(at({ requirement: always, withinGrace: false })).toMatchObject({ step: 'enroll', skippable: false, why: 'sign_in' });
    expect(at({ enrollmentDemanded: true, withinGrace: true })).toEqual({
      step: 'enroll',
      level: 1,
      kinds: ['passkey', 'security_key', 'totp'],
      skippable: true,
      why: 'policy',
    });
    expect(at({ enrollmentDemanded: true, withinGrace: true, skipped: true })).toEqual({ step: 'finish' });
    expect(at({ enrollmentDemanded: true })).toMatchObject({ step: 'enroll', skippable: false, why: 'policy' });
    // Required enrollment asks only those without a second factor.
    expect(at({ enrollmentDemanded: true, held: { ...nothing, webauthn: true }, reached: 2 })).toEqual({ step: 'finish' });
  });
});
