import { createLocalJWKSet, jwtVerify, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi, adminError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { query } from '../helpers/db.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

describe('signing keys', () => {
  let running: RunningApp;
  let api: ReturnType<typeof adminApi>;

  beforeAll(async () => {
    running = await startApp();
    api = adminApi(running.url);
  });
  afterAll(() => running.close());

  const jwksOf = async (issuer: string) => (await (await fetch(`${issuer}/jwks.json`)).json()) as { keys: Record<string, string>[] };

  /** A tenant with a client_credentials client, and a way to get a JWT access token from it. */
  async function issuerWithTokens(body: Record<string, unknown> = {}) {
    const tenant = await createTenant(running.url, body);
    const { clientId, clientSecret } = await createClient(running.url, tenant.issuerId, {
      grant_types: ['client_credentials'],
      allowed_resources: ['https://api.example.com'],
    });
    const config = await discover(tenant.issuer, clientId, oidc.ClientSecretBasic(clientSecret));
    const jwt = async () => (await oidc.clientCredentialsGrant(config, { resource: 'https://api.example.com' })).access_token;
    return { ...tenant, jwt };
  }

  it('a new tenant has an active and a pre-published next key; the JWKS lists both, active first, public parts only', async () => {
    const { issuerId, issuer } = await createTenant(running.url);
    const keys = (await api.get(`/v1/tenants/${issuerId}/keys`)).body.items;
    expect(keys).toEqual([
      {
        kid: expect.any(String),
        alg: 'RS256',
        use: 'sig',
        status: 'active',
        created_at: expect.any(String),
        activated_at: expect.any(String),
        retired_at: null,
      },
      { kid: expect.any(String), alg: 'RS256', use: 'sig', status: 'next', created_at: expect.any(String), activated_at: null, retired_at: null },
    ]);
    const jwks = await jwksOf(issuer);
    expect(jwks.keys.map((k) => k.kid)).toEqual(keys.map((k: { kid: string }) => k.kid));
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(member);
    }
    expect(await fetch(`${issuer}/.well-known/jwks.json`).then((r) => r.json())).toEqual(jwks);
  });

  it('stores private keys sealed: no private member in the clear', async () => {
    const { issuerId } = await createTenant(running.url);
    const rows = await query<{ private_jwk: string; public_jwk: Record<string, unknown> }>(
      inject('databaseUrl'),
      'SELECT private_jwk, public_jwk FROM signing_keys WHERE tenant_id = $1',
      [issuerId],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.private_jwk).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(row.private_jwk).not.toContain('"d"');
      expect(row.public_jwk).not.toHaveProperty('d');
    }
  });

  it('oidcc-server-rotate-keys: after rotation old tokens still verify against the JWKS, new tokens carry the new kid', async () => {
    const { issuerId, issuer, jwt } = await issuerWithTokens();
    const before = (await api.get(`/v1/tenants/${issuerId}/keys`)).body.items;
    const oldToken = await jwt();
    expect(decodeProtectedHeader(oldToken).kid).toBe(before[0].kid);

    const rotated = await api.post(`/v1/tenants/${issuerId}/keys/rotate`);
    expect(rotated.status).toBe(200);
    const [active, next, retired] = rotated.body.items;
    expect(active).toMatchObject({ kid: before[1].kid, status: 'active' });
    expect(next).toMatchObject({ status: 'next' });
    expect(next.kid).not.toBe(before[0].kid);
    expect(retired).toMatchObject({ kid: before[0].kid, status: 'retired', retired_at: expect.any(String) });

    const jwks = await jwksOf(issuer);
    expect(jwks.keys.map((k) => k.kid)).toEqual([active.kid, next.kid, retired.kid]);
    await expect(jwtVerify(oldToken, createLocalJWKSet(jwks), { issuer })).resolves.toBeDefined();
    const newToken = await jwt();
    expect(decodeProtectedHeader(newToken).kid).toBe(active.kid);
    await expect(jwtVerify(newToken, createLocalJWKSet(jwks), { issuer })).resolves.toBeDefined();
  });

  it('removes a retired key (204, then 404) and refuses to remove the active or next key (409)', async () => {
    const { issuerId, issuer } = await createTenant(running.url);
    const [, , retired] = (await api.post(`/v1/tenants/${issuerId}/keys/rotate`)).body.items;
    const [active, next] = (await api.get(`/v1/tenants/${issuerId}/keys`)).body.items;
    expect(await api.delete(`/v1/tenants/${issuerId}/keys/${active.kid}`)).toMatchObject({ status: 409, body: adminError('conflict') });
    expect((await api.delete(`/v1/tenants/${issuerId}/keys/${next.kid}`)).status).toBe(409);
    expect((await api.delete(`/v1/tenants/${issuerId}/keys/${retired.kid}`)).status).toBe(204);
    expect((await api.delete(`/v1/tenants/${issuerId}/keys/${retired.kid}`)).status).toBe(404);
    expect((await jwksOf(issuer)).keys.map((k) => k.kid)).toEqual([active.kid, next.kid]);
  });

  it('answers 404 for the keys of an unknown tenant', async () => {
    expect((await api.get('/v1/tenants/no-such-tenant-x/keys')).status).toBe(404);
    expect((await api.post('/v1/tenants/no-such-tenant-x/keys/rotate')).status).toBe(404);
  });

  it('a disabled tenant answers 404 on all its public routes at once; enabled again, it serves again', async () => {
    const { issuerId, issuer } = await createTenant(running.url);
    expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200);
    await api.patch(`/v1/tenants/${issuerId}`, { enabled: false });
    for (const path of ['/.well-known/openid-configuration', '/jwks.json', '/token']) {
      const res = await fetch(`${issuer}${path}`, { method: path === '/token' ? 'POST' : 'GET' });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found', error_description: expect.any(String) });
    }
    expect((await fetch(`${running.url}/.well-known/oauth-authorization-server/${issuerId}`)).status).toBe(404);
    await api.patch(`/v1/tenants/${issuerId}`, { enabled: true });
    expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200);
  });

  it('a deleted tenant answers 404 at once, and its keys, clients and tokens are gone', async () => {
    const { issuerId, issuer, jwt } = await issuerWithTokens();
    await jwt();
    expect((await api.delete(`/v1/tenants/${issuerId}`)).status).toBe(204);
    expect((await fetch(`${issuer}/jwks.json`)).status).toBe(404);
    for (const table of ['signing_keys', 'clients', 'oidc_payloads']) {
      expect(await query(inject('databaseUrl'), `SELECT 1 FROM ${table} WHERE tenant_id = $1`, [issuerId])).toEqual([]);
    }
  });
});

describe('the provider cache', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ PROVIDER_CACHE_SIZE: '2' });
  });
  afterAll(() => running.close());

  it('with room for 2 issuers, serves 20 correctly, twice over', async () => {
    const tenants = [];
    for (let i = 0; i < 20; i++) tenants.push(await createTenant(running.url, { signing_alg: 'ES256' }));
    for (let round = 0; round < 2; round++) {
      for (const { issuer } of tenants) {
        const metadata = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { issuer: string };
        expect(metadata.issuer).toBe(issuer);
      }
    }
  });
});
