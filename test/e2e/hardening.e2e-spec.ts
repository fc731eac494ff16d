import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError, oauthError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';

/** Caller mistakes that once reached the database or the wrong step: each is a 4xx and changes nothing. */
describe('bad input is the caller’s, never a 500', () => {
  let running: RunningApp;
  let api: ReturnType<typeof adminApi>;
  let issuerId: string;
  let issuer: string;

  beforeAll(async () => {
    running = await startApp({ LOGIN_MAX_FAILURES_PER_USER: '3' });
    api = adminApi(running.url);
    ({ issuerId, issuer } = await createTenant(running.url, { display_name: 'Kept' }));
  });
  afterAll(() => running.close());

  it('NUL characters: 400 invalid_request on public routes, 422 on the admin API', async () => {
    const res = await fetch(`${issuer}/authorize?client_id=%00&response_type=code&scope=openid`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/^invalid_/) });
    const reply = await api.patch(`/v1/tenants/${issuerId}`, { display_name: 'a\u0000b' });
    expect(reply).toMatchObject({ status: 422, body: adminError('validation_failed') });
    expect((await api.get(`/v1/tenants/${issuerId}`)).body.display_name).toBe('Kept');
  });

  it('null for a member that cannot be removed is a 422', async () => {
    for (const body of [{ display_name: null }, { enabled: null }, { key_rotation_days: null }]) {
      expect((await api.patch(`/v1/tenants/${issuerId}`, body)).status).toBe(422);
    }
    const user = (await api.post(`/v1/tenants/${issuerId}/users`, { username: 'nul', password: 'long enough pw' })).body;
    for (const body of [{ username: null }, { password: null }]) {
      expect((await api.patch(`/v1/tenants/${issuerId}/users/${user.user_id}`, body)).status).toBe(422);
    }
    expect((await api.get(`/v1/tenants/${issuerId}/users?cursor=eyJrIjoieCJ9`)).status).toBe(422);
  });

  it('unknown issuer: 404 on the discovery paths whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await fetch(`${running.url}/no-such-issuer/.well-known/openid-configuration`, { method });
      expect(res.status, method).toBe(404);
      expect(await res.json()).toEqual(oauthError('not_found'));
    }
  });

  it('parallel wrong passwords cannot outrun the lockout', async () => {
    await api.post(`/v1/tenants/${issuerId}/users`, { username: 'racer', password: 'the right password' });
    const { clientId } = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    const config = await discover(issuer, clientId, oidc.None());
    const agent = new UserAgent(running.url);
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' });
    const form = formOf(await ((await agent.follow(await agent.get(url))) as Response).text());
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => agent.post(form.action, { _csrf: form.csrf, username: 'racer', password: 'wrong password!' }).then((res) => res.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
  });

  it('a consent form posted while the interaction is at the sign-in step is refused, not a 500', async () => {
    const { clientId } = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
    const config = await discover(issuer, clientId, oidc.None());
    const agent = new UserAgent(running.url);
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', code_challenge: 'y'.repeat(43), code_challenge_method: 'S256' });
    const form = formOf(await ((await agent.follow(await agent.get(url))) as Response).text());
    const res = await agent.post(form.action.replace(/\/login$/, '/confirm'), { _csrf: form.csrf });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('out of date');
  });
});
