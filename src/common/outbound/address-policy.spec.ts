import { describe, expect, it } from 'vitest';
import { isAddressAllowed, schemeProblem } from './address-policy.js';
import { metadataLocations } from '../../provider-check/discovery-urls.js';

describe(isAddressAllowed.name, () => {
  it.each(['93.184.216.34', '2606:4700::1111'])('admits the public address %s', (address) => {
    expect(isAddressAllowed(address, false)).toBe(true);
  });

  it.each([
    '127.0.0.1',
    '::1',
    '10.0.0.1',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    'fe80::1',
    'fc00::1',
    '100.64.0.1',
    '0.0.0.0',
    '::',
    '224.0.0.1',
    'ff02::1',
    '255.255.255.255',
    // Mapped and embedding forms of private IPv4 addresses.
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isAddressAllowed(address, false)).toBe(false);
  });

  it.each([
    // IPv4-compatible, as new URL() writes `[::127.0.0.1]` and as DNS answers it.
    '::7f00:1',
    '::a9fe:a9fe',
    '::5db8:d822',
    // IPv4-translated (SIIT).
    '::ffff:0:7f00:1',
    '::ffff:0:5db8:d822',
    // NAT64, well-known and local-use prefixes.
    '64:ff9b::a00:1',
    '64:ff9b::5db8:d822',
    '64:ff9b:1::a00:1',
    // 6to4 and Teredo, embedding a private and a public IPv4 address.
    '2002:a00:1::1',
    '2002:5db8:d822::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001::1',
    // ISATAP interface identifiers under a public prefix.
    '2606:4700:1::5efe:7f00:1',
    '2606:4700:1:0:200:5efe:a00:1',
  ])('refuses the IPv4-embedding form %s, with private addresses allowed or not', (address) => {
    expect(isAddressAllowed(address, false)).toBe(false);
    expect(isAddressAllowed(address, true)).toBe(false);
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
