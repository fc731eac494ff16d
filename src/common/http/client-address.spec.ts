import { describe, expect, it } from 'vitest';
import { rateLimitKey } from './client-address.js';

describe(rateLimitKey.name, () => {
  it('keeps an IPv4 address as it is', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4, whichever way it is written', () => {
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one client', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:dead:beef:0:1', 'fe80::1', 'fe80::2%eth0'].map(rateLimitKey);
    expect(keys).toEqual(['2001:db8:1:2::/64', '2001:db8:1:2::/64', '2001:db8:1:2::/64', 'fe80::/64', 'fe80::/64']);
  });

  it('keeps different /64s apart', () => {
    expect(rateLimitKey('2001:db8:1:2::1')).not.toBe(rateLimitKey('2001:db8:1:3::1'));
    expect(rateLimitKey('::1')).toBe('::/64');
  });

  it('returns anything that is not an address unchanged', () => {
    expect(rateLimitKey('')).toBe('');
  });
});
