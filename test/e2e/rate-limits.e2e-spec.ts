import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, oauthError } from '../helpers/admin-api.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createDatabase, dropDatabase } from '../helpers/db.js';
import { SYNC_INTERVAL_MS } from '../../src/common/rate-limits/synced-budget.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

/** Sends `count` requests, `concurrency` at a time; returns the statuses. Bounded by count. */
async function flood(url: string, count: number, init: RequestInit = {}, concurrency = 20): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < count; sent += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - sent) }, () =>
      fetch(url, init).then(async (res) => (await res.arrayBuffer(), res.status)),
    );
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses;
}

describe('rate limits on public routes', () => {
  let running: RunningApp;
  let issuer: string;

  beforeAll(async () => {
    running = await startApp({ RATE_LIMIT_METADATA_PER_MINUTE: '50', RATE_LIMIT_PROTOCOL_PER_MINUTE: '30' });
    ({ issuer } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  it('a discovery flood from one IP meets 429 too_many_requests with Retry-After; probes are never limited', async () => {
    const statuses = await flood(`${issuer}/.well-known/openid-configuration`, 120);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 429)).toHaveLength(70);
    const limited = await fetch(`${issuer}/jwks.json`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual(oauthError('too_many_requests'));
    expect(new Set(await flood(`${running.url}/healthz`, 100))).toEqual(new Set([200]));
    expect(new Set(await flood(`${running.url}/readyz`, 20))).toEqual(new Set([200]));
  });

  it('the protocol budget is separate from the metadata budget, and per issuer', async () => {
    const fresh = await createTenant(running.url);
    await flood(`${issuer}/.well-known/openid-configuration`, 60);
    const token = await flood(`${issuer}/token`, 35, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(token.filter((s) => s === 429)).toHaveLength(5);
    expect(token.filter((s) => s !== 429).every((s) => s === 400 || s === 401)).toBe(true);
    expect((await fetch(`${fresh.issuer}/.well-known/openid-configuration`)).status).toBe(200);
  });
});

describe.each(['postgres', 'redis'])('rate limits shared through %s', (store) => {
  let databaseUrl: string;
  let replicas: RunningApp[];

  beforeAll(async () => {
    databaseUrl = await createDatabase('portcullis_limits');
    const env = {
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_METADATA_PER_MINUTE: '40',
      PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: '3',
      LOGIN_MAX_FAILURES_PER_USER: '2',
      RATE_LIMIT_STORE: store,
      ...(store === 'redis' ? { REDIS_URL: 'redis://127.0.0.1:6379' } : {}),
    };
    replicas = [await startApp(env), await startApp(env)];
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
    await dropDatabase(databaseUrl);
  });

  it('one budget across two replicas', async () => {
    const { issuerId } = await createTenant(replicas[0].url);
    const a = await flood(`${replicas[0].url}/${issuerId}/jwks.json`, 30, {}, 5);
    // Replicas count in memory and add it to the store every SYNC_INTERVAL_MS.
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS + 100));
    const b = await flood(`${replicas[1].url}/${issuerId}/jwks.json`, 30, {}, 5);
    expect([...a, ...b].filter((s) => s === 200)).toHaveLength(40);
    expect(b.filter((s) => s === 429)).toHaveLength(20);
  });

  it('a sign-in lockout holds on every replica', async () => {
    const { issuerId, issuer } = await createTenant(replicas[0].url);
    await adminApi(replicas[0].url).post(`/v1/tenants/${issuerId}/users`, { username: 'kim', password: 'the right passphrase' });
    const client = await createClient(replicas[0].url, issuerId, { redirect_uris: ['https://rp.example.com/cb'], token_endpoint_auth_method: 'none' });
    const config = await discover(issuer, client.clientId, oidc.None());
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: 'https://rp.example.com/cb',
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    /** One wrong password at `replica`: the status of the sign-in answer. */
    const wrong = async (replica: RunningApp) => {
      const agent = new UserAgent(replica.url);
      const page = (await agent.follow(await agent.get(new URL(url.pathname + url.search, replica.url)))) as Response;
      const form = formOf(await page.text());
      return (await agent.post(form.action, { _csrf: form.csrf, username: 'kim', password: 'wrong' })).status;
    };
    expect([await wrong(replicas[0]), await wrong(replicas[1]), await wrong(replicas[0])]).toEqual([401, 401, 429]);
  });

  it("one admin key's provider-check budget across two replicas", async () => {
    // A key of its own: Redis outlives the run, and the budget is counted per key id.
    const { key } = (await adminApi(replicas[0].url).post('/v1/admin-keys', { name: 'checker' })).body;
    const check = (replica: RunningApp) =>
      fetch(`${replica.url}/v1/providers/discover`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ issuer: 'https://10.0.0.1' }),
      }).then((res) => res.status);
    const statuses = [await check(replicas[0]), await check(replicas[1]), await check(replicas[0]), await check(replicas[1])];
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
