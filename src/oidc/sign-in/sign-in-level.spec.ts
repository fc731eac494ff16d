import { describe, expect, it } from 'vitest';
import { MFA_ACR, PASSWORD_ACR, PHISHING_RESISTANT_ACR } from '../../common/protocol.js';
import { SIGN_IN_POLICY_DEFAULTS } from '../../stores/tenants/sign-in-policy.js';
import { acrOf, levelOf, requirementOf, withMethods } from './sign-in-level.js';

const policy = SIGN_IN_POLICY_DEFAULTS;

describe('sign-in levels', () => {
  it('adds mfa only once two kinds of factor are in, and reaches phr only with a WebAuthn credential', () => {
    expect(withMethods([], 'pwd')).toEqual(['pwd']);
    expect(acrOf(withMethods([], 'pwd'))).toBe(PASSWORD_ACR);
    expect(withMethods(['pwd'], 'otp')).toEqual(['pwd', 'otp', 'mfa']);
    expect(acrOf(withMethods(['pwd'], 'otp'))).toBe(MFA_ACR);
    // Two codes are one kind of factor: possession, twice.
    expect(levelOf(withMethods([], 'otp', 'otp'))).toBe(0);
    // A passkey that verified its user is two factors, and phishing-resistant.
    expect(acrOf(withMethods([], 'hwk', 'user'))).toBe(PHISHING_RESISTANT_ACR);
    expect(acrOf(withMethods([], 'swk'))).toBe(PASSWORD_ACR);
    expect(acrOf(withMethods(['pwd'], 'swk'))).toBe(PHISHING_RESISTANT_ACR);
    // A step-up keeps the methods before it, and mfa is never listed twice.
    expect(withMethods(['pwd', 'otp', 'mfa'], 'hwk')).toEqual(['pwd', 'otp', 'hwk', 'mfa']);
    expect(levelOf(undefined)).toBe(0);
    expect(levelOf(['mfa'])).toBe(1);
  });

  const none = { level: 0, must: 0, graceable: false };

  it('takes the lowest offered acr_values level as voluntary, and ignores values it does not offer', () => {
    expect(requirementOf({ acr_values: `${PHISHING_RESISTANT_ACR} ${MFA_ACR}` }, undefined, policy)).toEqual({ level: 1, must: 0, graceable: false });
    expect(requirementOf({ acr_values: 'gold silver' }, undefined, policy)).toEqual(none);
    expect(requirementOf({}, undefined, policy)).toEqual(none);
  });

  it('makes an essential acr claim, the client minimum and an always-two-factors tenant musts', () => {
    const essential = JSON.stringify({ id_token: { acr: { essential: true, values: [PHISHING_RESISTANT_ACR] } } });
    expect(requirementOf({ claims: essential }, undefined, policy)).toEqual({ level: 2, must: 2, graceable: false });
    const single = JSON.stringify({ id_token: { acr: { essential: true, value: MFA_ACR } } });
    expect(requirementOf({ claims: single }, undefined, policy)).toEqual({ level: 1, must: 1, graceable: false });
    // Not essential: voluntary, and not read from claims at all.
    expect(requirementOf({ claims: JSON.stringify({ id_token: { acr: { values: [MFA_ACR] } } }) }, undefined, policy)).toEqual(none);
    expect(requirementOf({ claims: '{not json' }, undefined, policy)).toEqual(none);
    expect(requirementOf({}, PHISHING_RESISTANT_ACR, policy)).toEqual({ level: 2, must: 2, graceable: false });
    // The tenant's own must may wait out its grace period; a client's may not.
    expect(requirementOf({}, undefined, { ...policy, secondFactor: 'always' })).toEqual({ level: 1, must: 1, graceable: true });
    expect(requirementOf({}, MFA_ACR, { ...policy, secondFactor: 'always' })).toEqual({ level: 1, must: 1, graceable: false });
    // A voluntary ask above the musts raises the level, not the must.
    expect(requirementOf({ acr_values: PHISHING_RESISTANT_ACR }, MFA_ACR, policy)).toEqual({ level: 2, must: 1, graceable: false });
    expect(requirementOf({ acr_values: PASSWORD_ACR }, MFA_ACR, policy)).toEqual({ level: 1, must: 1, graceable: false });
  });
});
