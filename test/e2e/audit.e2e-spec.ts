import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { eventually } from '../helpers/eventually.js';
import { createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'ana', password: 'correct horse battery staple' };

/** Every admin change, and the public side's security events, in the audit log. */
describe('audit log', () => {
  let running: RunningApp;
  let issuerId: string;
  const root = () => adminApi(running.url);
  const events = async (query = '') => (await root().get(`/v1/tenants/${issuerId}/audit-events${query}`)).body;

  beforeAll(async () => {
    running = await startApp({ LOGIN_MAX_FAILURES_PER_USER: '2' });
    ({ issuerId } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  it('records who changed what, before and after, with the request id, newest first, and never a secret', async () => {
    const secrets: string[] = [USER.password];
    const scoped = await root().post('/v1/admin-keys', { name: 'ops-bot', issuer_id: issuerId });
    secrets.push(scoped.body.key);
    const bot = adminApi(running.url, scoped.body.key);

    const patched = await bot.patch(`/v1/tenants/${issuerId}`, { display_name: 'Renamed' });
    const client = await bot.post(`/v1/tenants/${issuerId}/clients`, { client_name: 'Portal', redirect_uris: [REDIRECT] });
    secrets.push(client.body.client_secret);
    const clientId = client.body.client_id;
    await bot.patch(`/v1/tenants/${issuerId}/clients/${clientId}`, { client_name: 'Portal 2' });
    secrets.push((await bot.post(`/v1/tenants/${issuerId}/clients/${clientId}/secret`)).body.client_secret);
    const user = await bot.post(`/v1/tenants/${issuerId}/users`, USER);
    await bot.patch(`/v1/tenants/${issuerId}/users/${user.body.user_id}`, { password: 'a brand new passphrase' });
    secrets.push('a brand new passphrase');
    await root().post(`/v1/tenants/${issuerId}/keys/rotate`);
    await bot.delete(`/v1/tenants/${issuerId}/clients/${clientId}`);

    const { items } = await events();
    expect(items.map((event: { action: string }) => event.action)).toEqual([
      'client.deleted',
      'key.rotated',
      'user.updated',
      'user.created',
      'client.secret_rotated',
      'client.updated',
      'client.created',
      'tenant.updated',
      'admin_key.created',
      'tenant.created',
    ]);
    const updated = items.find((event: { action: string }) => event.action === 'tenant.updated');
    expect(updated).toMatchObject({
      issuer_id: issuerId,
      actor_type: 'admin_key',
      actor_id: scoped.body.id,
      actor_name: 'ops-bot',
      resource_type: 'tenant',
      resource_id: issuerId,
      before: { display_name: issuerId },
      after: { display_name: 'Renamed' },
      request_id: patched.headers.get('x-request-id'),
      ip: '127.0.0.1',
    });
    expect(items.find((event: { action: string }) => event.action === 'key.rotated')).toMatchObject({ actor_id: 'root', actor_name: 'ADMIN_API_KEY' });
    expect(items.find((event: { action: string }) => event.action === 'client.updated')).toMatchObject({
      before: { client_name: 'Portal' },
      after: { client_name: 'Portal 2' },
    });
    expect(items.find((event: { action: string }) => event.action === 'user.updated').after).toMatchObject({ changed_credentials: ['password'] });

    const everything = JSON.stringify(await root().get('/v1/audit-events?limit=200'));
    for (const secret of secrets) expect(everything).not.toContain(secret);
    // No secret-bearing member either (a value such as "client_secret_basic" is fine).
    expect(everything).not.toMatch(/"(client_secret|password|password_hash|key|key_hash|private_jwk)":/);
  });

  it('a refused change writes nothing', async () => {
    const before = (await events()).items.length;
    expect((await root().patch(`/v1/tenants/${issuerId}`, { display_name: 42 })).status).toBe(422);
    expect((await root().post('/v1/tenants', { issuer_id: issuerId })).status).toBe(409);
    expect((await root().delete(`/v1/tenants/${issuerId}/users/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    // A PATCH that changes nothing is not a change.
    expect((await root().patch(`/v1/tenants/${issuerId}`, {})).status).toBe(200);
    expect((await events()).items.length).toBe(before);
  });

  it('filters by resource and time, pages with a cursor, and refuses bad filters with 422', async () => {
    const clients = (await events('?resource_type=client')).items;
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.every((event: { resource_type: string }) => event.resource_type === 'client')).toBe(true);
    const one = clients[0];
    expect(
      (await events(`?resource_type=client&resource_id=${one.resource_id}`)).items.every(
        (event: { resource_id: string }) => event.resource_id === one.resource_id,
      ),
    ).toBe(true);
    expect((await events(`?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).items).toEqual([]);
    expect((await events(`?until=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).items).toEqual([]);

    const all = (await events('?limit=200')).items;
    const walked: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; next_cursor: string | null } = await events(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    expect(walked).toEqual(all);

    const bad = await root().get(`/v1/tenants/${issuerId}/audit-events?since=yesterday&until=2026-W05-3&limit=0&cursor=zz`);
    expect(bad.status).toBe(422);
    expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['limit', 'since', 'until']);
    expect((await events(`?since=${encodeURIComponent('2026-11-23T15:00:00+01:00')}`)).items.length).toBeGreaterThan(0);
    expect(await root().get('/v1/tenants/no-such-tenant/audit-events')).toMatchObject({ status: 404, body: adminError('not_found') });
  });

  it('records failed sign-ins, the lockout and a reused refresh token', async () => {
    const client = await root().post(`/v1/tenants/${issuerId}/clients`, {
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      scope: 'openid offline_access',
    });
    const config = await discover(`${running.url}/${issuerId}`, client.body.client_id, oidc.ClientSecretBasic(client.body.client_secret));
    const verifier = oidc.randomPKCECodeVerifier();
    const challenge = await oidc.calculatePKCECodeChallenge(verifier);
    const authorizationUrl = () =>
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT,
        scope: 'openid offline_access',
        prompt: 'consent',
        state: 's',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });

    // Three wrong passwords with a budget of two: two failures, then the lockout.
    const agent = new UserAgent(running.url);
    let page = (await agent.follow(await agent.get(authorizationUrl()))) as Response;
    for (let attempt = 0; attempt < 3; attempt++) {
      const form = formOf(await page.text());
      page = (await agent.follow(await agent.post(form.action, { _csrf: form.csrf, username: 'ana', password: 'wrong' }))) as Response;
    }
    const security = (await events('?resource_type=user')).items.filter((event: { action: string }) => event.action.startsWith('login.'));
    expect(security.map((event: { action: string }) => event.action)).toEqual(['login.locked_out', 'login.failed', 'login.failed']);
    expect(security[1]).toMatchObject({ actor_type: 'end_user', actor_id: 'ana', ip: '127.0.0.1' });
    expect(JSON.stringify(security)).not.toContain('wrong');

    // A user with a budget left signs in; the old refresh token, used again after rotation, is reuse.
    const bob = { username: 'bob', password: 'another long passphrase' };
    await root().post(`/v1/tenants/${issuerId}/users`, bob);
    const callback = await new UserAgent(running.url).authorize(authorizationUrl(), bob);
    const tokens = await oidc.authorizationCodeGrant(config, callback, { expectedState: 's', pkceCodeVerifier: verifier });
    await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(await oauthErrorOf(oidc.refreshTokenGrant(config, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
    await eventually(async () => {
      const [reuse] = (await events('?action=refresh_token.reused')).items;
      expect(reuse).toMatchObject({ actor_type: 'client', actor_id: client.body.client_id, resource_type: 'grant', after: { grant_revoked: true } });
      expect(JSON.stringify(reuse)).not.toContain(tokens.refresh_token);
    });
  });

  it("the global log spans tenants and keeps a deleted tenant's events; tenant-scoped keys may not read it", async () => {
    const { issuerId: doomed } = await createTenant(running.url);
    expect((await root().delete(`/v1/tenants/${doomed}`)).status).toBe(204);
    const { items } = (await root().get(`/v1/audit-events?issuer_id=${doomed}`)).body;
    expect(items.map((event: { action: string }) => event.action)).toEqual(['tenant.deleted', 'tenant.created']);
    expect(items[0].before).toMatchObject({ issuer_id: doomed });
    const scoped = await root().post('/v1/admin-keys', { name: 'reader', issuer_id: issuerId });
    expect((await adminApi(running.url, scoped.body.key).get('/v1/audit-events')).status).toBe(403);

    // The issuer_id taken again by a new tenant: its own log starts at its creation.
    expect((await root().post('/v1/tenants', { issuer_id: doomed })).status).toBe(201);
    const reborn = (await root().get(`/v1/tenants/${doomed}/audit-events`)).body.items;
    expect(reborn.map((event: { action: string }) => event.action)).toEqual(['tenant.created']);
  });
});
