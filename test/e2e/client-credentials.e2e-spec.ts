import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createClient, createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

/** Machine-to-machine flows, with openid-client as the relying party. */
describe('client credentials, introspection and revocation', () => {
  let running: RunningApp;
  let issuerId: string;
  let issuer: string;

  beforeAll(async () => {
    running = await startApp();
    ({ issuerId, issuer } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  /** A client_credentials client with `method`, and the openid-client config to use it. */
  async function machineClient(method: string, extra: Record<string, unknown> = {}) {
    if (method === 'private_key_jwt') {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const jwk = { ...(await exportJWK(publicKey)), alg: 'ES256', use: 'sig', kid: 'rp-1' };
      const { clientId } = await createClient(running.url, issuerId, {
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: method,
        jwks: { keys: [jwk] },
        ...extra,
      });
      return { clientId, config: await discover(issuer, clientId, oidc.PrivateKeyJwt({ key: privateKey, kid: 'rp-1' })) };
    }
    const { clientId, clientSecret } = await createClient(running.url, issuerId, {
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: method,
      ...(method === 'client_secret_jwt' ? { token_endpoint_auth_signing_alg: 'HS256' } : {}),
      ...extra,
    });
    const auth = {
      client_secret_basic: oidc.ClientSecretBasic,
      client_secret_post: oidc.ClientSecretPost,
      client_secret_jwt: oidc.ClientSecretJwt,
    }[method]!(clientSecret);
    return { clientId, clientSecret: clientSecret!, config: await discover(issuer, clientId, auth) };
  }

  it.each(['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'])(
    'issues an opaque access token to a client authenticating with %s',
    async (method) => {
      const { clientId, config } = await machineClient(method);
      const tokens = await oidc.clientCredentialsGrant(config);
      expect(tokens).toMatchObject({ token_type: 'bearer', expires_in: expect.any(Number) });
      expect(tokens.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const introspection = await oidc.tokenIntrospection(config, tokens.access_token);
      expect(introspection).toMatchObject({ active: true, client_id: clientId, iss: issuer, token_type: 'Bearer' });
    },
  );

  it('refuses a wrong secret with invalid_client (OAuthError JSON)', async () => {
    const { clientId } = await machineClient('client_secret_basic');
    const config = await discover(issuer, clientId, oidc.ClientSecretBasic('wrong-secret'));
    expect(await oauthErrorOf(oidc.clientCredentialsGrant(config))).toEqual({ status: 401, error: 'invalid_client' });
  });

  it('a rotated secret works at once, and the old one stops', async () => {
    const { clientId, clientSecret } = await machineClient('client_secret_basic');
    const rotated = await adminApi(running.url).post(`/v1/tenants/${issuerId}/clients/${clientId}/secret`);
    const fresh = await discover(issuer, clientId, oidc.ClientSecretBasic(rotated.body.client_secret));
    await expect(oidc.clientCredentialsGrant(fresh)).resolves.toHaveProperty('access_token');
    const stale = await discover(issuer, clientId, oidc.ClientSecretBasic(clientSecret));
    expect(await oauthErrorOf(oidc.clientCredentialsGrant(stale))).toMatchObject({ error: 'invalid_client' });
  });

  it('introspection says inactive for a revoked, unknown or other-issuer token', async () => {
    const { config } = await machineClient('client_secret_basic');
    const { access_token } = await oidc.clientCredentialsGrant(config);
    await oidc.tokenRevocation(config, access_token);
    expect(await oidc.tokenIntrospection(config, access_token)).toEqual({ active: false });
    expect(await oidc.tokenIntrospection(config, 'x'.repeat(43))).toEqual({ active: false });
  });

  it("one client cannot revoke another's token; only a resource server of its audience may introspect it", async () => {
    const owner = await machineClient('client_secret_basic');
    const other = await machineClient('client_secret_post');
    const resourceServer = await machineClient('client_secret_post', { resource_server_audiences: [issuer] });
    const { access_token } = await oidc.clientCredentialsGrant(owner.config);
    await oidc.tokenRevocation(other.config, access_token);
    expect(await oidc.tokenIntrospection(other.config, access_token)).toEqual({ active: false });
    expect(await oidc.tokenIntrospection(resourceServer.config, access_token)).toMatchObject({ active: true, client_id: owner.clientId });
    expect(await oidc.tokenIntrospection(owner.config, access_token)).toMatchObject({ active: true });
  });

  it('issues an RFC 9068 JWT access token for a requested resource, verifiable with the JWKS', async () => {
    const { clientId, config } = await machineClient('client_secret_basic', { allowed_resources: ['https://api.example.com'] });
    const tokens = await oidc.clientCredentialsGrant(config, { resource: 'https://api.example.com' });
    const jwks = (await (await fetch(`${issuer}/jwks.json`)).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), {
      issuer,
      audience: 'https://api.example.com',
      typ: 'at+jwt',
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ client_id: clientId, sub: clientId, jti: expect.any(String) });
  });

  it('refuses a resource the client did not register with invalid_target', async () => {
    const { config } = await machineClient('client_secret_basic', { allowed_resources: ['https://api.example.com'] });
    expect(await oauthErrorOf(oidc.clientCredentialsGrant(config, { resource: 'https://payments.internal' }))).toMatchObject({ error: 'invalid_target' });
    const bare = await machineClient('client_secret_basic');
    expect(await oauthErrorOf(oidc.clientCredentialsGrant(bare.config, { resource: 'https://api.example.com' }))).toMatchObject({ error: 'invalid_target' });
  });

  it('issues JWT access tokens by default to a client registered with access_token_format jwt', async () => {
    const { config } = await machineClient('client_secret_basic', { access_token_format: 'jwt' });
    const tokens = await oidc.clientCredentialsGrant(config);
    const jwks = (await (await fetch(`${issuer}/jwks.json`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), { issuer, audience: issuer });
    expect(payload.iss).toBe(issuer);
  });

  it('signs with ES256 and EdDSA for tenants created with them', async () => {
    for (const alg of ['ES256', 'EdDSA'] as const) {
      const tenant = await createTenant(running.url, { signing_alg: alg });
      const { clientId, clientSecret } = await createClient(running.url, tenant.issuerId, {
        grant_types: ['client_credentials'],
        allowed_resources: ['https://api.example.com'],
      });
      const config = await discover(tenant.issuer, clientId, oidc.ClientSecretBasic(clientSecret));
      const tokens = await oidc.clientCredentialsGrant(config, { resource: 'https://api.example.com' });
      const jwks = (await (await fetch(`${tenant.issuer}/jwks.json`)).json()) as JSONWebKeySet;
      const { protectedHeader } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), { issuer: tenant.issuer });
      expect(protectedHeader.alg).toBe(alg);
      expect(jwks.keys.map((k) => k.alg)).toEqual([alg, alg]);
    }
  });

  it("a client of tenant A gets no token from tenant B, and cannot introspect B's tokens", async () => {
    const a = await machineClient('client_secret_basic');
    const b = await createTenant(running.url);
    const bClient = await createClient(running.url, b.issuerId, { grant_types: ['client_credentials'] });
    const bConfig = await discover(b.issuer, bClient.clientId, oidc.ClientSecretBasic(bClient.clientSecret));
    const bToken = (await oidc.clientCredentialsGrant(bConfig)).access_token;

    const aAtB = await discover(b.issuer, a.clientId, oidc.ClientSecretBasic(a.clientSecret));
    expect(await oauthErrorOf(oidc.clientCredentialsGrant(aAtB))).toMatchObject({ error: 'invalid_client' });
    expect(await oauthErrorOf(oidc.tokenIntrospection(aAtB, bToken))).toMatchObject({ error: 'invalid_client' });
    expect(await oidc.tokenIntrospection(a.config, bToken)).toEqual({ active: false });
  });

  it('pins endpoint URLs to PUBLIC_URL whatever Host the caller sends', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<string>((resolve, reject) => {
      const url = new URL(`${issuer}/.well-known/openid-configuration`);
      request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    const metadata = JSON.parse(body);
    expect(metadata.issuer).toBe(issuer);
    expect(metadata.token_endpoint).toBe(`${issuer}/token`);
    expect(body).not.toContain('evil.example');
  });
});
