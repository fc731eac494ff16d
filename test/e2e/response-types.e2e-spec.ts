import { createHash } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'sam', password: 'correct horse battery staple' };

/** OIDC Core §3.3.2.11: left half of the SHA-256 of the value, base64url. */
const halfHash = (value: string) => createHash('sha256').update(value).digest().subarray(0, 16).toString('base64url');

describe('every response type of seed 001, every response mode, PAR and the device flow', () => {
  let running: RunningApp;
  let issuer: string;
  let issuerId: string;
  let clientId: string;
  let config: oidc.Configuration;
  let jwks: ReturnType<typeof createLocalJWKSet>;

  beforeAll(async () => {
    running = await startApp();
    ({ issuer, issuerId } = await createTenant(running.url));
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER);
    const client = await createClient(running.url, issuerId, {
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'implicit'],
      response_types: ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'],
    });
    clientId = client.clientId;
    config = await discover(issuer, clientId, oidc.ClientSecretBasic(client.clientSecret));
    jwks = createLocalJWKSet((await (await fetch(`${issuer}/jwks.json`)).json()) as JSONWebKeySet);
  });
  afterAll(() => running.close());

  const cases: [string, string][] = [
    ['code', 'query'],
    ['code', 'form_post'],
    ['id_token', 'fragment'],
    ['id_token', 'form_post'],
    ['id_token token', 'fragment'],
    ['code id_token', 'fragment'],
    ['code token', 'fragment'],
    ['code id_token token', 'fragment'],
    ['code id_token token', 'form_post'],
  ];

  it.each(cases)(
    'response_type=%s, response_mode=%s: every artefact present and bound (signature, nonce, at_hash, c_hash)',
    async (responseType, responseMode) => {
      const nonce = oidc.randomNonce();
      const state = oidc.randomState();
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT,
        response_type: responseType,
        response_mode: responseMode,
        scope: 'openid',
        nonce,
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const callback = await new UserAgent(running.url).authorize(url, USER);
      const params = responseMode === 'fragment' ? new URLSearchParams(callback.hash.slice(1)) : callback.searchParams;
      expect(responseMode === 'fragment' ? callback.search : callback.hash).toBe('');
      expect(params.get('state')).toBe(state);

      const expected = responseType.split(' ');
      const got = (name: string) => params.get(name === 'token' ? 'access_token' : name);
      for (const part of expected) expect(got(part)).toEqual(expect.any(String));
      for (const part of ['code', 'id_token', 'token'].filter((p) => !expected.includes(p))) expect(got(part)).toBeNull();

      if (params.get('id_token')) {
        const { payload } = await jwtVerify(params.get('id_token')!, jwks, { issuer, audience: clientId });
        expect(payload.nonce).toBe(nonce);
        if (params.get('access_token')) expect(payload.at_hash).toBe(halfHash(params.get('access_token')!));
        if (params.get('code')) expect(payload.c_hash).toBe(halfHash(params.get('code')!));
      }
      if (params.get('code')) {
        const codeOnly = new URL(`${REDIRECT}?code=${params.get('code')}&state=${state}&iss=${encodeURIComponent(issuer)}`);
        const tokens = await oidc.authorizationCodeGrant(config, codeOnly, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
        expect(tokens.claims()!.nonce).toBe(nonce);
      }
    },
  );

  it('oidcc-ensure-request-without-nonce-fails for implicit: an id_token response without nonce is refused', async () => {
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, response_type: 'id_token', scope: 'openid', state: 's' });
    const callback = (await new UserAgent(running.url).follow(await new UserAgent(running.url).get(url))) as URL;
    expect(new URLSearchParams(callback.hash.slice(1)).get('error')).toBe('invalid_request');
  });

  it('pushed authorization requests (RFC 9126): the request is pushed, then referenced', async () => {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = await oidc.buildAuthorizationUrlWithPAR(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(url.searchParams.has('redirect_uri')).toBe(false);
    const callback = await new UserAgent(running.url).authorize(url, USER);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
    expect(tokens.access_token).toEqual(expect.any(String));
  });

  it('oidcc-max-age-1: an old session is asked to sign in again, and auth_time is returned', async () => {
    const agent = new UserAgent(running.url);
    const run = async (params: Record<string, string>) => {
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT,
        scope: 'openid',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ...params,
      });
      return { step: await agent.follow(await agent.get(url)), url, verifier };
    };
    const first = await run({});
    expect(first.step).toBeInstanceOf(Response);
    await agent.authorize(first.url, USER);
    // auth_time has a resolution of one second: wait past two ticks of it.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const again = await run({ max_age: '1' });
    expect(again.step).toBeInstanceOf(Response);
    expect(await (again.step as Response).text()).toContain('name="password"');
    const callback = await agent.authorize(again.url, USER);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: again.verifier, maxAge: 1 });
    expect(tokens.claims()!.auth_time).toEqual(expect.any(Number));
  });

  it('device authorization grant (RFC 8628): code shown, entered on the user-code page, signed in, polled', async () => {
    const tv = await createClient(running.url, issuerId, {
      client_name: 'Living-room TV',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
      response_types: [],
      token_endpoint_auth_method: 'none',
    });
    const tvConfig = await discover(issuer, tv.clientId, oidc.None());
    const device = await oidc.initiateDeviceAuthorization(tvConfig, { scope: 'openid' });
    expect(device.verification_uri).toBe(`${issuer}/device`);

    const agent = new UserAgent(running.url);
    const input = await (await agent.get(device.verification_uri)).text();
    expect(input).toContain('Enter the code shown on your device');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(input)![1];
    const confirm = await (await agent.post(`${issuer}/device`, { xsrf, user_code: device.user_code })).text();
    expect(confirm).toContain('Living-room TV');
    const confirmXsrf = /name="xsrf" value="([^"]+)"/.exec(confirm)![1];
    let step = await agent.follow(await agent.post(`${issuer}/device`, { xsrf: confirmXsrf, user_code: device.user_code, confirm: 'yes' }));
    for (let pages = 0; pages < 3 && step instanceof Response; pages++) {
      const html = await step.text();
      if (html.includes('Device connected')) break;
      const form = formOf(html);
      const fields = html.includes('name="password"') ? { _csrf: form.csrf, ...USER } : { _csrf: form.csrf };
      step = await agent.follow(await agent.post(form.action, fields));
    }
    const tokens = await oidc.pollDeviceAuthorizationGrant(tvConfig, { ...device, interval: 0.1 });
    expect(tokens.claims()!.iss).toBe(issuer);
  });
});
