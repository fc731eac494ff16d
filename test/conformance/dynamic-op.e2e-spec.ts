import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, tempDir, type RunningApp } from '../helpers/app.js';
import { launchBrowser, screenshot, stubRelyingParty } from '../helpers/browser.js';
import { UserAgent } from '../helpers/browserless.js';
import { authorizationRequest, createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

/**
 * The OpenID Foundation's `oidcc-dynamic-certification-test-plan` (conformance-suite
 * OIDCCDynamicTestPlan, certification profile "Dynamic OP"; variants: discovery,
 * private_key_jwt, dynamic client registration), one test per module, named after it. Every
 * client registers itself at the issuer's registration endpoint (tenant `registration: open`)
 * as the suite does, with its keys by value (`jwks`) or at a `jwks_uri`, and authenticates with
 * `private_key_jwt`. The client's `jwks_uri`, `sector_identifier_uri` and request object URL
 * live on a loopback https server with a certificate of its own (CLIENT_URIS_CA_FILE,
 * CLIENT_URIS_ALLOW_PRIVATE). Pages the suite screenshots are opened in Chromium.
 */

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'dyn', password: 'correct horse battery staple' };

/** An RS256 key pair of the client: the private key for openid-client, the public JWK to register. */
async function clientKey(kid = `k-${Math.random().toString(36).slice(2)}`) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk };
}
type ClientKey = Awaited<ReturnType<typeof clientKey>>;

/** The form a request through openid-client's customFetch carries (URLSearchParams, or none). */
const formBody = (body: unknown) => new URLSearchParams(body instanceof URLSearchParams || typeof body === 'string' ? body : '');

