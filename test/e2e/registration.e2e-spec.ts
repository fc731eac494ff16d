import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi, adminError, oauthError } from '../helpers/admin-api.js';
import { startApp, tempDir, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { query } from '../helpers/db.js';
import { authorizationRequest, createTenant, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'jane', password: 'correct horse battery staple' };

/** A JSON call to a public route, as a relying party's registration code makes it. */
async function call(method: string, url: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const res = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** The audit events of one action at one tenant, newest first. */
async function events(baseUrl: string, issuerId: string, action: string) {
  return (await adminApi(baseUrl).get(`/v1/tenants/${issuerId}/audit-events?action=${action}`)).body.items as Record<string, any>[];
}

/** A tenant with this registration policy; its issuer URL and registration endpoint. */
async function tenantWith(app: RunningApp, registration: string) {
  const { issuerId, issuer } = await createTenant(app.url, { registration });
  return { issuerId, issuer, endpoint: `${issuer}/register` };
}

const issueToken = async (app: RunningApp, issuerId: string, body: Record<string, unknown> = {}) => {
  const reply = await adminApi(app.url).post(`/v1/tenants/${issuerId}/initial-access-tokens`, body);
  expect(reply.status).toBe(201);
  return reply.body as { id: string; initial_access_token: string; single_use: boolean; created_at: string; expires_at: string | null };
};

/**
 * Dynamic client registration (RFC 7591) and its management (RFC 7592), per tenant; tests named
 * after the OpenID conformance modules they stand for.
 */
describe('dynamic client registration', () => {
  let app: RunningApp; // the default address policy
  let local: RunningApp; // loopback allowed, a private CA trusted, a small registration budget
  let sectorServer: Server;
  let sectorUrl: string;
  let sectorDocument: string[] = [];
  const sectorRequests: string[] = [];

  beforeAll(async () => {
    // The sector identifier document must be https (OIDC Registration §2): a loopback server with a certificate of its own.
    const dir = await tempDir('portcullis-sector-');
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
    sectorServer = createServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
      sectorRequests.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(sectorDocument));
    });
    await new Promise<void>((resolve) => sectorServer.listen(0, '127.0.0.1', resolve));
    sectorUrl = `https://127.0.0.1:${(sectorServer.address() as AddressInfo).port}/sector.json`;
    app = await startApp();
    local = await startApp({ CLIENT_URIS_ALLOW_PRIVATE: 'true', CLIENT_URIS_CA_FILE: cert, RATE_LIMIT_REGISTRATION_PER_MINUTE: '4' });
  });
  afterAll(async () => {
    sectorServer?.closeAllConnections();
    sectorServer?.close();
    await Promise.all([app?.close(), local?.close()]);
  });

  describe('the tenant option', () => {
    it('is off by default, shown and changed through the tenant routes, and validated', async () => {
      const api = adminApi(app.url);
      const { issuerId } = await createTenant(app.url);
      expect((await api.get(`/v1/tenants/${issuerId}`)).body).toMatchObject({ registration: 'off' });
      expect((await api.patch(`/v1/tenants/${issuerId}`, { registration: 'open' })).body).toMatchObject({ registration: 'open' });
      expect(await api.patch(`/v1/tenants/${issuerId}`, { registration: 'anyone' })).toMatchObject({
        status: 422,
        body: adminError('validation_failed', expect.any(String), [
          { field: 'registration', message: expect.stringMatching(/off, initial_access_token, open/) },
        ]),
      });
      expect((await api.post('/v1/tenants', { issuer_id: `${issuerId}-x`, registration: null })).status).toBe(422);
    });

    it('off: no registration_endpoint, and the endpoint answers 404 whatever the method', async () => {
      const { issuer, endpoint } = await tenantWith(app, 'off');
      const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      expect(discovery).not.toHaveProperty('registration_endpoint');
      for (const method of ['POST', 'GET', 'PUT']) {
        expect(await call(method, endpoint, { body: method === 'GET' ? undefined : { redirect_uris: [REDIRECT] } })).toMatchObject({
          status: 404,
          body: oauthError('not_found'),
        });
      }
      expect((await call('GET', `${endpoint}/some-client`)).status).toBe(404);
    });

    it('switching to initial_access_token advertises the endpoint at once; back to off removes it', async () => {
      const { issuerId, issuer } = await tenantWith(app, 'off');
      const metadata = async () => (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      await metadata();
      await adminApi(app.url).patch(`/v1/tenants/${issuerId}`, { registration: 'initial_access_token' });
      expect(await metadata()).toMatchObject({ registration_endpoint: `${issuer}/register` });
      await adminApi(app.url).patch(`/v1/tenants/${issuerId}`, { registration: 'off' });
      expect(await metadata()).not.toHaveProperty('registration_endpoint');
    });
  });

  describe('initial_access_token', () => {
    let issuerId: string;
    let issuer: string;
    let endpoint: string;

    beforeAll(async () => {
      ({ issuerId, issuer, endpoint } = await tenantWith(app, 'initial_access_token'));
      expect((await adminApi(app.url).post(`/v1/tenants/${issuerId}/users`, USER)).status).toBe(201);
    });

    it('without a token, or with a wrong one: 401 invalid_token, and nothing registered', async () => {
      const before = (await adminApi(app.url).get(`/v1/tenants/${issuerId}/clients`)).body.items.length;
      for (const token of [undefined, 'not-a-token']) {
        const reply = await call('POST', endpoint, { token, body: { redirect_uris: [REDIRECT] } });
        expect(reply).toMatchObject({ status: 401, body: oauthError('invalid_token') });
        expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /);
      }
      expect((await adminApi(app.url).get(`/v1/tenants/${issuerId}/clients`)).body.items.length).toBe(before);
    });

    it('oidcc-server: openid-client registers with a token (201), and the client signs a user in with the code flow', async () => {
      const { initial_access_token } = await issueToken(app, issuerId);
      const config = await oidc.dynamicClientRegistration(
        new URL(issuer),
        { client_name: 'Dynamic RP', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_post', scope: 'openid profile' },
        undefined,
        { initialAccessToken: initial_access_token, execute: [oidc.allowInsecureRequests] },
      );
      const registered = config.clientMetadata();
      expect(registered).toMatchObject({
        client_id: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
        client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        client_secret_expires_at: 0,
        client_id_issued_at: expect.any(Number),
        registration_access_token: expect.any(String),
        registration_client_uri: `${endpoint}/${registered.client_id}`,
      });

      const { url, checks } = await authorizationRequest(config, REDIRECT);
      const callback = await new UserAgent(app.url).authorize(url, USER);
      const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
      expect(tokens.claims()).toMatchObject({ iss: issuer, aud: registered.client_id });

      // Visible in the admin API like any client, never with its secret.
      const read = await adminApi(app.url).get(`/v1/tenants/${issuerId}/clients/${registered.client_id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        client_id: registered.client_id,
        client_name: 'Dynamic RP',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      });
      expect(JSON.stringify(read.body)).not.toContain(registered.client_secret as string);

      // The secret is sealed at rest, like an admin-made client's.
      const [row] = await query<{ client_secret: string; metadata: unknown }>(
        inject('databaseUrl'),
        'SELECT client_secret, metadata FROM clients WHERE tenant_id = $1 AND client_id = $2',
        [issuerId, registered.client_id],
      );
      expect(row.client_secret).toMatch(/^v1\./);
      expect(row.client_secret).not.toContain(registered.client_secret as string);
      expect(JSON.stringify(row.metadata)).not.toContain(registered.client_secret as string);

      const [event] = (await events(app.url, issuerId, 'client.registered')).filter((e) => e.resource_id === registered.client_id);
      expect(event).toMatchObject({ actor_type: 'client', actor_id: registered.client_id, actor_name: 'Dynamic RP', resource_type: 'client' });
      expect(JSON.stringify(event)).not.toContain(registered.client_secret as string);
    });

    it('tokens are stored as hashes only; listed, revoked, and audited', async () => {
      const api = adminApi(app.url);
      const token = await issueToken(app, issuerId, { expires_in: 3600 });
      expect(token).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{64}$/),
        initial_access_token: expect.any(String),
        single_use: false,
        created_at: expect.any(String),
        expires_at: expect.any(String),
      });
      const rows = await query<{ id_hash: string; payload: unknown }>(
        inject('databaseUrl'),
        `SELECT id_hash, payload FROM oidc_payloads WHERE tenant_id = $1 AND kind = 'InitialAccessToken'`,
        [issuerId],
      );
      expect(rows.map((row) => row.id_hash)).toContain(token.id);
      expect(JSON.stringify(rows)).not.toContain(token.initial_access_token);

      const listed = (await api.get(`/v1/tenants/${issuerId}/initial-access-tokens?limit=200`)).body.items;
      expect(listed).toContainEqual({ id: token.id, single_use: false, created_at: expect.any(String), expires_at: token.expires_at });
      expect(JSON.stringify(listed)).not.toContain(token.initial_access_token);

      expect((await api.delete(`/v1/tenants/${issuerId}/initial-access-tokens/${token.id}`)).status).toBe(204);
      expect((await api.delete(`/v1/tenants/${issuerId}/initial-access-tokens/${token.id}`)).status).toBe(404);
      expect((await api.delete(`/v1/tenants/${issuerId}/initial-access-tokens/not-an-id`)).status).toBe(404);
      expect(await call('POST', endpoint, { token: token.initial_access_token, body: { redirect_uris: [REDIRECT] } })).toMatchObject({ status: 401 });
      expect((await events(app.url, issuerId, 'initial_access_token.created')).map((e) => e.resource_id)).toContain(token.id);
      expect((await events(app.url, issuerId, 'initial_access_token.revoked')).map((e) => e.resource_id)).toContain(token.id);
      expect((await api.post(`/v1/tenants/${issuerId}/initial-access-tokens`, { expires_in: 5 })).status).toBe(422);
      expect((await api.post('/v1/tenants/no-such-tenant/initial-access-tokens', {})).status).toBe(404);
    });

    it('a single-use token registers one client, then is gone', async () => {
      const token = await issueToken(app, issuerId, { single_use: true });
      expect(token.single_use).toBe(true);
      const first = await call('POST', endpoint, { token: token.initial_access_token, body: { redirect_uris: [REDIRECT] } });
      expect(first.status).toBe(201);
      // Registration access tokens do not inherit the policy: the client manages itself as usual.
      expect((await call('GET', first.body.registration_client_uri, { token: first.body.registration_access_token })).status).toBe(200);
      expect(await call('POST', endpoint, { token: token.initial_access_token, body: { redirect_uris: [REDIRECT] } })).toMatchObject({
        status: 401,
        body: oauthError('invalid_token'),
      });
      const listed = (await adminApi(app.url).get(`/v1/tenants/${issuerId}/initial-access-tokens?limit=200`)).body.items;
      expect(listed.map((item: { id: string }) => item.id)).not.toContain(token.id);
      const [event] = (await events(app.url, issuerId, 'client.registered')).filter((e) => e.resource_id === first.body.client_id);
      expect(event.after).toMatchObject({ initial_access_token_id: token.id });
    });

    it('a single-use token presented by several registrations at once registers exactly one client', async () => {
      const { initial_access_token } = await issueToken(app, issuerId, { single_use: true });
      const replies = await Promise.all(
        Array.from({ length: 5 }, () => call('POST', endpoint, { token: initial_access_token, body: { redirect_uris: [REDIRECT] } })),
      );
      expect(replies.map((reply) => reply.status).sort()).toEqual([201, 401, 401, 401, 401]);
    });

    it('a single-use token spent on a refused registration stays usable', async () => {
      const token = await issueToken(app, issuerId, { single_use: true });
      const refused = await call('POST', endpoint, {
        token: token.initial_access_token,
        body: { redirect_uris: [REDIRECT], jwks_uri: 'https://10.0.0.7/jwks' },
      });
      expect(refused.status).toBe(400);
      expect((await call('POST', endpoint, { token: token.initial_access_token, body: { redirect_uris: [REDIRECT] } })).status).toBe(201);
    });

    it("another tenant's initial access token is refused", async () => {
      const other = await tenantWith(app, 'initial_access_token');
      const { initial_access_token } = await issueToken(app, other.issuerId);
      expect(await call('POST', endpoint, { token: initial_access_token, body: { redirect_uris: [REDIRECT] } })).toMatchObject({
        status: 401,
        body: oauthError('invalid_token'),
      });
      expect((await call('POST', other.endpoint, { token: initial_access_token, body: { redirect_uris: [REDIRECT] } })).status).toBe(201);
    });
  });

  describe('open', () => {
    let issuerId: string;
    let endpoint: string;

    beforeAll(async () => {
      ({ issuerId, endpoint } = await tenantWith(app, 'open'));
    });

    it('registers without a token: 201 with the RFC 7591 answer', async () => {
      const reply = await call('POST', endpoint, { body: { client_name: 'Open RP', redirect_uris: [REDIRECT] } });
      expect(reply.status).toBe(201);
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.body).toMatchObject({
        client_id: expect.any(String),
        client_secret: expect.any(String),
        client_secret_expires_at: 0,
        client_name: 'Open RP',
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'client_secret_basic',
        registration_client_uri: `${endpoint}/${reply.body.client_id}`,
        registration_access_token: expect.any(String),
      });
    });

    it('a registered client is managed like any other: changed, exported and imported through the admin API', async () => {
      const { issuerId: source, endpoint: sourceEndpoint } = await tenantWith(app, 'open');
      const metadata = {
        client_name: 'Exported RP',
        redirect_uris: [REDIRECT],
        initiate_login_uri: 'https://rp.example.com/login',
        userinfo_signed_response_alg: 'RS256',
        require_auth_time: true,
      };
      const created = await call('POST', sourceEndpoint, { body: metadata });
      expect(created.status).toBe(201);
      const api = adminApi(app.url);
      expect((await api.patch(`/v1/tenants/${source}/clients/${created.body.client_id}`, { client_name: 'Renamed RP' })).status).toBe(200);
      const exported = (await api.get(`/v1/tenants/${source}/export`)).body;
      const target = `${source}-copy`;
      const imported = await api.post('/v1/tenants/import', { ...exported, tenant: { ...exported.tenant, issuer_id: target } });
      expect(imported.status).toBe(201);
      expect(imported.body.tenant).toMatchObject({ registration: 'open' });
      expect(imported.body.clients).toEqual([expect.objectContaining({ ...metadata, client_name: 'Renamed RP', client_id: created.body.client_id })]);
    });

    it('oidcc-redirect-uri-regfrag: a redirect_uri with a fragment is refused with invalid_redirect_uri', async () => {
      const reply = await call('POST', endpoint, { body: { redirect_uris: ['https://rp.example.com/cb#fragment'] } });
      expect(reply).toMatchObject({ status: 400, body: oauthError('invalid_redirect_uri') });
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it.each([
      [{ redirect_uris: ['https://user@rp.example.com/cb'] }, 'invalid_redirect_uri', /redirect_uris\[0\] must not carry a user name/],
      [{ redirect_uris: [REDIRECT], jwks_uri: 'https://10.0.0.7/jwks' }, 'invalid_client_metadata', /jwks_uri must be on a public address/],
      [{ redirect_uris: [REDIRECT], jwks_uri: 'https://localhost/jwks' }, 'invalid_client_metadata', /jwks_uri must be on a public address/],
      [{ redirect_uris: [REDIRECT], logo_uri: 'https://169.254.169.254/logo.png' }, 'invalid_client_metadata', /logo_uri must not point at/],
      [{ redirect_uris: [REDIRECT], policy_uri: 'http://127.0.0.1/policy' }, 'invalid_client_metadata', /policy_uri must not point at/],
      [{ redirect_uris: [REDIRECT], tos_uri: 'https://[::1]/tos' }, 'invalid_client_metadata', /tos_uri must not point at/],
      [{ redirect_uris: [REDIRECT], client_uri: 'https://localhost:8443/' }, 'invalid_client_metadata', /client_uri must not point at/],
      [{ redirect_uris: [REDIRECT], initiate_login_uri: 'https://192.168.1.1/login' }, 'invalid_client_metadata', /initiate_login_uri must not point at/],
      [{ redirect_uris: [REDIRECT], resource_server_audiences: ['https://api.example.com'] }, 'invalid_client_metadata', /granted by an administrator/],
      [{ redirect_uris: [REDIRECT], allowed_resources: ['https://api.example.com'] }, 'invalid_client_metadata', /granted by an administrator/],
    ])('refuses %j with %s, as the admin API would, registering nothing', async (metadata, error, description) => {
      const before = (await adminApi(app.url).get(`/v1/tenants/${issuerId}/clients?limit=200`)).body.items.length;
      const reply = await call('POST', endpoint, { body: metadata });
      expect(reply).toMatchObject({ status: 400, body: { error, error_description: expect.stringMatching(description) } });
      expect((await adminApi(app.url).get(`/v1/tenants/${issuerId}/clients?limit=200`)).body.items.length).toBe(before);
    });

    it('decides under the tenant lock: a grant withdrawn, or registration switched off, before this replica rebuilt its provider', async () => {
      const stale = await tenantWith(app, 'open');
      // The provider is built (by the discovery request) and serving; then the tenant changes as on another replica whose notice has not arrived (no version bump).
      expect((await fetch(`${stale.issuer}/.well-known/openid-configuration`)).status).toBe(200);
      const databaseUrl = inject('databaseUrl');
      await query(databaseUrl, `UPDATE tenants SET grant_types = '{authorization_code,refresh_token}' WHERE issuer_id = $1`, [stale.issuerId]);
      const machine = { grant_types: ['client_credentials'], response_types: [] };
      expect(await call('POST', stale.endpoint, { body: machine })).toMatchObject({
        status: 400,
        body: { error: 'invalid_client_metadata', error_description: expect.stringMatching(/grant_types client_credentials is not allowed/) },
      });
      await query(databaseUrl, `UPDATE tenants SET registration = 'off' WHERE issuer_id = $1`, [stale.issuerId]);
      expect(await call('POST', stale.endpoint, { body: { redirect_uris: [REDIRECT] } })).toMatchObject({ status: 404, body: oauthError('not_found') });
    });

    it('refuses a grant type the tenant does not allow', async () => {
      const narrow = await tenantWith(app, 'open');
      await adminApi(app.url).patch(`/v1/tenants/${narrow.issuerId}`, { grant_types: ['authorization_code', 'refresh_token'] });
      const reply = await call('POST', narrow.endpoint, { body: { grant_types: ['client_credentials'], response_types: [] } });
      expect(reply).toMatchObject({ status: 400, body: oauthError('invalid_client_metadata') });
    });
  });

  describe('RFC 7592 management with the registration access token', () => {
    it('reads, updates (rotating the token) and deletes its own registration; audited as the client', async () => {
      const { issuerId, endpoint } = await tenantWith(app, 'open');
      const created = (await call('POST', endpoint, { body: { client_name: 'Managed', redirect_uris: [REDIRECT] } })).body;
      const uri = created.registration_client_uri as string;
      let token = created.registration_access_token as string;

      const read = await call('GET', uri, { token });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        client_id: created.client_id,
        client_secret: created.client_secret,
        client_secret_expires_at: 0,
        client_id_issued_at: expect.any(Number),
        client_name: 'Managed',
        registration_client_uri: uri,
        registration_access_token: token,
      });

      const updated = await call('PUT', uri, {
        token,
        body: { client_id: created.client_id, client_name: 'Managed, renamed', redirect_uris: [REDIRECT, 'https://rp.example.com/cb2'] },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ client_name: 'Managed, renamed', client_secret: created.client_secret });
      expect(updated.body.registration_access_token).not.toBe(token);
      expect((await call('GET', uri, { token })).status).toBe(401);
      token = updated.body.registration_access_token;
      expect((await adminApi(app.url).get(`/v1/tenants/${issuerId}/clients/${created.client_id}`)).body).toMatchObject({
        client_name: 'Managed, renamed',
        redirect_uris: [REDIRECT, 'https://rp.example.com/cb2'],
      });
      const [event] = (await events(app.url, issuerId, 'client.updated')).filter((e) => e.resource_id === created.client_id);
      expect(event).toMatchObject({
        actor_type: 'client',
        actor_id: created.client_id,
        before: { client_name: 'Managed' },
        after: { client_name: 'Managed, renamed' },
      });

      // An update is judged like a registration.
      expect(await call('PUT', uri, { token, body: { client_id: created.client_id, redirect_uris: ['https://rp.example.com/cb#frag'] } })).toMatchObject({
        status: 400,
        body: oauthError('invalid_redirect_uri'),
      });

      expect((await call('DELETE', uri, { token })).status).toBe(204);
      expect((await adminApi(app.url).get(`/v1/tenants/${issuerId}/clients/${created.client_id}`)).status).toBe(404);
      expect((await call('GET', uri, { token })).status).toBe(401);
      expect((await events(app.url, issuerId, 'client.deleted')).filter((e) => e.resource_id === created.client_id)).toEqual([
        expect.objectContaining({ actor_type: 'client', actor_id: created.client_id }),
      ]);
      const tokens = await query(
        inject('databaseUrl'),
        `SELECT 1 FROM oidc_payloads WHERE tenant_id = $1 AND kind = 'RegistrationAccessToken' AND payload->>'clientId' = $2`,
        [issuerId, created.client_id],
      );
      expect(tokens).toEqual([]);
    });

    it('a client deleted through the admin API takes its registration access tokens with it', async () => {
      const { issuerId, endpoint } = await tenantWith(app, 'open');
      const created = (await call('POST', endpoint, { body: { redirect_uris: [REDIRECT] } })).body;
      expect((await adminApi(app.url).delete(`/v1/tenants/${issuerId}/clients/${created.client_id}`)).status).toBe(204);
      const tokens = await query(
        inject('databaseUrl'),
        `SELECT 1 FROM oidc_payloads WHERE tenant_id = $1 AND kind = 'RegistrationAccessToken' AND payload->>'clientId' = $2`,
        [issuerId, created.client_id],
      );
      expect(tokens).toEqual([]);
      expect((await call('GET', created.registration_client_uri, { token: created.registration_access_token })).status).toBe(401);
    });

    it("refuses another client's registration access token", async () => {
      const { endpoint } = await tenantWith(app, 'open');
      const a = (await call('POST', endpoint, { body: { redirect_uris: [REDIRECT] } })).body;
      const b = (await call('POST', endpoint, { body: { redirect_uris: [REDIRECT] } })).body;
      for (const method of ['GET', 'DELETE']) {
        expect(await call(method, b.registration_client_uri, { token: a.registration_access_token })).toMatchObject({
          status: 401,
          body: oauthError('invalid_token'),
        });
      }
      expect((await call('GET', b.registration_client_uri, { token: b.registration_access_token })).status).toBe(200);
    });

    it('keeps what an administrator granted when the client replaces its registration', async () => {
      const { issuerId, endpoint } = await tenantWith(app, 'open');
      const created = (await call('POST', endpoint, { body: { redirect_uris: [REDIRECT] } })).body;
      const path = `/v1/tenants/${issuerId}/clients/${created.client_id}`;
      expect((await adminApi(app.url).patch(path, { allowed_resources: ['https://api.example.com'] })).status).toBe(200);
      const base = { client_id: created.client_id, redirect_uris: [REDIRECT] };
      const widened = await call('PUT', created.registration_client_uri, {
        token: created.registration_access_token,
        body: { ...base, allowed_resources: ['https://api.example.com', 'https://other.example.com'] },
      });
      expect(widened).toMatchObject({ status: 400, body: oauthError('invalid_client_metadata') });
      const kept = await call('PUT', created.registration_client_uri, { token: created.registration_access_token, body: { ...base, client_name: 'Kept' } });
      expect(kept.status).toBe(200);
      expect((await adminApi(app.url).get(path)).body).toMatchObject({ client_name: 'Kept', allowed_resources: ['https://api.example.com'] });
    });
  });

  describe('sector_identifier_uri, fetched through the address policy', () => {
    it('oidcc-registration-sector-uri: a document listing the redirect URI registers the client', async () => {
      const { endpoint } = await tenantWith(local, 'open');
      sectorDocument = [REDIRECT, 'https://rp.example.com/other'];
      const seen = sectorRequests.length;
      const reply = await call('POST', endpoint, { body: { redirect_uris: [REDIRECT], sector_identifier_uri: sectorUrl } });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ sector_identifier_uri: sectorUrl });
      expect(sectorRequests.slice(seen)).toEqual(['GET /sector.json']);
    });

    it('oidcc-registration-sector-bad: a document without the redirect URI is invalid_client_metadata', async () => {
      const { endpoint } = await tenantWith(local, 'open');
      sectorDocument = ['https://rp.example.com/other'];
      const reply = await call('POST', endpoint, { body: { redirect_uris: [REDIRECT], sector_identifier_uri: sectorUrl } });
      expect(reply).toMatchObject({
        status: 400,
        body: { error: 'invalid_client_metadata', error_description: expect.stringMatching(/sector_identifier_uri/) },
      });
    });

    it('is never fetched from a private address unless allowed', async () => {
      const { endpoint } = await tenantWith(app, 'open');
      sectorDocument = [REDIRECT];
      const seen = sectorRequests.length;
      const reply = await call('POST', endpoint, { body: { redirect_uris: [REDIRECT], sector_identifier_uri: sectorUrl } });
      expect(reply).toMatchObject({ status: 400, body: oauthError('invalid_client_metadata') });
      expect(sectorRequests.length).toBe(seen);
    });
  });

  it('is rate limited per client address and issuer (RATE_LIMIT_REGISTRATION_PER_MINUTE)', async () => {
    const { endpoint } = await tenantWith(local, 'open');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('POST', endpoint, { body: { redirect_uris: [REDIRECT] } })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    const limited = await call('POST', endpoint, { body: { redirect_uris: [REDIRECT] } });
    expect(limited).toMatchObject({ status: 429, body: oauthError('too_many_requests') });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another issuer, and the other public routes, keep their own budgets.
    expect((await call('POST', (await tenantWith(local, 'open')).endpoint, { body: { redirect_uris: [REDIRECT] } })).status).toBe(201);
    expect((await fetch(`${endpoint.replace(/\/register$/, '')}/.well-known/openid-configuration`)).status).toBe(200);
  });
});
