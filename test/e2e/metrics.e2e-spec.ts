import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { formOf, UserAgent } from '../helpers/browserless.js';
import { authorizationRequest, createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'metered', password: 'correct horse battery staple' };

/** A scrape as series → value, the series written as Prometheus prints it: `name{label="value",…}`. */
async function scrape(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

/** Each named series: present in the scrape, with how much it grew since `before` (a series first seen counts from 0). */
const grown = (before: Map<string, number>, after: Map<string, number>, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, after.has(name) ? after.get(name)! - (before.get(name) ?? 0) : 'absent']));

/**
 * What an operator graphs, read from a real `/metrics` after real traffic: a code flow with a
 * refresh, a hybrid flow, a client_credentials grant, failed and locked sign-ins, a key
 * rotation, and more issuers than the provider cache holds. No label ever names an issuer.
 */
describe('/metrics after real traffic', () => {
  let running: RunningApp;

  beforeAll(async () => {
    // A cache of two providers, so that a third issuer evicts one; two failures lock a user.
    running = await startApp({ PROVIDER_CACHE_SIZE: '2', LOGIN_MAX_FAILURES_PER_USER: '2' });
  });
  afterAll(() => running?.close());

  it('counts tokens by grant type, sign-ins by outcome, key rotations, the provider cache and the database pool', async () => {
    const api = adminApi(running.url);
    const { issuerId, issuer } = await createTenant(running.url);
    await api.post(`/v1/tenants/${issuerId}/users`, USER);
    const web = await createClient(running.url, issuerId, {
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token', 'implicit'],
      response_types: ['code', 'code id_token'],
      scope: 'openid offline_access',
    });
    const machine = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
    const others = [await createTenant(running.url), await createTenant(running.url)];
    const rp = await discover(issuer, web.clientId, oidc.ClientSecretBasic(web.clientSecret));
    const before = await scrape(running.url);

    // A code flow, then a refresh: one authorization_code and one refresh_token response; a sign-in that succeeded.
    const code = await authorizationRequest(rp, REDIRECT, { scope: 'openid offline_access', prompt: 'consent' });
    const tokens = await oidc.authorizationCodeGrant(rp, await new UserAgent(running.url).authorize(code.url, USER), code.checks);
    await oidc.refreshTokenGrant(rp, tokens.refresh_token!);
    // A hybrid flow: the authorization endpoint returns an ID token itself (counted as implicit).
    const hybrid = await authorizationRequest(rp, REDIRECT, { response_type: 'code id_token' });
    expect(new URLSearchParams((await new UserAgent(running.url).authorize(hybrid.url, USER)).hash.slice(1)).get('id_token')).toEqual(expect.any(String));
    // A client_credentials grant.
    const grant = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${machine.clientId}:${machine.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(grant.status).toBe(200);

    // Two wrong passwords, then the lockout refuses the right one.
    const agent = new UserAgent(running.url);
    let form = formOf(await ((await agent.follow(await agent.get((await authorizationRequest(rp, REDIRECT)).url))) as Response).text());
    for (const [password, status] of [
      ['wrong password!', 401],
      ['wrong password!', 401],
      [USER.password, 429],
    ] as const) {
      const res = await agent.post(form.action, { _csrf: form.csrf, username: USER.username, password });
      expect(res.status).toBe(status);
      form = formOf(await res.text());
    }

    // A key rotation through the admin API.
    expect((await api.post(`/v1/tenants/${issuerId}/keys/rotate`)).status).toBe(200);

    // Three issuers in turn through a cache of two: each built, and providers evicted to make room.
    for (const { issuer: each } of [{ issuer }, ...others, { issuer }, others[0]]) {
      expect((await fetch(`${each}/.well-known/openid-configuration`)).status).toBe(200);
    }

    const after = await scrape(running.url);
    expect(
      grown(before, after, [
        'portcullis_tokens_issued_total{grant_type="authorization_code"}',
        'portcullis_tokens_issued_total{grant_type="refresh_token"}',
        'portcullis_tokens_issued_total{grant_type="implicit"}',
        'portcullis_tokens_issued_total{grant_type="client_credentials"}',
        'portcullis_sign_ins_total{outcome="success"}',
        'portcullis_sign_ins_total{outcome="invalid"}',
        'portcullis_sign_ins_total{outcome="locked"}',
        'portcullis_key_rotations_total{trigger="admin_api"}',
      ]),
    ).toEqual({
      'portcullis_tokens_issued_total{grant_type="authorization_code"}': 1,
      'portcullis_tokens_issued_total{grant_type="refresh_token"}': 1,
      'portcullis_tokens_issued_total{grant_type="implicit"}': 1,
      'portcullis_tokens_issued_total{grant_type="client_credentials"}': 1,
      'portcullis_sign_ins_total{outcome="success"}': 2,
      'portcullis_sign_ins_total{outcome="invalid"}': 2,
      'portcullis_sign_ins_total{outcome="locked"}': 1,
      'portcullis_key_rotations_total{trigger="admin_api"}': 1,
    });

    const cache = grown(before, after, [
      'portcullis_provider_cache_hits_total',
      'portcullis_provider_cache_misses_total',
      'portcullis_provider_cache_evictions_total',
    ]);
    expect(cache['portcullis_provider_cache_hits_total']).toBeGreaterThan(10);
    expect(cache['portcullis_provider_cache_misses_total']).toBeGreaterThanOrEqual(3);
    expect(cache['portcullis_provider_cache_evictions_total']).toBeGreaterThanOrEqual(1);
    expect(after.get('portcullis_provider_cache_entries')).toBeGreaterThanOrEqual(1);
    expect(after.get('portcullis_provider_cache_entries')).toBeLessThanOrEqual(2);

    // The pool: its size, and the connections it holds, none out between requests, nobody waiting.
    expect(after.get('portcullis_db_pool_max')).toBe(running.config.databasePoolSize);
    expect(after.get('portcullis_db_pool_connections{state="in_use"}')).toBe(0);
    expect(after.get('portcullis_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
    expect(after.get('portcullis_db_pool_waiting')).toBe(0);

    // Event-loop lag (prom-client's default metrics) and which build this is.
    expect(after.get('nodejs_eventloop_lag_p99_seconds')).toEqual(expect.any(Number));
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(after.get(`portcullis_build_info{version="${version}",node="${process.version}"}`)).toBe(1);

    // Bounded label sets: no issuer, client or user appears anywhere.
    const text = [...after.keys()].join('\n');
    for (const name of [issuerId, ...others.map((other) => other.issuerId), web.clientId, machine.clientId, USER.username]) expect(text).not.toContain(name);
  });
});
