import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { UserAgent, formOf } from '../helpers/browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const PASSWORD = 'correct horse battery staple';

/**
 * An admin's answer to a compromised account is a new password or the account's deletion:
 * whatever the attacker already holds (refresh token, access token, browser session) must stop
 * working at once, not when it expires.
 */
describe('finding 5: a password change revokes nothing', () => {
  let running: RunningApp;
  let issuerId: string;
  let issuer: string;
  let rp: oidc.Configuration;
  let db: pg.Client;

  beforeAll(async () => {
    running = await startApp();
    ({ issuerId, issuer } = await createTenant(running.url));
    const client = await createClient(running.url, issuerId, {
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      scope: 'openid profile offline_access',
    });
    rp = await discover(issuer, client.clientId, oidc.ClientSecretBasic(client.clientSecret));
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await running.close();
  });

  async function newUser(): Promise<{ userId: string; username: string }> {
    const username = `victim-${Math.random().toString(36).slice(2, 10)}`;
    const reply = await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, { username, password: PASSWORD });
    expect(reply.status).toBe(201);
    return { userId: reply.body.user_id, username };
  }

  const authorizationUrl = (params: Record<string, string> = {}) =>
    authorizationRequest(rp, REDIRECT, { scope: 'openid profile offline_access', prompt: 'consent', ...params });

  /** What an attacker who signed in as the user holds: tokens, and a browser whose session gets codes without a prompt. */
  async function signedIn(username: string) {
    const agent = new UserAgent(running.url);
    const { url, checks } = await authorizationUrl();
    const tokens = await oidc.authorizationCodeGrant(rp, await agent.authorize(url, { username, password: PASSWORD }), checks);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    // Before the change, all of it works.
    expect(await oidc.tokenIntrospection(rp, tokens.access_token)).toMatchObject({ active: true });
    const silent = await silentAuthorization(agent);
    expect(silent.searchParams.get('code')).toEqual(expect.any(String));
    return { agent, tokens };
  }

  async function silentAuthorization(agent: UserAgent): Promise<URL> {
    const { url } = await authorizationUrl({ prompt: 'none', scope: 'openid' });
    return (await agent.follow(await agent.get(url))) as URL;
  }

  async function expectAllRevoked(agent: UserAgent, tokens: oidc.TokenEndpointResponse, userId: string) {
    expect(await oauthErrorOf(oidc.refreshTokenGrant(rp, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
    const userinfo = await fetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
    expect(await userinfo.json()).toMatchObject({ error: 'invalid_token' });
    expect(await oidc.tokenIntrospection(rp, tokens.access_token)).toEqual({ active: false });
    expect(await oidc.tokenIntrospection(rp, tokens.refresh_token!)).toEqual({ active: false });
    expect((await silentAuthorization(agent)).searchParams.get('error')).toBe('login_required');
    // Nothing of the user's is left behind in the protocol store.
    const { rows } = await db.query(
      `SELECT kind FROM oidc_payloads WHERE tenant_id = $1 AND (payload->>'accountId' = $2 OR payload->'session'->>'accountId' = $2)`,
      [issuerId, userId],
    );
    expect(rows).toEqual([]);
  }

  it('a new password ends the sessions and revokes the grants and tokens of the user, and says so in the audit log', async () => {
    const { userId, username } = await newUser();
    const { agent, tokens } = await signedIn(username);
    // Another user's sign-in is untouched.
    const bystander = await newUser();
    const other = await signedIn(bystander.username);

    const reply = await adminApi(running.url).patch(`/v1/tenants/${issuerId}/users/${userId}`, { password: 'a brand new passphrase 42' });
    expect(reply.status).toBe(200);

    await expectAllRevoked(agent, tokens, userId);
    expect(await oidc.tokenIntrospection(rp, other.tokens.access_token)).toMatchObject({ active: true, sub: bystander.userId });
    expect((await silentAuthorization(other.agent)).searchParams.get('code')).toEqual(expect.any(String));

    const events = await adminApi(running.url).get(`/v1/audit-events?issuer_id=${issuerId}&resource_id=${userId}`);
    const signedOut = events.body.items.find((event: { action: string }) => event.action === 'user.signed_out');
    expect(signedOut).toMatchObject({
      resource_type: 'user',
      resource_id: userId,
      after: { reason: 'password_changed', revoked: { Session: 1, Grant: 1, AccessToken: 1, RefreshToken: 1 } },
    });
    // The new password signs in.
    const { url, checks } = await authorizationUrl();
    const again = await oidc.authorizationCodeGrant(
      rp,
      await new UserAgent(running.url).authorize(url, { username, password: 'a brand new passphrase 42' }),
      checks,
    );
    expect(again.claims()!.sub).toBe(userId);
  });

  it('a sign-in made with the old password and halfway through (at the consent page) cannot be finished', async () => {
    const { userId, username } = await newUser();
    const agent = new UserAgent(running.url);
    const { url } = await authorizationUrl();
    const signIn = formOf(await ((await agent.follow(await agent.get(url))) as Response).text());
    const consentPage = (await agent.follow(await agent.post(signIn.action, { _csrf: signIn.csrf, username, password: PASSWORD }))) as Response;
    const consentHtml = await consentPage.text();
    expect(consentHtml).toContain('Allow access?');

    expect((await adminApi(running.url).patch(`/v1/tenants/${issuerId}/users/${userId}`, { password: 'a brand new passphrase 42' })).status).toBe(200);

    const consent = formOf(consentHtml);
    const end = await agent.follow(await agent.post(consent.action, { _csrf: consent.csrf }));
    expect(end).toBeInstanceOf(Response);
    // The sign-in is gone: the page says so, as for any expired sign-in, and no code reaches the client.
    expect((end as Response).status).toBe(400);
    expect(await (end as Response).text()).toContain('Sign-in expired');
    expect((await silentAuthorization(agent)).searchParams.get('error')).toBe('login_required');
  });

  it('a session saved back by a request in flight during the change still signs nobody in', async () => {
    const { userId, username } = await newUser();
    const { agent, tokens } = await signedIn(username);
    // oidc-provider saves the session it loaded at the end of every request, and tokens and grants
    // are saved with an upsert: a request that was in flight while the change committed writes its
    // rows back as they were. Here that happens deterministically: the user's rows, read before the
    // change, go back in after it, exactly as they were stored (same id hashes, same payloads).
    const ofTheUser = `SELECT * FROM oidc_payloads WHERE tenant_id = $1 AND payload->>'accountId' = $2`;
    const before = (await db.query(ofTheUser, [issuerId, userId])).rows;
    expect(new Set(before.map((row) => row.kind))).toEqual(new Set(['AccessToken', 'AuthorizationCode', 'Grant', 'RefreshToken', 'Session']));
    // Times are compared in whole seconds, so a sign-in in the very second of the change counts
    // as after it: the change happens in the next second, as it would in real life.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));

    expect((await adminApi(running.url).patch(`/v1/tenants/${issuerId}/users/${userId}`, { password: 'a brand new passphrase 42' })).status).toBe(200);
    await db.query(`INSERT INTO oidc_payloads SELECT * FROM jsonb_populate_recordset(NULL::oidc_payloads, $1)`, [JSON.stringify(before)]);
    expect((await db.query(ofTheUser, [issuerId, userId])).rows).toHaveLength(before.length);

    // What the rows held was signed in with the old password: none of it works.
    expect((await silentAuthorization(agent)).searchParams.get('error')).toBe('login_required');
    const userinfo = await fetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
    expect(await oidc.tokenIntrospection(rp, tokens.access_token)).toEqual({ active: false });
    expect(await oidc.tokenIntrospection(rp, tokens.refresh_token!)).toEqual({ active: false });
    expect(await oauthErrorOf(oidc.refreshTokenGrant(rp, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });

    // The owner, signing in again with the new password in that same browser, gets through.
    const { url, checks } = await authorizationUrl();
    const again = await oidc.authorizationCodeGrant(rp, await agent.authorize(url, { username, password: 'a brand new passphrase 42' }), checks);
    expect(again.claims()!.sub).toBe(userId);
    expect((await silentAuthorization(agent)).searchParams.get('code')).toEqual(expect.any(String));
    expect(await (await fetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${again.access_token}` } })).json()).toMatchObject({ sub: userId });
  });

  it('a sign-in checked against the old password while the change commits resumes into nothing', async () => {
    const { userId, username } = await newUser();
    const agent = new UserAgent(running.url);
    const { url } = await authorizationUrl();
    const signIn = formOf(await ((await agent.follow(await agent.get(url))) as Response).text());
    // The password is checked and the sign-in recorded, but the browser has not come back yet.
    const checked = await agent.post(signIn.action, { _csrf: signIn.csrf, username, password: PASSWORD });
    expect(checked.status).toBe(303);
    const ofTheSignIn = `SELECT * FROM oidc_payloads WHERE tenant_id = $1 AND kind = 'Interaction' AND payload#>>'{result,login,accountId}' = $2`;
    const recorded = (await db.query(ofTheSignIn, [issuerId, userId])).rows;
    expect(recorded).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));

    // The change commits while that sign-in is in flight: its record is written back after the revocation.
    expect((await adminApi(running.url).patch(`/v1/tenants/${issuerId}/users/${userId}`, { password: 'a brand new passphrase 42' })).status).toBe(200);
    await db.query(`INSERT INTO oidc_payloads SELECT * FROM jsonb_populate_recordset(NULL::oidc_payloads, $1)`, [JSON.stringify(recorded)]);

    // Coming back, the browser finds itself asked to sign in again, not to consent.
    const back = await agent.follow(await agent.get(new URL(checked.headers.get('location')!, running.url)));
    expect(back).toBeInstanceOf(Response);
    const page = await (back as Response).text();
    expect(page).not.toContain('Allow access?');
    expect(page).toContain('name="password"');
    expect((await silentAuthorization(agent)).searchParams.get('error')).toBe('login_required');
  });

  it('a change that sets no password (a claim) leaves the sessions alone', async () => {
    const { userId, username } = await newUser();
    const { agent, tokens } = await signedIn(username);
    expect((await adminApi(running.url).patch(`/v1/tenants/${issuerId}/users/${userId}`, { name: 'Jane Doe' })).status).toBe(200);
    expect(await oidc.tokenIntrospection(rp, tokens.access_token)).toMatchObject({ active: true });
    expect((await silentAuthorization(agent)).searchParams.get('code')).toEqual(expect.any(String));
  });

  it("deleting a user ends the user's sessions and revokes the grants and tokens; introspection says inactive", async () => {
    const { userId, username } = await newUser();
    const { agent, tokens } = await signedIn(username);
    expect((await adminApi(running.url).delete(`/v1/tenants/${issuerId}/users/${userId}`)).status).toBe(204);
    await expectAllRevoked(agent, tokens, userId);
  });
});
