import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const OPTIONS = {
  access_token_ttl: 120,
  id_token_ttl: 300,
  refresh_token_ttl: 900,
  grant_types: ['authorization_code', 'refresh_token'],
  logo_url: 'https://cdn.example.com/acme.svg',
  brand_color: '#0a7d4f',
};

/** A tenant's options take effect on its provider: lifetimes, allowed grants, sign-in page branding. */
describe('tenant options', () => {
  let running: RunningApp;
  let issuerId: string;
  let issuer: string;
  const api = () => adminApi(running.url);

  beforeAll(async () => {
    running = await startApp();
    ({ issuerId, issuer } = await createTenant(running.url, OPTIONS));
  });
  afterAll(() => running.close());

  const metadata = async () => (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, any>;

  it('are stored and returned', async () => {
    expect((await api().get(`/v1/tenants/${issuerId}`)).body).toMatchObject(OPTIONS);
  });

  it('grants the tenant does not allow are neither advertised nor registrable', async () => {
    const document = await metadata();
    expect(document.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    expect(document.grant_types_supported).not.toContain('client_credentials');
    expect(document.grant_types_supported).not.toContain('urn:ietf:params:oauth:grant-type:device_code');
    expect(document.device_authorization_endpoint).toBeUndefined();
    expect(document.response_types_supported).toEqual(['code']);
    for (const body of [
      { grant_types: ['client_credentials'], redirect_uris: [] },
      { redirect_uris: [REDIRECT], response_types: ['code id_token'], grant_types: ['authorization_code', 'implicit'] },
    ]) {
      const reply = await api().post(`/v1/tenants/${issuerId}/clients`, body);
      expect(reply.status).toBe(422);
    }
  });

  it('access, ID and refresh token lifetimes follow the tenant; the grant lives as long as its refresh token', async () => {
    const user = { username: 'lee', password: 'a long enough passphrase' };
    await api().post(`/v1/tenants/${issuerId}/users`, user);
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], grant_types: ['authorization_code', 'refresh_token'] });
    const config = await discover(issuer, client.clientId, oidc.ClientSecretBasic(client.clientSecret));
    const signIn = async () => {
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT,
        scope: 'openid offline_access',
        prompt: 'consent',
        state: 's',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      return oidc.authorizationCodeGrant(config, await new UserAgent(running.url).authorize(url, user), { expectedState: 's', pkceCodeVerifier: verifier });
    };
    const tokens = await signIn();
    expect(tokens.expires_in).toBe(120);
    const claims = tokens.claims()!;
    expect(claims.exp - claims.iat).toBe(300);
    const refresh = await oidc.tokenIntrospection(config, tokens.refresh_token!);
    expect(refresh).toMatchObject({ active: true, client_id: client.clientId });
    expect(refresh.exp! - refresh.iat!).toBe(900);

    // Longer than the default grant (14 days): the grant must not expire under the refresh token.
    const month = 30 * 86_400;
    await api().patch(`/v1/tenants/${issuerId}`, { refresh_token_ttl: month });
    const longLived = await oidc.tokenIntrospection(config, (await signIn()).refresh_token!);
    expect(longLived.exp! - longLived.iat!).toBe(month);
    const [grant] = await running.app
      .get(DataSource)
      .query(`SELECT max(extract(epoch FROM expires_at - now())) AS seconds FROM oidc_payloads WHERE tenant_id = $1 AND kind = 'Grant'`, [issuerId]);
    expect(Number(grant.seconds)).toBeGreaterThan(month - 60);
  });

  it('allowing a grant later makes it work; withdrawing it while a client uses it is refused', async () => {
    const patched = await api().patch(`/v1/tenants/${issuerId}`, { grant_types: [...OPTIONS.grant_types, 'client_credentials'] });
    expect(patched.body.grant_types).toContain('client_credentials');
    expect((await metadata()).grant_types_supported).toContain('client_credentials');
    const machine = await createClient(running.url, issuerId, { grant_types: ['client_credentials'], redirect_uris: [], response_types: [] });
    const config = await discover(issuer, machine.clientId, oidc.ClientSecretBasic(machine.clientSecret));
    expect((await oidc.clientCredentialsGrant(config)).expires_in).toBe(120);

    const refused = await api().patch(`/v1/tenants/${issuerId}`, { grant_types: OPTIONS.grant_types });
    expect(refused).toMatchObject({ status: 409, body: { error: 'conflict', message: expect.stringContaining(machine.clientId) } });
    expect((await api().get(`/v1/tenants/${issuerId}`)).body.grant_types).toContain('client_credentials');
  });

  it('the sign-in page carries the logo and the colour', async () => {
    const client = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    const config = await discover(issuer, client.clientId, oidc.None());
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const agent = new UserAgent(running.url);
    const page = (await agent.follow(await agent.get(url))) as Response;
    const html = await page.text();
    expect(html).toContain('<img class="logo" src="https://cdn.example.com/acme.svg"');
    expect(html).toContain('--accent: #0a7d4f');
    expect(page.headers.get('content-security-policy')).toContain('img-src https:');
    expect((await api().patch(`/v1/tenants/${issuerId}`, { logo_url: null })).body.logo_url).toBeNull();
  });

  it('bad options are refused with every field named, and change nothing', async () => {
    const before = (await api().get(`/v1/tenants/${issuerId}`)).body;
    const reply = await api().patch(`/v1/tenants/${issuerId}`, {
      access_token_ttl: 10,
      id_token_ttl: 'long',
      refresh_token_ttl: 10 ** 9,
      grant_types: ['password'],
      logo_url: 'http://cdn.example.com/logo.png',
      brand_color: 'red',
    });
    expect(reply.status).toBe(422);
    expect([...new Set(reply.body.details.map((detail: { field: string }) => detail.field))].sort()).toEqual([
      'access_token_ttl',
      'brand_color',
      'grant_types',
      'id_token_ttl',
      'logo_url',
      'refresh_token_ttl',
    ]);
    expect((await api().post('/v1/tenants', { issuer_id: 'no-refresh', grant_types: ['authorization_code'] })).body.details).toEqual([
      { field: 'grant_types', message: expect.stringContaining('refresh_token') },
    ]);
    expect((await api().get(`/v1/tenants/${issuerId}`)).body).toEqual(before);
  });
});
