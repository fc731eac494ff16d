import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const LOGOUT_REDIRECT = 'https://rp.example.com/signed-out';
const USER = { username: 'jane', password: 'correct horse battery staple' };

/** Browser flows with openid-client as the relying party; tests named after OpenID conformance modules. */
describe('authorization code flow', () => {
  let running: RunningApp;
  let issuerId: string;
  let issuer: string;
  let userId: string;
  let confidential: oidc.Configuration;
  let publicClient: oidc.Configuration;

  beforeAll(async () => {
    running = await startApp({ LOGIN_MAX_FAILURES_PER_USER: '3' });
    ({ issuerId, issuer } = await createTenant(running.url, { display_name: 'Acme Corp' }));
    const user = await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, {
      ...USER,
      email: 'jane@example.com',
      email_verified: true,
      name: 'Jane Doe',
      given_name: 'Jane',
      family_name: 'Doe',
      phone_number: '+33 1 23 45 67 89',
      address: { locality: 'Paris', country: 'FR' },
    });
    userId = user.body.user_id;
    const conf = await createClient(running.url, issuerId, {
      client_name: 'Acme Portal',
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: [LOGOUT_REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      scope: 'openid profile email address phone offline_access',
    });
    confidential = await discover(issuer, conf.clientId, oidc.ClientSecretBasic(conf.clientSecret));
    const pub = await createClient(running.url, issuerId, { client_name: 'Acme SPA', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    publicClient = await discover(issuer, pub.clientId, oidc.None());
  });
  afterAll(() => running.close());

  /** A fresh authorization request with PKCE, state and nonce. */
  const request = (config: oidc.Configuration, params: Record<string, string> = {}) => authorizationRequest(config, REDIRECT, params);

  async function signInAndRedeem(config: oidc.Configuration, params: Record<string, string> = {}, agent = new UserAgent(running.url)) {
    const { url, checks } = await request(config, params);
    const callback = await agent.authorize(url, USER);
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    return { tokens, agent, callback };
  }

  it('oidcc-server: code flow with a confidential client, PKCE, state and nonce; ID token validated; userinfo', async () => {
    const { tokens, callback } = await signInAndRedeem(confidential, { scope: 'openid profile email' });
    expect(callback.searchParams.get('iss')).toBe(issuer);
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: issuer, sub: userId, aud: confidential.clientMetadata().client_id, nonce: expect.any(String) });
    expect(tokens.token_type).toBe('bearer');
    const userinfo = await oidc.fetchUserInfo(confidential, tokens.access_token, userId);
    expect(userinfo).toMatchObject({ sub: userId, name: 'Jane Doe', given_name: 'Jane', email: 'jane@example.com', email_verified: true });
    expect(userinfo).not.toHaveProperty('phone_number');
    expect(userinfo).not.toHaveProperty('address');
  });

  it('a public client (token_endpoint_auth_method none) with PKCE', async () => {
    const { tokens } = await signInAndRedeem(publicClient);
    expect(tokens.claims()!.sub).toBe(userId);
  });

  it('oidcc-scope-all: address and phone scopes release those claims', async () => {
    const { tokens } = await signInAndRedeem(confidential, { scope: 'openid address phone' });
    const userinfo = await oidc.fetchUserInfo(confidential, tokens.access_token, userId);
    expect(userinfo).toMatchObject({ address: { locality: 'Paris', country: 'FR' }, phone_number: '+33 1 23 45 67 89' });
    expect(userinfo).not.toHaveProperty('email');
  });

  it('oidcc-userinfo-post-header and oidcc-userinfo-post-body', async () => {
    const { tokens } = await signInAndRedeem(confidential, { scope: 'openid email' });
    const header = await fetch(`${issuer}/userinfo`, { method: 'POST', headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(await header.json()).toMatchObject({ sub: userId, email: 'jane@example.com' });
    const body = await fetch(`${issuer}/userinfo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `access_token=${tokens.access_token}`,
    });
    expect(await body.json()).toMatchObject({ sub: userId, email: 'jane@example.com' });
  });

  it('oidcc-claims-essential: the claims parameter releases a claim the scopes do not', async () => {
    const { tokens } = await signInAndRedeem(confidential, { claims: JSON.stringify({ userinfo: { name: { essential: true } } }) });
    expect(await oidc.fetchUserInfo(confidential, tokens.access_token, userId)).toMatchObject({ name: 'Jane Doe' });
  });

  it('oidcc-codereuse: a code works once; the second use is invalid_grant', async () => {
    const { url, checks } = await request(confidential);
    const callback = await new UserAgent(running.url).authorize(url, USER);
    await oidc.authorizationCodeGrant(confidential, callback, checks);
    expect(await oauthErrorOf(oidc.authorizationCodeGrant(confidential, callback, checks))).toMatchObject({ error: 'invalid_grant' });
  });

  it('a wrong PKCE verifier is invalid_grant', async () => {
    const { url, checks } = await request(confidential);
    const callback = await new UserAgent(running.url).authorize(url, USER);
    expect(
      await oauthErrorOf(oidc.authorizationCodeGrant(confidential, callback, { ...checks, pkceCodeVerifier: oidc.randomPKCECodeVerifier() })),
    ).toMatchObject({ error: 'invalid_grant' });
  });

  it('PKCE is required of a public client, and plain is refused (confidential clients: pkce.e2e-spec.ts)', async () => {
    const agent = new UserAgent(running.url);
    const noPkce = oidc.buildAuthorizationUrl(publicClient, { redirect_uri: REDIRECT, scope: 'openid', state: 's' });
    const missing = (await agent.follow(await agent.get(noPkce))) as URL;
    expect(missing.searchParams.get('error')).toBe('invalid_request');
    const plain = oidc.buildAuthorizationUrl(confidential, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'plain',
    });
    expect(((await agent.follow(await agent.get(plain))) as URL).searchParams.get('error')).toBe('invalid_request');
  });

  it('oidcc-refresh-token: refresh rotates the token; reusing the old one revokes the grant', async () => {
    const { tokens } = await signInAndRedeem(confidential, { scope: 'openid offline_access', prompt: 'consent' });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refreshed = await oidc.refreshTokenGrant(confidential, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.claims()!.sub).toBe(userId);

    expect(await oauthErrorOf(oidc.refreshTokenGrant(confidential, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
    // The whole grant is gone: the rotated token and its access token too.
    expect(await oauthErrorOf(oidc.refreshTokenGrant(confidential, refreshed.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
    expect(await oidc.tokenIntrospection(confidential, refreshed.access_token)).toEqual({ active: false });
  });

  it('oidcc-prompt-none-not-logged-in and oidcc-prompt-none-logged-in', async () => {
    const agent = new UserAgent(running.url);
    const first = await request(confidential, { prompt: 'none' });
    const refused = (await agent.follow(await agent.get(first.url))) as URL;
    expect(refused.searchParams.get('error')).toBe('login_required');

    await signInAndRedeem(confidential, {}, agent);
    const silent = await request(confidential, { prompt: 'none' });
    const callback = (await agent.follow(await agent.get(silent.url))) as URL;
    const tokens = await oidc.authorizationCodeGrant(confidential, callback, silent.checks);
    expect(tokens.claims()!.sub).toBe(userId);
  });

  it('oidcc-prompt-login: prompt=login asks for the password again even with a session', async () => {
    const { agent } = await signInAndRedeem(confidential);
    const again = await request(confidential, { prompt: 'login' });
    const page = await agent.follow(await agent.get(again.url));
    expect(page).toBeInstanceOf(Response);
    expect(await (page as Response).text()).toContain('name="password"');
  });

  it('oidcc-ensure-request-with-acr-values-succeeds: an advertised acr value is accepted and returned', async () => {
    const metadata = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { acr_values_supported: string[] };
    expect(metadata.acr_values_supported).toEqual(['urn:portcullis:acr:password', 'urn:portcullis:acr:mfa', 'phr']);
    const { tokens } = await signInAndRedeem(confidential, { acr_values: metadata.acr_values_supported[0] });
    expect(tokens.claims()).toMatchObject({ acr: 'urn:portcullis:acr:password' });
  });

  it('login_hint fills in the username', async () => {
    const { url } = await request(confidential, { login_hint: 'jane' });
    const agent = new UserAgent(running.url);
    const page = (await agent.follow(await agent.get(url))) as Response;
    expect(await page.text()).toMatch(/name="username"[^>]*value="jane"/);
  });

  it('deny on the consent page returns access_denied to the client', async () => {
    const { url } = await request(confidential, { scope: 'openid email', prompt: 'consent' });
    const callback = await new UserAgent(running.url).authorize(url, USER, 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });

  it('a wrong password re-renders the page with one message, and repeated failures lock the user', async () => {
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, { username: 'lockme', password: 'the right password' });
    const agent = new UserAgent(running.url);
    const { url } = await request(confidential);
    const page = (await agent.follow(await agent.get(url))) as Response;
    const { formOf } = await import('../helpers/browserless.js');
    let form = formOf(await page.text());
    const messages: string[] = [];
    for (const username of ['lockme', 'nobody-by-that-name', 'lockme', 'lockme']) {
      const res = await agent.post(form.action, { _csrf: form.csrf, username, password: 'wrong password!' });
      expect(res.status).toBe(401);
      const html = await res.text();
      messages.push(/role="alert">([^<]+)</.exec(html)![1]);
      form = formOf(html);
    }
    expect(new Set(messages)).toEqual(new Set(['Wrong username or password.']));
    // Three failures for lockme: locked, even with the right password, for now.
    const locked = await agent.post(form.action, { _csrf: form.csrf, username: 'lockme', password: 'the right password' });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Too many failed attempts');
  });

  it('a sign-in form posted without its CSRF token is refused and signs no one in', async () => {
    const agent = new UserAgent(running.url);
    const { url } = await request(confidential);
    const page = (await agent.follow(await agent.get(url))) as Response;
    const { formOf } = await import('../helpers/browserless.js');
    const form = formOf(await page.text());
    const res = await agent.post(form.action, { username: USER.username, password: USER.password });
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
  });

  it('oidcc-ensure-registered-redirect-uri: an unregistered redirect_uri is refused without redirecting', async () => {
    const url = oidc.buildAuthorizationUrl(confidential, {
      redirect_uri: 'https://evil.example.com/cb',
      scope: 'openid',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    });
    const res = await new UserAgent(running.url).get(url);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.json()).toMatchObject({ error: 'invalid_redirect_uri' });
  });

  it('an unknown client is refused with OAuthError JSON', async () => {
    const res = await fetch(`${issuer}/authorize?client_id=nobody&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(REDIRECT)}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('oidcc-rp-initiated-logout: end-session with id_token_hint, post_logout_redirect_uri and state; then prompt=none fails', async () => {
    const { tokens, agent } = await signInAndRedeem(confidential);
    const endSession = oidc.buildEndSessionUrl(confidential, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: LOGOUT_REDIRECT, state: 'bye' });
    const confirm = (await agent.follow(await agent.get(endSession))) as Response;
    const html = await confirm.text();
    expect(html).toContain('Sign out?');
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const done = (await agent.follow(await agent.post(action, { xsrf, logout: 'yes' }))) as URL;
    expect(`${done.origin}${done.pathname}`).toBe(LOGOUT_REDIRECT);
    expect(done.searchParams.get('state')).toBe('bye');

    const silent = await request(confidential, { prompt: 'none' });
    expect(((await agent.follow(await agent.get(silent.url))) as URL).searchParams.get('error')).toBe('login_required');
  });

  it('sessions: listed by user; ending one signs the user out and revokes its grants', async () => {
    const api = adminApi(running.url);
    const { tokens, agent } = await signInAndRedeem(confidential, { scope: 'openid offline_access', prompt: 'consent' });
    const listed = await api.get(`/v1/tenants/${issuerId}/sessions?user_id=${userId}&limit=200`);
    expect(listed.status).toBe(200);
    const session = listed.body.items.find((s: { client_ids: string[] }) => s.client_ids.includes(confidential.clientMetadata().client_id));
    expect(session).toEqual({
      session_id: expect.any(String),
      user_id: userId,
      client_ids: expect.any(Array),
      signed_in_at: expect.any(String),
      expires_at: expect.any(String),
    });

    const all = (await api.get(`/v1/tenants/${issuerId}/sessions?user_id=${userId}&limit=200`)).body.items as { session_id: string }[];
    for (const { session_id } of all) expect((await api.delete(`/v1/tenants/${issuerId}/sessions/${session_id}`)).status).toBe(204);
    expect((await api.delete(`/v1/tenants/${issuerId}/sessions/${session.session_id}`)).status).toBe(404);

    expect(await oauthErrorOf(oidc.refreshTokenGrant(confidential, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
    const silent = await request(confidential, { prompt: 'none' });
    expect(((await agent.follow(await agent.get(silent.url))) as URL).searchParams.get('error')).toBe('login_required');
    expect((await api.get(`/v1/tenants/${issuerId}/sessions?user_id=not-a-uuid`)).status).toBe(422);
  });

  it('a session at one issuer does not sign the user in at another on the same host', async () => {
    const other = await createTenant(running.url);
    await adminApi(running.url).post(`/v1/tenants/${other.issuerId}/users`, USER);
    const otherClient = await createClient(running.url, other.issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    const otherConfig = await discover(other.issuer, otherClient.clientId, oidc.None());

    const { agent } = await signInAndRedeem(confidential);
    const atOther = await request(otherConfig, { prompt: 'none' });
    expect(((await agent.follow(await agent.get(atOther.url))) as URL).searchParams.get('error')).toBe('login_required');
    const cookies = await agent.jar.getCookies(`${issuer}/`);
    expect(cookies.map((cookie) => cookie.path).filter((path) => path !== '/')).toEqual(expect.arrayContaining([`/${issuerId}`]));
  });
});
