import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { createClient, createTenant } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';

/**
 * Budgets small enough to reach in a few requests: four failed sign-ins per address (the audit
 * test spends one, the lockout test the other three), five metadata requests a minute.
 */
const BUDGETS = { LOGIN_MAX_FAILURES_PER_IP: '4', LOGIN_MAX_FAILURES_PER_USER: '100', RATE_LIMIT_METADATA_PER_MINUTE: '5' };

/** The environment of a production start that tests can reach over http on loopback. */
const PRODUCTION = { NODE_ENV: 'production', ALLOW_INSECURE_PUBLIC_URL: 'true' };

/** A tenant with one public client and one user, and a way to try wrong passwords at its sign-in page with a chosen X-Forwarded-For. */
async function signInTarget(running: RunningApp) {
  const { issuerId, issuer } = await createTenant(running.url);
  await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, { username: 'kim', password: 'the right passphrase' });
  const { clientId } = await createClient(running.url, issuerId, { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' });
  const authorize = new URL(`${issuer}/authorize`);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'openid',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGw8L4Ie6w',
    code_challenge_method: 'S256',
  }).toString();

  /** One wrong password for `username`, sent with `forwardedFor`: the status of the answer. */
  const wrongPassword = async (username: string, forwardedFor: string) => {
    const agent = new UserAgent(running.url);
    const page = (await agent.follow(await agent.get(authorize))) as Response;
    const form = formOf(await page.text());
    const res = await agent.fetch(new URL(form.action, running.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
      body: new URLSearchParams({ _csrf: form.csrf, username, password: 'wrong' }).toString(),
    });
    await res.arrayBuffer();
    return res.status;
  };
  const auditedIps = async (action: string) => {
    const { items } = (await adminApi(running.url).get(`/v1/tenants/${issuerId}/audit-events?action=${action}`)).body;
    return items.map((event: { ip: string | null }) => event.ip);
  };
  return { issuerId, issuer, wrongPassword, auditedIps };
}

/** GETs the issuer's JWKS with `forwardedFor` (if any): the status. */
async function jwks(issuer: string, forwardedFor?: string): Promise<number> {
  const res = await fetch(`${issuer}/jwks.json`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
  await res.arrayBuffer();
  return res.status;
}

describe('finding 1: client IP from X-Forwarded-For, whoever sends it', () => {
  describe.each([
    ['NODE_ENV=test', {}],
    ['NODE_ENV=production', PRODUCTION],
  ])('default TRUST_PROXY (no proxy trusted), %s', (_name, env) => {
    let running: RunningApp;

    beforeAll(async () => {
      running = await startApp({ ...BUDGETS, ...env });
    });
    afterAll(() => running?.close());

    // First: the lockout test below spends this address's sign-in budget.
    it('the audit log records the socket address, not the forged one, for sign-ins and admin changes', async () => {
      const target = await signInTarget(running);
      expect(await target.wrongPassword('kim', '203.0.113.50')).toBe(401);
      expect(await target.auditedIps('login.failed')).toEqual(['127.0.0.1']);

      const forged = await fetch(`${running.url}/v1/tenants/${target.issuerId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${running.config.adminApiKey}`, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.51' },
        body: JSON.stringify({ display_name: 'Renamed' }),
      });
      expect(forged.status).toBe(200);
      expect(await target.auditedIps('tenant.updated')).toEqual(['127.0.0.1']);
    });

    it('four bad sign-ins, each with a fresh X-Forwarded-For, still lock the one real address out', async () => {
      const target = await signInTarget(running);
      const statuses = [];
      for (let attempt = 1; attempt <= 4; attempt++) statuses.push(await target.wrongPassword(`user${attempt}`, `203.0.113.${attempt}`));
      // One failure from the audit test before: three more spend the budget, the fourth is refused.
      expect(statuses).toEqual([401, 401, 401, 429]);
    });

    it('a caller over the public rate limit does not get through by adding X-Forwarded-For', async () => {
      const { issuer } = await createTenant(running.url);
      const statuses = [];
      for (let request = 0; request < 6; request++) statuses.push(await jwks(issuer));
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect(await jwks(issuer, '198.51.100.7')).toBe(429);
      expect(await jwks(issuer, '198.51.100.8, 198.51.100.9')).toBe(429);
    });
  });

  describe('TRUST_PROXY=loopback: the address the loopback proxy forwards is the client', () => {
    let running: RunningApp;

    beforeAll(async () => {
      running = await startApp({ ...BUDGETS, TRUST_PROXY: 'loopback' });
    });
    afterAll(() => running?.close());

    it('budgets and the audit log follow the forwarded address', async () => {
      const target = await signInTarget(running);
      const statuses = [];
      for (let attempt = 1; attempt <= 4; attempt++) statuses.push(await target.wrongPassword(`user${attempt}`, `203.0.113.${attempt}`));
      expect(statuses).toEqual([401, 401, 401, 401]);
      expect((await target.auditedIps('login.failed')).sort()).toEqual(['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']);

      // The nearest untrusted hop is the client: a spoofed entry further left changes nothing.
      for (let request = 0; request < 5; request++) expect(await jwks(target.issuer, '10.9.9.9, 198.51.100.20')).toBe(200);
      expect(await jwks(target.issuer, '10.9.9.10, 198.51.100.20')).toBe(429);
      expect(await jwks(target.issuer, '198.51.100.21')).toBe(200);
    });

    it('an IPv6 client is counted by its /64, an IPv4-mapped one as its IPv4, in the public limits and the sign-in throttle alike', async () => {
      const target = await signInTarget(running);
      const statuses = [];
      for (let host = 1; host <= 5; host++) statuses.push(await target.wrongPassword(`user${host}`, `2001:db8:1:1::${host}`));
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      expect(await target.wrongPassword('user6', '2001:db8:1:2::1')).toBe(401);
      // The audit log keeps each exact address.
      expect(await target.auditedIps('login.failed')).toContain('2001:db8:1:1::4');

      for (let host = 1; host <= 5; host++) expect(await jwks(target.issuer, `2001:db8:2:1:${host}::${host}`)).toBe(200);
      expect(await jwks(target.issuer, '2001:db8:2:1:ffff:ffff:ffff:ffff')).toBe(429);
      expect(await jwks(target.issuer, '2001:db8:2:2::1')).toBe(200);

      for (let request = 0; request < 5; request++) expect(await jwks(target.issuer, '198.51.100.40')).toBe(200);
      expect(await jwks(target.issuer, '::ffff:198.51.100.40')).toBe(429);
    });
  });
});
