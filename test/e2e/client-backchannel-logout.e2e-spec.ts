import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi, adminError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { query } from '../helpers/db.js';
import { logoutReceiver, type LogoutReceiver } from '../helpers/logout-receiver.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const POST_LOGOUT_REDIRECT = 'https://rp.example.com/signed-out';
/** A public address, judged as written at registration (no DNS here) and never contacted by these tests. */
const PUBLIC_URI = 'https://1.1.1.1/backchannel-logout';
const USER = { username: 'bcl-admin', password: 'correct horse battery staple' };

/**
 * The back-channel logout members of client metadata through the admin API: accepted, read
 * back and removed; refused with a 422 naming the field when malformed, on a fragment, on a
 * private address (CLIENT_URIS_ALLOW_PRIVATE unset) and, in production, over plain http. And
 * the same address rule at delivery, for a URI stored before it.
 */
describe('client metadata: backchannel_logout_uri, backchannel_logout_session_required', () => {
  let strict: RunningApp;
  let production: RunningApp;

  beforeAll(async () => {
    strict = await startApp();
    // ALLOW_INSECURE_PUBLIC_URL: the test serves plain http on loopback, as production never should.
    production = await startApp({ NODE_ENV: 'production', ALLOW_INSECURE_PUBLIC_URL: 'true' });
  });
  afterAll(async () => {
    await Promise.all([strict?.close(), production?.close()]);
  });

  it('registers both, reads them back, updates them, and null removes them', async () => {
    const { issuerId } = await createTenant(strict.url);
    const api = adminApi(strict.url);
    const created = await api.post(`/v1/tenants/${issuerId}/clients`, {
      redirect_uris: [REDIRECT],
      backchannel_logout_uri: PUBLIC_URI,
      backchannel_logout_session_required: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ backchannel_logout_uri: PUBLIC_URI, backchannel_logout_session_required: true });
    const path = `/v1/tenants/${issuerId}/clients/${created.body.client_id}`;
    expect((await api.get(path)).body).toMatchObject({ backchannel_logout_uri: PUBLIC_URI, backchannel_logout_session_required: true });

    const updated = await api.patch(path, { backchannel_logout_uri: `${PUBLIC_URI}?tenant=acme`, backchannel_logout_session_required: false });
    expect(updated.status).toBe(200);
    expect((await api.get(path)).body).toMatchObject({ backchannel_logout_uri: `${PUBLIC_URI}?tenant=acme`, backchannel_logout_session_required: false });

    expect((await api.patch(path, { backchannel_logout_uri: null, backchannel_logout_session_required: null })).status).toBe(200);
    const removed = (await api.get(path)).body;
    expect(removed).not.toHaveProperty('backchannel_logout_uri');
    expect(removed).not.toHaveProperty('backchannel_logout_session_required');
  });

  it.each([
    ['a number', { backchannel_logout_uri: 42 }, 'backchannel_logout_uri', /must be a URI/],
    ['not a boolean', { backchannel_logout_session_required: 'yes' }, 'backchannel_logout_session_required', /must be a boolean/],
    ['not a URI', { backchannel_logout_uri: 'not a uri' }, 'backchannel_logout_uri', /web uri/],
    ['another scheme', { backchannel_logout_uri: 'ftp://1.1.1.1/logout' }, 'backchannel_logout_uri', /web uri/],
    ['a fragment', { backchannel_logout_uri: `${PUBLIC_URI}#logout` }, 'backchannel_logout_uri', /fragment/],
    ['an empty fragment', { backchannel_logout_uri: `${PUBLIC_URI}#` }, 'backchannel_logout_uri', /fragment/],
    ['a user name and password', { backchannel_logout_uri: 'https://rp:secret@1.1.1.1/logout' }, 'backchannel_logout_uri', /user name or password/],
    ['trailing whitespace', { backchannel_logout_uri: `${PUBLIC_URI} ` }, 'backchannel_logout_uri', /whitespace/],
    ['a loopback address', { backchannel_logout_uri: 'http://127.0.0.1:8080/logout' }, 'backchannel_logout_uri', /public address/],
    ['localhost', { backchannel_logout_uri: 'https://localhost/logout' }, 'backchannel_logout_uri', /public address/],
    ['cloud metadata', { backchannel_logout_uri: 'http://169.254.169.254/latest/meta-data' }, 'backchannel_logout_uri', /public address/],
    ['a private network', { backchannel_logout_uri: 'https://10.0.0.7/logout' }, 'backchannel_logout_uri', /public address/],
    ['IPv6 loopback', { backchannel_logout_uri: 'https://[::1]/logout' }, 'backchannel_logout_uri', /public address/],
    ['IPv4-mapped loopback', { backchannel_logout_uri: 'https://[::ffff:127.0.0.1]/logout' }, 'backchannel_logout_uri', /public address/],
  ])('refuses %s with a 422 naming the field, at registration and on update', async (_case, metadata, field, message) => {
    const { issuerId } = await createTenant(strict.url);
    const api = adminApi(strict.url);
    const created = await api.post(`/v1/tenants/${issuerId}/clients`, { redirect_uris: [REDIRECT], ...metadata });
    expect(created).toMatchObject({
      status: 422,
      body: adminError('validation_failed', expect.any(String), [{ field, message: expect.stringMatching(message) }]),
    });
    const { clientId } = await createClient(strict.url, issuerId, { redirect_uris: [REDIRECT] });
    const updated = await api.patch(`/v1/tenants/${issuerId}/clients/${clientId}`, metadata);
    expect(updated).toMatchObject({ status: 422, body: { details: [{ field, message: expect.stringMatching(message) }] } });
  });

  it('in production, only https, whatever the application type', async () => {
    const { issuerId } = await createTenant(production.url);
    const api = adminApi(production.url);
    for (const applicationType of ['web', 'native']) {
      const plain = await api.post(`/v1/tenants/${issuerId}/clients`, {
        application_type: applicationType,
        redirect_uris: [applicationType === 'web' ? REDIRECT : 'http://127.0.0.1/cb'],
        backchannel_logout_uri: 'http://1.1.1.1/backchannel-logout',
      });
      expect(plain, applicationType).toMatchObject({
        status: 422,
        body: adminError('validation_failed', expect.any(String), [{ field: 'backchannel_logout_uri', message: 'must use https' }]),
      });
    }
    const secure = await api.post(`/v1/tenants/${issuerId}/clients`, { redirect_uris: [REDIRECT], backchannel_logout_uri: PUBLIC_URI });
    expect(secure.status).toBe(201);
  });

  describe('at delivery, a URI stored before the rule gets nothing on a private address', () => {
    let rp: LogoutReceiver;
    beforeAll(async () => (rp = await logoutReceiver()));
    afterAll(() => rp?.close());

    it('neither RP-initiated logout nor an admin ending the session reaches it; both still sign the user out', async () => {
      const { issuerId, issuer } = await createTenant(strict.url);
      await adminApi(strict.url).post(`/v1/tenants/${issuerId}/users`, USER);
      const { clientId, clientSecret } = await createClient(strict.url, issuerId, {
        redirect_uris: [REDIRECT],
        post_logout_redirect_uris: [POST_LOGOUT_REDIRECT],
        backchannel_logout_uri: PUBLIC_URI,
      });
      // As a row written before registration judged backchannel_logout_uri (or a name whose DNS answer changed).
      await query(
        inject('databaseUrl'),
        `UPDATE clients SET metadata = metadata || jsonb_build_object('backchannel_logout_uri', $3::text) WHERE tenant_id = $1 AND client_id = $2`,
        [issuerId, clientId, rp.uri()],
      );
      const config = await discover(issuer, clientId, oidc.ClientSecretBasic(clientSecret));
      const signIn = async () => {
        const agent = new UserAgent(strict.url);
        const { url, checks } = await authorizationRequest(config, REDIRECT);
        const tokens = await oidc.authorizationCodeGrant(config, await agent.authorize(url, USER), checks);
        return { agent, tokens };
      };
      const promptNone = async (agent: UserAgent) => {
        const { url } = await authorizationRequest(config, REDIRECT, { prompt: 'none' });
        return ((await agent.follow(await agent.get(url))) as URL).searchParams.get('error');
      };

      const first = await signIn();
      const endSession = oidc.buildEndSessionUrl(config, { id_token_hint: first.tokens.id_token!, post_logout_redirect_uri: POST_LOGOUT_REDIRECT });
      const html = await ((await first.agent.follow(await first.agent.get(endSession))) as Response).text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)![1];
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
      const done = (await first.agent.follow(await first.agent.post(action, { xsrf, logout: 'yes' }))) as URL;
      expect(`${done.origin}${done.pathname}`).toBe(POST_LOGOUT_REDIRECT);
      expect(await promptNone(first.agent)).toBe('login_required');

      const second = await signIn();
      const api = adminApi(strict.url);
      const [session] = (await api.get(`/v1/tenants/${issuerId}/sessions`)).body.items as { session_id: string }[];
      expect((await api.delete(`/v1/tenants/${issuerId}/sessions/${session.session_id}`)).status).toBe(204);
      expect(await promptNone(second.agent)).toBe('login_required');

      expect(rp.server.requests).toEqual([]);
    });
  });
});
