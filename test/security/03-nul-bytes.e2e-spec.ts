import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi, adminError, oauthError } from '../helpers/admin-api.js';
import { freePort, TEST_ADMIN_KEY, TEST_KEK, tempDir } from '../helpers/app.js';
import { spawnPortcullis, type PortcullisProcess } from '../helpers/process.js';
import { createClient, createTenant } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const NUL = 'abc\u0000def';
const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';

/** pino's error and fatal levels. */
const isErrorLine = (line: string) => /"level":(50|60)\b/.test(line);

/**
 * PostgreSQL cannot hold a NUL character. A NUL in anything a caller presents (a token, a
 * code, a state, a session id, a cursor) is the caller's mistake, answered like any other
 * bad or unknown value, whichever way the value reaches the database (TypeORM or the raw
 * pool): never a 500, never an error-level log line. Runs the built process to read its log.
 */
describe('finding 3: a NUL byte gives an unauthenticated 500', () => {
  let proc: PortcullisProcess;
  let url: string;
  let issuerId: string;
  let issuer: string;
  let clientId: string;
  let clientSecret: string;

  beforeAll(async () => {
    const port = await freePort();
    proc = spawnPortcullis({
      NODE_ENV: 'test',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: inject('databaseUrl'),
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: TEST_KEK,
      DATA_DIR: await tempDir(),
      KEY_ROTATION_CHECK_SECONDS: '0',
      RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
      LOG_LEVEL: 'info',
    });
    url = await proc.listening;
    ({ issuerId, issuer } = await createTenant(url));
    ({ clientId, clientSecret } = (await createClient(url, issuerId, {
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token', DEVICE_CODE],
      token_endpoint_auth_method: 'client_secret_post',
    })) as { clientId: string; clientSecret: string });
  });
  afterAll(() => proc?.stop());

  const post = (path: string, form: Record<string, string>) =>
    fetch(`${issuer}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
  const auth = () => ({ client_id: clientId, client_secret: clientSecret });

  /** Each answer is JSON with an `error` of its own status, no server_error. */
  async function expectOAuthError(res: Response, status: number, error: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(oauthError(error));
  }

  it('userinfo: a NUL in the access token is an unknown token (401 invalid_token)', async () => {
    await expectOAuthError(await post('/userinfo', { access_token: NUL }), 401, 'invalid_token');
  });

  it('token endpoint: a NUL in a code, refresh token or device code is invalid_grant', async () => {
    await expectOAuthError(
      await post('/token', { ...auth(), grant_type: 'authorization_code', code: NUL, redirect_uri: REDIRECT, code_verifier: 'v'.repeat(43) }),
      400,
      'invalid_grant',
    );
    await expectOAuthError(await post('/token', { ...auth(), grant_type: 'refresh_token', refresh_token: NUL }), 400, 'invalid_grant');
    await expectOAuthError(await post('/token', { ...auth(), grant_type: DEVICE_CODE, device_code: NUL }), 400, 'invalid_grant');
  });

  it('introspection and revocation: a NUL token is an unknown token (RFC 7662: inactive; RFC 7009: 200)', async () => {
    const introspected = await post('/introspect', { ...auth(), token: NUL });
    expect(introspected.status).toBe(200);
    expect(await introspected.json()).toEqual({ active: false });
    expect((await post('/revoke', { ...auth(), token: NUL })).status).toBe(200);
  });

  it('authorize: a NUL in the query (state, request_uri, any parameter) is refused at the edge: 400 invalid_request', async () => {
    const params = {
      client_id: clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: REDIRECT,
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
    };
    await expectOAuthError(
      await fetch(`${issuer}/authorize?${new URLSearchParams({ ...params, state: NUL }).toString()}`, { redirect: 'manual' }),
      400,
      'invalid_request',
    );
    const requestUri = `urn:ietf:params:oauth:request_uri:${NUL}`;
    await expectOAuthError(
      await fetch(`${issuer}/authorize?${new URLSearchParams({ client_id: clientId, request_uri: requestUri }).toString()}`, { redirect: 'manual' }),
      400,
      'invalid_request',
    );
  });

  it('PAR: a NUL in a pushed state, which the edge cannot see, is invalid_request sent to the client', async () => {
    const params = {
      ...auth(),
      response_type: 'code',
      scope: 'openid',
      redirect_uri: REDIRECT,
      code_challenge: 'c'.repeat(43),
      code_challenge_method: 'S256',
      state: NUL,
    };
    // The pushed request is kept as a JWT, where the NUL is only base64: stored fine.
    const pushed = await post('/par', params);
    expect(pushed.status).toBe(201);
    const { request_uri } = (await pushed.json()) as { request_uri: string };
    const res = await fetch(`${issuer}/authorize?${new URLSearchParams({ client_id: clientId, request_uri }).toString()}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('device verification and interaction pages: a NUL user code or uid matches nothing', async () => {
    const device = await post('/device', { user_code: NUL });
    expect(device.status).toBeLessThan(500);
    const interaction = await fetch(`${url}/${issuerId}/interaction/${encodeURIComponent(NUL)}`, { redirect: 'manual' });
    expect(interaction.status).toBeGreaterThanOrEqual(400);
    expect(interaction.status).toBeLessThan(500);
  });

  it('admin API: a NUL in a session id or a cursor is a 422', async () => {
    const api = adminApi(url);
    expect(await api.delete(`/v1/tenants/${issuerId}/sessions/${encodeURIComponent(NUL)}`)).toMatchObject({
      status: 422,
      body: adminError('validation_failed'),
    });
    const cursor = Buffer.from(JSON.stringify({ k: NUL })).toString('base64url');
    const nul = encodeURIComponent(NUL);
    for (const path of [
      `/v1/tenants?cursor=${cursor}`,
      ...['sessions', 'clients', 'users', 'keys'].map((list) => `/v1/tenants/${issuerId}/${list}?cursor=${cursor}`),
      `/v1/tenants/${issuerId}/sessions?user_id=${nul}`,
      `/v1/tenants/${issuerId}/clients?client_name=${nul}`,
      `/v1/tenants/${issuerId}/users?username=${nul}`,
    ]) {
      expect(await api.get(path), path).toMatchObject({ status: 422, body: adminError('validation_failed') });
    }
    // In a body or a query, the 422 names each field.
    expect(
      await api.post(`/v1/tenants/${issuerId}/clients`, {
        client_name: `a${NUL}b`,
        redirect_uris: ['https://rp.example.com/cb', `https://rp.example.com/${NUL}`],
      }),
    ).toMatchObject({
      status: 422,
      body: adminError('validation_failed', expect.any(String), [
        expect.objectContaining({ field: 'client_name' }),
        expect.objectContaining({ field: 'redirect_uris[1]' }),
      ]),
    });
    expect((await api.get(`/v1/tenants/${issuerId}/users?username=${nul}`)).body.details).toEqual([expect.objectContaining({ field: 'username' })]);
    expect((await api.get(`/v1/tenants/${issuerId}/clients`)).body.items.some((client: { client_name?: string }) => client.client_name?.includes('defb'))).toBe(
      false,
    );
    // An id of the wrong shape may be judged before any lookup: no such resource.
    for (const path of [`/v1/tenants/${issuerId}/clients/${nul}`, `/v1/tenants/${issuerId}/users/${nul}`, `/v1/tenants/${nul}`]) {
      const reply = await api.get(path);
      expect([404, 422], path).toContain(reply.status);
      expect(reply.body).toEqual(
        adminError(reply.status === 404 ? 'not_found' : 'validation_failed', expect.any(String), reply.status === 404 ? undefined : expect.any(Array)),
      );
    }
  });

  it('logs none of this at error level', async () => {
    // The request lines are written when each response finishes: wait for the last one.
    const marker = await adminApi(url).get(`/v1/tenants/${issuerId}`);
    await proc.waitForLine(new RegExp(`"req_id":"${marker.headers.get('x-request-id')}"`), 5_000);
    expect(proc.stdout.filter(isErrorLine)).toEqual([]);
  });
});
