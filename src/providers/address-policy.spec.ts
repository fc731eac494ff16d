import { describe, expect, it } from 'vitest';
import { isAddressAllowed, schemeProblem } from './address-policy.js';
import { metadataLocations } from './discovery-urls.js';

describe(isAddressAllowed.name, () => {
  it.each(['93.184.216.34', '2606:4700::1111'])('admits the public address %s', (address) => {
    expect(isAddressAllowed(address, false)).toBe(true);
  });

  it.each([
    '127.0.0.1', '::1', '10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', 'fe80::1', 'fc00::1', '100.64.0.1',
    '0.0.0.0', '::', '224.0.0.1', 'ff02::1', '255.255.255.255',
    // Mapped and embedding forms of private IPv4 addresses.
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isAddressAllowed(address, false)).toBe(false);
  });

  it('admits loopback, private and link-local only when private addresses are allowed, never unspecified or multicast', () => {
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '169.254.169.254', '::ffff:127.0.0.1']) expect(isAddressAllowed(address, true)).toBe(true);
    for (const address of ['0.0.0.0', '::', '224.0.0.1']) expect(isAddressAllowed(address, true)).toBe(false);
  });
});

describe(schemeProblem.name, () => {
  it('takes https always, http only towards loopback with private addresses allowed', () => {
    expect(schemeProblem(new URL('https://idp.example.com/'), false)).toBeNull();
    expect(schemeProblem(new URL('http://localhost:3000/'), true)).toBeNull();
    expect(schemeProblem(new URL('http://[::1]:3000/'), true)).toBeNull();
    expect(schemeProblem(new URL('http://localhost:3000/'), false)).toBe('must use https');
    expect(schemeProblem(new URL('http://idp.example.com/'), true)).toBe('must use https');
    expect(schemeProblem(new URL('ftp://idp.example.com/'), true)).toBe('uses ftp, not https');
  });
});

describe(metadataLocations.name, () => {
  it('appends the OIDC suffix and inserts the RFC 8414 one before the path', () => {
    expect(metadataLocations('https://h.example/tenants/acme/')).toEqual([
      'https://h.example/tenants/acme/.well-known/openid-configuration',
      'https://h.example/.well-known/oauth-authorization-server/tenants/acme',
    ]);
    expect(metadataLocations('https://h.example/')).toEqual([
      'https://h.example/.well-known/openid-configuration',
      'https://h.example/.well-known/oauth-authorization-server',
    ]);
  });
});
