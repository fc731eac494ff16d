import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAIM_MAPPING } from '../../stores/connections/connection.js';
import { emailDomain, mapClaims } from './claim-mapping.js';

describe('mapClaims', () => {
  it('maps the standard claims to themselves by default, and leaves the rest', () => {
    const mapped = mapClaims({ sub: 's1', email: 'ada@acme.test', email_verified: true, name: 'Ada', groups: ['x'] }, DEFAULT_CLAIM_MAPPING);
    expect(mapped).toEqual({ email: 'ada@acme.test', claims: { email_verified: true, name: 'Ada' } });
  });

  it('follows a mapping of other claim names', () => {
    expect(mapClaims({ mail: 'ada@acme.test', displayName: 'Ada L.' }, { mail: 'email', displayName: 'name' })).toEqual({
      email: 'ada@acme.test',
      claims: { name: 'Ada L.' },
    });
  });

  it('drops values of the wrong type, too long, with control characters, and emails that are not', () => {
    const mapped = mapClaims(
      { email: 'not an email', email_verified: 'true', name: 'A\u0000da', given_name: 'x'.repeat(513), family_name: 42, nickname: 'ok' },
      DEFAULT_CLAIM_MAPPING,
    );
    expect(mapped).toEqual({ email: null, claims: { nickname: 'ok' } });
  });
});

describe('emailDomain', () => {
  it('is the lower-cased domain of an email, or undefined', () => {
    expect(emailDomain('Ada@ACME.test')).toBe('acme.test');
    expect(emailDomain('ada')).toBeUndefined();
    expect(emailDomain('@acme.test')).toBeUndefined();
    expect(emailDomain('ada@')).toBeUndefined();
    expect(emailDomain('ada@acme.test\u0000')).toBeUndefined();
  });
});
