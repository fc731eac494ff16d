import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { approveDevice, UserAgent } from '../helpers/browserless.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'ada', password: 'correct horse battery staple' };
type Metadata = Record<string, string[] | string | boolean>;

/**
 * Nothing is advertised that does not work: this reads the issuer's discovery document and
 * exercises every grant type, response type, response mode, client authentication method and
 * endpoint it lists. A member it does not know how to exercise fails the test.
 */
describe('everything the discovery document advertises works', () => {
  let running: RunningApp;
  let issuer: string;
  let issuerId: string;
  let metadata: Metadata;

  beforeAll(async () => {
    running = await startApp();
    ({ issuer, issuerId } = await createTenant(running.url));
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER);
    metadata = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Metadata;
  });
  afterAll(() => running.close());

  /** Signs in through the browserless agent and returns what came back to the client. */
  async function authorize(config: oidc.Configuration, params: Record<string, string>) {
    const verifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      ...params,
    });
    const callback = await new UserAgent(running.url).authorize(url, USER);
    const values = params.response_mode === 'fragment' ? new URLSearchParams(callback.hash.slice(1)) : callback.searchParams;
    return { values, callback, checks: { pkceCodeVerifier: verifier, expectedNonce: nonce } };
  }

  async function browserClient(extra: Record<string, unknown> = {}) {
    const client = await createClient(running.url, issuerId, {
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'implicit', 'refresh_token'],
      response_types: metadata.response_types_supported,
      scope: 'openid offline_access',
      ...extra,
    });
    return discover(issuer, client.clientId, oidc.ClientSecretBasic(client.clientSecret));
  }

  it('every response type, in every response mode it may use', async () => {
    const config = await browserClient();
    for (const responseType of metadata.response_types_supported as string[]) {
      for (const mode of metadata.response_modes_supported as string[]) {
        // query cannot carry tokens (OAuth 2.0 Multiple Response Types §3.0).
        if (mode === 'query' && responseType !== 'code') continue;
        const { values } = await authorize(config, { response_type: responseType, response_mode: mode });
        for (const part of responseType.split(' '))
          expect(values.get(part === 'token' ? 'access_token' : part), `${responseType} ${mode}`).toEqual(expect.any(String));
      }
    }
  });

  it('every grant type', async () => {
    const exercised = new Set<string>();
    const config = await browserClient();
    const run: Record<string, () => Promise<void>> = {
      authorization_code: async () => {
        const { callback, checks } = await authorize(config, { prompt: 'consent', scope: 'openid offline_access' });
        const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
        expect(tokens.refresh_token).toEqual(expect.any(String));
        exercised.add('authorization_code');
        await oidc.refreshTokenGrant(config, tokens.refresh_token!);
        exercised.add('refresh_token');
      },
      refresh_token: async () => undefined,
      implicit: async () => {
        expect((await authorize(config, { response_type: 'id_token', response_mode: 'fragment' })).values.get('id_token')).toEqual(expect.any(String));
        exercised.add('implicit');
      },
      client_credentials: async () => {
        const machine = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
        await oidc.clientCredentialsGrant(await discover(issuer, machine.clientId, oidc.ClientSecretBasic(machine.clientSecret)));
        exercised.add('client_credentials');
      },
      'urn:ietf:params:oauth:grant-type:device_code': async () => {
        const tv = await createClient(running.url, issuerId, {
          grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
          response_types: [],
          token_endpoint_auth_method: 'none',
        });
        const tvConfig = await discover(issuer, tv.clientId, oidc.None());
        const device = await oidc.initiateDeviceAuthorization(tvConfig, { scope: 'openid' });
        await approveDevice(new UserAgent(running.url), device.verification_uri, device.user_code, USER);
        await oidc.pollDeviceAuthorizationGrant(tvConfig, { ...device, interval: 0.1 });
        exercised.add('urn:ietf:params:oauth:grant-type:device_code');
      },
    };
    for (const grant of metadata.grant_types_supported as string[]) {
      expect(run[grant], `no way to exercise advertised grant ${grant}`).toBeDefined();
      await run[grant]();
    }
    expect([...exercised].sort()).toEqual([...(metadata.grant_types_supported as string[])].sort());
  });

  it('every client authentication method of the token endpoint', async () => {
    for (const method of metadata.token_endpoint_auth_methods_supported as string[]) {
      if (method === 'none') {
        const pub = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
        const config = await discover(issuer, pub.clientId, oidc.None());
        const { callback, checks } = await authorize(config, {});
        await oidc.authorizationCodeGrant(config, callback, checks);
        continue;
      }
      if (method === 'private_key_jwt') {
        const { publicKey, privateKey } = await generateKeyPair('ES256');
        const jwk = { ...(await exportJWK(publicKey)), alg: 'ES256', use: 'sig', kid: 'k' };
        const client = await createClient(running.url, issuerId, {
          grant_types: ['client_credentials'],
          token_endpoint_auth_method: method,
          jwks: { keys: [jwk] },
        });
        await oidc.clientCredentialsGrant(await discover(issuer, client.clientId, oidc.PrivateKeyJwt({ key: privateKey, kid: 'k' })));
        continue;
      }
      const auth = { client_secret_basic: oidc.ClientSecretBasic, client_secret_post: oidc.ClientSecretPost, client_secret_jwt: oidc.ClientSecretJwt }[method];
      expect(auth, `no way to exercise advertised auth method ${method}`).toBeDefined();
      const client = await createClient(running.url, issuerId, { grant_types: ['client_credentials'], token_endpoint_auth_method: method });
      await oidc.clientCredentialsGrant(await discover(issuer, client.clientId, auth!(client.clientSecret)));
    }
  });

  it('every advertised endpoint answers its method (no 404, no 405, no 5xx)', async () => {
    const method: Record<string, string> = {
      authorization_endpoint: 'GET',
      token_endpoint: 'POST',
      userinfo_endpoint: 'GET',
      jwks_uri: 'GET',
      end_session_endpoint: 'GET',
      introspection_endpoint: 'POST',
      revocation_endpoint: 'POST',
      pushed_authorization_request_endpoint: 'POST',
      device_authorization_endpoint: 'POST',
    };
    const endpoints = Object.keys(metadata).filter((member) => member.endsWith('_endpoint') || member === 'jwks_uri');
    expect(endpoints.sort()).toEqual(Object.keys(method).sort());
    for (const member of endpoints) {
      const res = await fetch(metadata[member] as string, {
        method: method[member],
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: method[member] === 'POST' ? '' : undefined,
      });
      expect([404, 405].includes(res.status) || res.status >= 500, `${member} ${res.status}`).toBe(false);
    }
    expect((await fetch(metadata.service_documentation as string)).status).toBe(200);
  });
});
