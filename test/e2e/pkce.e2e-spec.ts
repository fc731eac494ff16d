import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'kim', password: 'correct horse battery staple' };

/**
 * PKCE as RFC 9700 §2.1.1 has it: required of public clients, and of confidential clients when
 * their registration or their tenant says so; optional otherwise. A code issued with a
 * challenge is redeemed only with its verifier; only S256 exists.
 */
describe('PKCE', () => {
  let running: RunningApp;
  const api = () => adminApi(running.url);

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  /** A tenant with the user, and a client of it as openid-client sees it. */
  async function tenantWith(options: Record<string, unknown> = {}) {
    const tenant = await createTenant(running.url, options);
    await api().post(`/v1/tenants/${tenant.issuerId}/users`, USER);
    return tenant;
  }

  async function clientOf(tenant: { issuerId: string; issuer: string }, metadata: Record<string, unknown> = {}) {
    const registered = await createClient(running.url, tenant.issuerId, { redirect_uris: [REDIRECT], ...metadata });
    const method = metadata.token_endpoint_auth_method ?? 'client_secret_basic';
    const auth =
      method === 'none'
        ? oidc.None()
        : method === 'client_secret_post'
          ? oidc.ClientSecretPost(registered.clientSecret)
          : oidc.ClientSecretBasic(registered.clientSecret);
    return { config: await discover(tenant.issuer, registered.clientId, auth), clientId: registered.clientId };
  }

  /** An authorization request without PKCE: state and nonce only. */
  function withoutPkce(config: oidc.Configuration) {
    const checks = { expectedState: oidc.randomState(), expectedNonce: oidc.randomNonce() };
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', state: checks.expectedState, nonce: checks.expectedNonce });
    return { url, checks };
  }

  /** Where the authorization request ends for a user who signs in: the client's redirect URI, with a code or an error. */
  const signIn = (url: URL) => new UserAgent(running.url).authorize(url, USER);

  const refusal = (callback: URL) => ({ error: callback.searchParams.get('error'), description: callback.searchParams.get('error_description') });
  const PKCE_REFUSED = { error: 'invalid_request', description: expect.stringContaining('PKCE') };

  it('a confidential client without PKCE completes the code flow, with client_secret_basic and with client_secret_post', async () => {
    const tenant = await tenantWith();
    for (const token_endpoint_auth_method of ['client_secret_basic', 'client_secret_post']) {
      const { config, clientId } = await clientOf(tenant, { token_endpoint_auth_method });
      const { url, checks } = withoutPkce(config);
      const callback = await signIn(url);
      expect(callback.searchParams.get('code')).toEqual(expect.any(String));
      const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
      expect(tokens.claims()).toMatchObject({ iss: tenant.issuer, aud: clientId });
      expect(await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)).toMatchObject({ sub: tokens.claims()!.sub });
    }
  });

  it('a verifier sent for a code issued without a challenge is invalid_grant', async () => {
    const { config } = await clientOf(await tenantWith());
    const { url, checks } = withoutPkce(config);
    const callback = await signIn(url);
    expect(await oauthErrorOf(oidc.authorizationCodeGrant(config, callback, { ...checks, pkceCodeVerifier: oidc.randomPKCECodeVerifier() }))).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('a public client without PKCE is refused; with it, it gets its tokens', async () => {
    const { config } = await clientOf(await tenantWith(), { token_endpoint_auth_method: 'none' });
    expect(refusal(await signIn(withoutPkce(config).url))).toEqual(PKCE_REFUSED);
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    expect((await oidc.authorizationCodeGrant(config, await signIn(url), checks)).access_token).toEqual(expect.any(String));
  });

  it('a confidential client registered with require_pkce is refused without PKCE, until the registration changes', async () => {
    const tenant = await tenantWith();
    const { config, clientId } = await clientOf(tenant, { require_pkce: true });
    expect(refusal(await signIn(withoutPkce(config).url))).toEqual(PKCE_REFUSED);
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    expect((await oidc.authorizationCodeGrant(config, await signIn(url), checks)).access_token).toEqual(expect.any(String));

    const patched = await api().patch(`/v1/tenants/${tenant.issuerId}/clients/${clientId}`, { require_pkce: false });
    expect(patched.body).toMatchObject({ require_pkce: false });
    const optional = withoutPkce(config);
    expect((await oidc.authorizationCodeGrant(config, await signIn(optional.url), optional.checks)).access_token).toEqual(expect.any(String));
  });

  it('a tenant with require_pkce_for_all_clients refuses its confidential clients without PKCE, until the option is turned off', async () => {
    const tenant = await tenantWith({ require_pkce_for_all_clients: true });
    const { config } = await clientOf(tenant);
    expect(refusal(await signIn(withoutPkce(config).url))).toEqual(PKCE_REFUSED);
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    expect((await oidc.authorizationCodeGrant(config, await signIn(url), checks)).access_token).toEqual(expect.any(String));

    const patched = await api().patch(`/v1/tenants/${tenant.issuerId}`, { require_pkce_for_all_clients: false });
    expect(patched.body).toMatchObject({ require_pkce_for_all_clients: false });
    const optional = withoutPkce(config);
    expect((await oidc.authorizationCodeGrant(config, await signIn(optional.url), optional.checks)).access_token).toEqual(expect.any(String));
  });

  it('a code issued with a challenge is not redeemed without its verifier, nor with a wrong one, even for a client PKCE is optional for', async () => {
    const { config } = await clientOf(await tenantWith());
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    const callback = await signIn(url);
    const { pkceCodeVerifier: _verifier, ...noVerifier } = checks;
    expect(await oauthErrorOf(oidc.authorizationCodeGrant(config, callback, noVerifier))).toMatchObject({ error: 'invalid_grant' });

    const again = await authorizationRequest(config, REDIRECT);
    const secondCallback = await signIn(again.url);
    expect(
      await oauthErrorOf(oidc.authorizationCodeGrant(config, secondCallback, { ...again.checks, pkceCodeVerifier: oidc.randomPKCECodeVerifier() })),
    ).toMatchObject({ error: 'invalid_grant' });
  });

  it('plain, or a challenge without its method, is refused, even where PKCE is optional; discovery offers S256 only', async () => {
    const tenant = await tenantWith();
    const { config } = await clientOf(tenant);
    const agent = new UserAgent(running.url);
    const challenge = oidc.randomPKCECodeVerifier();
    for (const method of [{ code_challenge_method: 'plain' }, {}] as Record<string, string>[]) {
      const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', code_challenge: challenge, ...method });
      const callback = (await agent.follow(await agent.get(url))) as URL;
      expect(callback.searchParams.get('error')).toBe('invalid_request');
    }
    const discovery = (await (await fetch(`${tenant.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('the admin API takes, shows and validates require_pkce and require_pkce_for_all_clients', async () => {
    const tenant = await createTenant(running.url);
    expect((await api().get(`/v1/tenants/${tenant.issuerId}`)).body).toMatchObject({ require_pkce_for_all_clients: false });
    const bad = await api().patch(`/v1/tenants/${tenant.issuerId}`, { require_pkce_for_all_clients: 'yes' });
    expect(bad.status).toBe(422);
    expect(bad.body.details).toEqual([{ field: 'require_pkce_for_all_clients', message: 'must be a boolean' }]);
    expect((await api().patch(`/v1/tenants/${tenant.issuerId}`, { require_pkce_for_all_clients: null })).status).toBe(422);

    const clients = `/v1/tenants/${tenant.issuerId}/clients`;
    const plain = await api().post(clients, { redirect_uris: [REDIRECT] });
    expect(plain.body).toMatchObject({ require_pkce: false });
    const strict = await api().post(clients, { redirect_uris: [REDIRECT], require_pkce: true });
    expect(strict.status).toBe(201);
    expect((await api().get(`${clients}/${strict.body.client_id}`)).body).toMatchObject({ require_pkce: true });
    const wrong = await api().post(clients, { redirect_uris: [REDIRECT], require_pkce: 'true' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.details).toEqual([{ field: 'require_pkce', message: 'must be a boolean' }]);
    // null removes the member: back to the default.
    expect((await api().patch(`${clients}/${strict.body.client_id}`, { require_pkce: null })).body).toMatchObject({ require_pkce: false });
  });
});