describe('oidcc-dynamic-certification-test-plan', () => {
  let app: RunningApp;
  let browser: Browser;
  let rpServer: Server;
  let rpOrigin: string;
  /** What the client's own https server serves, by path; and what it was asked for. */
  const documents = new Map<string, { type: string; body: string }>();
  const rpRequests: string[] = [];
  let issuerId: string;
  let issuer: string;
  let endpoint: string;

  beforeAll(async () => {
    const dir = await tempDir('portcullis-dynamic-');
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-days', '1'].concat([
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ]),
      { stdio: 'ignore' },
    );
    rpServer = createServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
      rpRequests.push(`${req.method} ${req.url}`);
      const doc = documents.get(req.url ?? '');
      res.writeHead(doc ? 200 : 404, { 'content-type': doc?.type ?? 'text/plain' });
      res.end(doc?.body ?? 'not found');
    });
    await new Promise<void>((resolve) => rpServer.listen(0, '127.0.0.1', resolve));
    rpOrigin = `https://127.0.0.1:${(rpServer.address() as AddressInfo).port}`;
    [app, browser] = await Promise.all([
      startApp({
        CLIENT_URIS_ALLOW_PRIVATE: 'true',
        CLIENT_URIS_CA_FILE: cert,
        RATE_LIMIT_REGISTRATION_PER_MINUTE: '0',
        RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
      }),
      launchBrowser(),
    ]);
    ({ issuerId, issuer } = await createTenant(app.url, { registration: 'open' }));
    endpoint = `${issuer}/register`;
    expect((await adminApi(app.url).post(`/v1/tenants/${issuerId}/users`, USER)).status).toBe(201);
  });
  afterAll(async () => {
    rpServer?.closeAllConnections();
    rpServer?.close();
    await Promise.all([app?.close(), browser?.close()]);
  });

  /** POST to the registration endpoint, as the suite's DynamicRegistration does. */
  async function register(metadata: Record<string, unknown>, at = issuer) {
    const res = await fetch(`${at}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  /** The suite's client: registered with its public key (`jwks`, or `jwks_uri` in `extra`), authenticating with private_key_jwt. */
  async function registerClient(extra: Record<string, unknown> = {}, key?: ClientKey, at = issuer) {
    key ??= await clientKey();
    const reply = await register(
      {
        client_name: 'Conformance RP',
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'private_key_jwt',
        ...(extra.jwks_uri ? {} : { jwks: { keys: [key.jwk] } }),
        ...extra,
      },
      at,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return { config: await rpWith(reply.body.client_id, key, at), key, body: reply.body };
  }

  const rpWith = (clientId: string, key: { privateKey: CryptoKey; kid: string }, at = issuer) =>
    discover(at, clientId, oidc.PrivateKeyJwt({ key: key.privateKey, kid: key.kid }));

  /** Code flow with state, nonce and PKCE, signed in by the browserless user agent; the tokens. */
  async function signIn(config: oidc.Configuration, params: Record<string, string> = {}, redirectUri = REDIRECT) {
    const { url, checks } = await authorizationRequest(config, redirectUri, params);
    const callback = await new UserAgent(app.url).authorize(url, USER);
    return oidc.authorizationCodeGrant(config, callback, checks);
  }

  const metadata = async () => (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, any>;
  const issuerJwks = async () => (await (await fetch(`${issuer}/jwks.json`)).json()) as JSONWebKeySet;

  /** Opens an authorization URL in Chromium: the page Portcullis shows (never the client), screenshotted. */
  async function errorPage(url: URL, name: string): Promise<string> {
    const page = await browser.newPage();
    try {
      await stubRelyingParty(page);
      const response = await page.goto(url.href);
      await screenshot(page, `dynamic-op-${name}`);
      expect(new URL(page.url()).origin, 'stays at the issuer').toBe(app.url);
      expect(response!.status()).toBe(400);
      return await page.locator('body').innerText();
    } finally {
      await page.close();
    }
  }

  it('oidcc-discovery-endpoint-verification: the dynamic variant, registration_endpoint included', async () => {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as Record<string, any>;
    expect(doc).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: expect.stringMatching(new RegExp(`^${issuer}/`)),
      userinfo_endpoint: expect.stringMatching(new RegExp(`^${issuer}/`)),
      registration_endpoint: endpoint,
      jwks_uri: `${issuer}/jwks.json`,
      subject_types_supported: expect.arrayContaining(['public']),
      id_token_signing_alg_values_supported: expect.arrayContaining(['RS256']),
      response_types_supported: expect.arrayContaining(['code']),
      scopes_supported: expect.arrayContaining(['openid']),
      claims_parameter_supported: true,
      claims_supported: expect.arrayContaining(['sub']),
      token_endpoint_auth_methods_supported: expect.arrayContaining(['private_key_jwt']),
      code_challenge_methods_supported: expect.any(Array),
      request_parameter_supported: true,
      request_uri_parameter_supported: false,
    });
    // RS256 request objects; no `none`, which is why the suite skips oidcc-request-uri-unsigned.
    expect(doc.request_object_signing_alg_values_supported).toContain('RS256');
    expect(doc.request_object_signing_alg_values_supported).not.toContain('none');
    const jwks = (await (await fetch(doc.jwks_uri)).json()) as JSONWebKeySet;
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) expect(key).toMatchObject({ kid: expect.any(String), use: 'sig', kty: expect.any(String) });
    expect(JSON.stringify(jwks)).not.toMatch(/"(d|p|q|dp|dq|qi)":/);
  });

  it('oidcc-server: registers with jwks, signs in with the code flow (private_key_jwt), calls userinfo', async () => {
    const { config, body } = await registerClient();
    expect(body).toMatchObject({ token_endpoint_auth_method: 'private_key_jwt', redirect_uris: [REDIRECT] });
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    const callback = await new UserAgent(app.url).authorize(url, USER);
    // The code: at least 128 bits, as the suite's CheckForAuthorizationCodeEntropy wants.
    expect(callback.searchParams.get('code')!.length).toBeGreaterThanOrEqual(22);
    expect(callback.searchParams.get('iss')).toBe(issuer);
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: issuer, aud: body.client_id, nonce: checks.expectedNonce });
    // Scope openid alone: no claims that were not asked for.
    for (const claim of ['name', 'email', 'preferred_username', 'address', 'phone_number']) expect(claims).not.toHaveProperty(claim);
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(userinfo.sub).toBe(claims.sub);
  });

  it('oidcc-idtoken-rs256: the ID token of a client registered with id_token_signed_response_alg RS256 is RS256 with a kid of the JWKS', async () => {
    const { config, body } = await registerClient({ id_token_signed_response_alg: 'RS256' });
    expect(body.id_token_signed_response_alg).toBe('RS256');
    const tokens = await signIn(config);
    const header = decodeProtectedHeader(tokens.id_token!);
    expect(header.alg).toBe('RS256');
    const jwks = await issuerJwks();
    expect(jwks.keys.map((key) => key.kid)).toContain(header.kid);
    await jwtVerify(tokens.id_token!, createLocalJWKSet(jwks), { issuer, audience: body.client_id, algorithms: ['RS256'] });
  });

  it('oidcc-idtoken-unsigned: `none` is not advertised, and a registration asking for it is refused', async () => {
    expect((await metadata()).id_token_signing_alg_values_supported).not.toContain('none');
    const reply = await register({ redirect_uris: [REDIRECT], id_token_signed_response_alg: 'none' });
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_client_metadata' } });
  });

  it('oidcc-userinfo-rs256: a client registered with userinfo_signed_response_alg RS256 gets a signed userinfo JWT', async () => {
    const { config, body } = await registerClient({ userinfo_signed_response_alg: 'RS256' });
    const tokens = await signIn(config);
    const res = await fetch((await metadata()).userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/jwt/);
    const jwt = await res.text();
    expect(decodeProtectedHeader(jwt).alg).toBe('RS256');
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(await issuerJwks()), { issuer, audience: body.client_id, algorithms: ['RS256'] });
    expect(payload.sub).toBe(tokens.claims()!.sub);
  });

  it('oidcc-ensure-redirect-uri-in-authorization-request: two redirect URIs, none in the request: an error page, no redirect', async () => {
    const { config } = await registerClient({ redirect_uris: [REDIRECT, 'https://rp.example.com/cb2'] });
    const { url } = await authorizationRequest(config, REDIRECT);
    url.searchParams.delete('redirect_uri');
    expect(await errorPage(url, 'ensure-redirect-uri-in-authorization-request')).toMatch(/invalid_request: missing required parameter 'redirect_uri'/);
  });

  it('oidcc-redirect-uri-query-OK: a registered redirect URI with a query works, its query kept', async () => {
    const withQuery = 'https://rp.example.com/cb?foo=bar';
    const { config } = await registerClient({ redirect_uris: [withQuery] });
    const { url, checks } = await authorizationRequest(config, withQuery);
    const callback = await new UserAgent(app.url).authorize(url, USER);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get('foo')).toBe('bar');
    // openid-client sends the callback URL without its query as the token request's redirect_uri;
    // the suite sends the registered one, query included, and so does this RP.
    config[oidc.customFetch] = (url, options) => {
      const form = formBody(options.body);
      if (!form.has('redirect_uri')) return fetch(url, options);
      form.set('redirect_uri', withQuery);
      return fetch(url, { ...(options as RequestInit), body: form.toString() });
    };
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    expect(tokens.claims()!.iss).toBe(issuer);
  });

  it('oidcc-redirect-uri-query-mismatch: a query other than the registered one: an error page', async () => {
    const { config } = await registerClient({ redirect_uris: ['https://rp.example.com/cb?foo=bar'] });
    const { url } = await authorizationRequest(config, 'https://rp.example.com/cb?foo=zot');
    expect(await errorPage(url, 'redirect-uri-query-mismatch')).toMatch(/invalid_redirect_uri/);
  });

  it('oidcc-redirect-uri-query-added: a query added to a registered redirect URI without one: an error page', async () => {
    const { config } = await registerClient();
    const { url } = await authorizationRequest(config, `${REDIRECT}?foo=bar`);
    expect(await errorPage(url, 'redirect-uri-query-added')).toMatch(/invalid_redirect_uri/);
  });

  it('oidcc-redirect-uri-regfrag: a redirect URI with a fragment is refused at registration (invalid_redirect_uri)', async () => {
    const reply = await register({ redirect_uris: [`${REDIRECT}#fragment`] });
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_redirect_uri' } });
  });

  describe.each([
    ['oidcc-registration-logo-uri', 'logo_uri', 'https://rp.example.com/logo.png', 'img[src="https://rp.example.com/logo.png"]'],
    ['oidcc-registration-policy-uri', 'policy_uri', 'https://rp.example.com/policy', 'a[href="https://rp.example.com/policy"]'],
    ['oidcc-registration-tos-uri', 'tos_uri', 'https://rp.example.com/tos', 'a[href="https://rp.example.com/tos"]'],
  ])('%s', (module, member, value, shown) => {
    // The real suite judges a screenshot of the sign-in page: here the element is asserted on it, and the screenshot kept.
    it(`${module}: ${member} is registered and kept, and the sign-in page shows it`, async () => {
      const { config, body } = await registerClient({ client_name: 'Conformance RP', [member]: value });
      expect(body[member]).toBe(value);
      const read = await fetch(body.registration_client_uri, { headers: { authorization: `Bearer ${body.registration_access_token}` } });
      expect(((await read.json()) as Record<string, unknown>)[member]).toBe(value);
      const { url } = await authorizationRequest(config, REDIRECT);
      const page = await browser.newPage();
      try {
        await page.goto(url.href);
        await page.locator('input[name="password"]').waitFor();
        await screenshot(page, `dynamic-op-${module}`);
        expect(await page.locator(shown).count()).toBe(1);
        expect(await page.getByText('to continue to Conformance RP').count()).toBe(1);
      } finally {
        await page.close();
      }
    });
  });

  it('oidcc-registration-jwks-uri: a client registered with a jwks_uri signs in; its key is fetched from there', async () => {
    const key = await clientKey();
    documents.set('/jwks-uri.json', { type: 'application/json', body: JSON.stringify({ keys: [key.jwk] }) });
    const seen = rpRequests.length;
    const { config, body } = await registerClient({ jwks_uri: `${rpOrigin}/jwks-uri.json` }, key);
    expect(body.jwks_uri).toBe(`${rpOrigin}/jwks-uri.json`);
    expect(body).not.toHaveProperty('jwks');
    const tokens = await signIn(config);
    expect(tokens.claims()!.aud).toBe(body.client_id);
    expect(rpRequests.slice(seen)).toContain('GET /jwks-uri.json');
  });

  it('oidcc-registration-sector-uri: a sector_identifier_uri listing the redirect URI registers the client, which signs in', async () => {
    documents.set('/sector-good.json', { type: 'application/json', body: JSON.stringify([REDIRECT, 'https://rp.example.com/other']) });
    const seen = rpRequests.length;
    const { config, body } = await registerClient({ sector_identifier_uri: `${rpOrigin}/sector-good.json` });
    expect(body.sector_identifier_uri).toBe(`${rpOrigin}/sector-good.json`);
    expect(rpRequests.slice(seen)).toEqual(['GET /sector-good.json']);
    expect((await signIn(config)).claims()!.aud).toBe(body.client_id);
  });

  it('oidcc-registration-sector-bad: a sector_identifier_uri not listing the redirect URI is a registration error', async () => {
    documents.set('/sector-bad.json', { type: 'application/json', body: JSON.stringify(['https://rp.example.com/other']) });
    const key = await clientKey();
    const reply = await register({
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [key.jwk] },
      sector_identifier_uri: `${rpOrigin}/sector-bad.json`,
    });
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_client_metadata', error_description: expect.stringMatching(/sector_identifier_uri/) } });
  });

  it('oidcc-server-rotate-keys: after an operator rotation the JWKS holds the new key and still the old one', async () => {
    const { issuerId: rotating, issuer: rotatingIssuer } = await createTenant(app.url, { registration: 'open' });
    expect((await adminApi(app.url).post(`/v1/tenants/${rotating}/users`, USER)).status).toBe(201);
    const { config, body: reg } = await registerClient({}, undefined, rotatingIssuer);
    const jwksOf = async () => (await (await fetch(`${rotatingIssuer}/jwks.json`)).json()) as JSONWebKeySet;
    const before = await signIn(config);
    const oldKid = decodeProtectedHeader(before.id_token!).kid;

    const rotated = await adminApi(app.url).post(`/v1/tenants/${rotating}/keys/rotate`);
    expect(rotated.status).toBe(200);
    const newKid = rotated.body.items.find((item: { status: string }) => item.status === 'active').kid;
    expect(newKid).not.toBe(oldKid);

    const after = await signIn(config);
    expect(decodeProtectedHeader(after.id_token!).kid).toBe(newKid);
    const jwks = await jwksOf();
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    // Both ID tokens verify against the one JWKS a relying party fetches after the rotation.
    for (const token of [before.id_token!, after.id_token!]) {
      await jwtVerify(token, createLocalJWKSet(jwks), { issuer: rotatingIssuer, audience: reg.client_id });
    }
  });

  it('oidcc-refresh-token-rp-key-rotation: the RP rotates the key at its jwks_uri; once the cached set is stale (60 s), a refresh signed with the new key works', async () => {
    const first = await clientKey();
    documents.set('/jwks-rotating.json', { type: 'application/json', body: JSON.stringify({ keys: [first.jwk] }) });
    const { config, body } = await registerClient(
      { jwks_uri: `${rpOrigin}/jwks-rotating.json`, grant_types: ['authorization_code', 'refresh_token'], scope: 'openid offline_access' },
      first,
    );
    const tokens = await signIn(config, { scope: 'openid offline_access', prompt: 'consent' });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);

    const second = await clientKey();
    documents.set('/jwks-rotating.json', { type: 'application/json', body: JSON.stringify({ keys: [second.jwk] }) });
    const rotated = await rpWith(body.client_id, second);
    // oidc-provider keeps a client's fetched key set fresh for at least 60 s (not configurable):
    // within them, the new kid is unknown. The suite waits 60 s; the test moves the clock instead.
    expect(await oauthErrorOf(oidc.refreshTokenGrant(rotated, refreshed.refresh_token!))).toMatchObject({ error: 'invalid_client' });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      const again = await oidc.refreshTokenGrant(rotated, refreshed.refresh_token!);
      expect(again.access_token).toEqual(expect.any(String));
      expect(again.claims()!.aud).toBe(body.client_id);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['oidcc-request-uri-unsigned', 'none'],
    ['oidcc-request-uri-signed-rs256', 'RS256'],
  ])('%s: request_uri is not supported (deviation): discovery says so and a request_uri gets request_uri_not_supported', async (_module, alg) => {
    expect((await metadata()).request_uri_parameter_supported).toBe(false);
    const { key, body } = await registerClient();
    const claims = { iss: body.client_id, aud: issuer, client_id: body.client_id, response_type: 'code', scope: 'openid', redirect_uri: REDIRECT, state: 's' };
    const jwt =
      alg === 'none'
        ? `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`
        : await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
    documents.set('/request.jwt', { type: 'application/oauth-authz-req+jwt', body: jwt });
    const seen = rpRequests.length;
    const url = new URL(`${issuer}/authorize`);
    url.search = new URLSearchParams({
      client_id: body.client_id,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: REDIRECT,
      request_uri: `${rpOrigin}/request.jwt`,
      state: 's',
    }).toString();
    const answer = await new UserAgent(app.url).follow(await new UserAgent(app.url).get(url));
    expect(answer).toBeInstanceOf(URL);
    const back = answer as URL;
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('error')).toBe('request_uri_not_supported');
    expect(rpRequests.slice(seen)).toEqual([]);
  });

  it('oidcc-ensure-request-object-with-redirect-uri: the redirect_uri in the request object takes precedence over the query one', async () => {
    expect((await metadata()).request_parameter_supported).toBe(true);
    const { config, key, body } = await registerClient({ request_object_signing_alg: 'RS256' });
    const { url, checks } = await authorizationRequest(config, REDIRECT);
    const params = Object.fromEntries(url.searchParams);
    const request = await new SignJWT({ ...params, iss: body.client_id, aud: issuer })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);
    // AddInvalidRedirectUriToAuthorizationRequest: the query carries another, unregistered, redirect_uri.
    const outer = new URL(`${issuer}/authorize`);
    outer.search = new URLSearchParams({
      client_id: body.client_id,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'https://rp.example.com/invalid',
      request,
    }).toString();
    const callback = await new UserAgent(app.url).authorize(outer, USER);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    expect(tokens.claims()!.nonce).toBe(checks.expectedNonce);
  });

  it('oidcc-refresh-token: the refresh token works, and only for the client it was issued to', async () => {
    const extra = { grant_types: ['authorization_code', 'refresh_token'] };
    const { config } = await registerClient(extra);
    const { config: other } = await registerClient(extra);
    const tokens = await signIn(config, { scope: 'openid offline_access', prompt: 'consent' });
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.claims()!.sub).toBe(tokens.claims()!.sub);
    expect(await oauthErrorOf(oidc.refreshTokenGrant(other, refreshed.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
  });

  it('oidcc-ensure-client-assertion-with-iss-aud-succeeds: a client_assertion with aud = the issuer is accepted', async () => {
    const { config, body } = await registerClient();
    const assertions: string[] = [];
    config[oidc.customFetch] = async (url, options) => {
      if (url === (await metadata()).token_endpoint) assertions.push(formBody(options.body).get('client_assertion')!);
      return fetch(url, options);
    };
    const tokens = await signIn(config);
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(assertions).toHaveLength(1);
    expect(decodeJwt(assertions[0])).toMatchObject({ iss: body.client_id, sub: body.client_id, aud: issuer });
  });
});
