import { describe, expect, it } from 'vitest';
import { ISSUER_ID_PATTERN, RESERVED_ISSUER_IDS } from './issuer-id.js';

describe('issuer_id rules', () => {
  it.each(['ab', 'acme', 'a-b', '0a', 'a'.repeat(63), 'acme-prod-2'])('accepts %j', (id) => {
    expect(ISSUER_ID_PATTERN.test(id)).toBe(true);
  });

  it.each(['a', '', 'a'.repeat(64), '-ab', 'ab-', 'AB', 'a_b', 'a.b', 'a b', 'ä-b', '.well-known'])('refuses %j', (id) => {
    expect(ISSUER_ID_PATTERN.test(id)).toBe(false);
  });

  it('reserves the top-level routes of the contract', () => {
    expect(RESERVED_ISSUER_IDS).toEqual(expect.arrayContaining(['v1', 'docs', 'healthz', 'readyz', 'metrics', 'openapi', 'assets']));
  });

  it('lists only names the pattern would otherwise accept', () => {
    for (const name of RESERVED_ISSUER_IDS) expect(ISSUER_ID_PATTERN.test(name)).toBe(true);
  });
});
