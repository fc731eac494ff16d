import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminError } from '../helpers/admin-api.js';
import { startApp, tempDir, TEST_ADMIN_KEY, TEST_KEK, type RunningApp } from '../helpers/app.js';
import { spawnPortcullis } from '../helpers/process.js';

/** An address of its own per run: the postgres rate-limit table outlives it. */
const randomAddress = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

describe('finding 10: admin-key guessing is neither throttled nor audited', () => {
  let replicas: RunningApp[];

  beforeAll(async () => {
    // Two replicas sharing the PostgreSQL rate-limit store; behind a (loopback) proxy, so each
    // test can play callers at addresses of its own.
    const env = { ADMIN_AUTH_MAX_FAILURES_PER_IP: '3', RATE_LIMIT_STORE: 'postgres', TRUST_PROXY: 'loopback' };
    replicas = [await startApp(env), await startApp(env)];
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
  });

  /** GET /v1/tenants at `replica` from `address` with `key` (none: no Authorization header). */
  const listTenants = (replica: RunningApp, address: string, key?: string) =>
    fetch(`${replica.url}/v1/tenants`, { headers: { 'x-forwarded-for': address, ...(key ? { authorization: `Bearer ${key}` } : {}) } });

  it('wrong keys from one address, on any replica, meet 429 with Retry-After, the right key too; other addresses are unaffected', async () => {
    const attacker = randomAddress();
    const statuses = [];
    for (const replica of [0, 1, 0])
      statuses.push((await listTenants(replicas[replica], attacker, `guess-${replica}-${randomBytes(8).toString('hex')}`)).status);
    expect(statuses).toEqual([401, 401, 401]);

    const locked = await listTenants(replicas[1], attacker, 'guess-four');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await locked.json()).toEqual(adminError('too_many_requests'));
    // Past the budget, even the right key gets no answer about itself.
    expect((await listTenants(replicas[0], attacker, TEST_ADMIN_KEY)).status).toBe(429);
    expect((await listTenants(replicas[0], randomAddress(), TEST_ADMIN_KEY)).status).toBe(200);
  });

  it('a request without a key is not a guess: it is not counted', async () => {
    const caller = randomAddress();
    for (let request = 0; request < 5; request++) expect((await listTenants(replicas[0], caller)).status).toBe(401);
    expect((await listTenants(replicas[0], caller, TEST_ADMIN_KEY)).status).toBe(200);
  });

  it('each counted failure is audited as admin_auth.failed with the address, never the key', async () => {
    const attacker = randomAddress();
    const guesses = ['first-guess-Tr0ub4dor', 'second-guess-Tr0ub4dor', 'third-guess-Tr0ub4dor', 'fourth-guess-Tr0ub4dor', 'fifth-guess-Tr0ub4dor'];
    for (const guess of guesses) await (await listTenants(replicas[1], attacker, guess)).arrayBuffer();

    const reply = await fetch(`${replicas[0].url}/v1/audit-events?action=admin_auth.failed&limit=200`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'x-forwarded-for': randomAddress() },
    });
    const { items } = (await reply.json()) as { items: { ip: string; after: unknown }[] };
    const mine = items.filter((event: { ip: string }) => event.ip === attacker);
    // Three failures, the third of which spent the budget; the fourth and fifth were refused unheard.
    expect(mine).toHaveLength(3);
    expect(mine[0]).toMatchObject({
      action: 'admin_auth.failed',
      issuer_id: null,
      actor_type: 'admin_key',
      actor_id: 'unknown',
      ip: attacker,
      after: { method: 'GET', path: '/v1/tenants', retry_after_seconds: expect.any(Number) },
    });
    expect(mine[2].after).toEqual({ method: 'GET', path: '/v1/tenants' });
    expect(JSON.stringify(items)).not.toMatch(/guess-Tr0ub4dor/);
  });

  it('a burst of concurrent guesses from one address has at most the budget of keys compared: a right key among them is refused too', async () => {
    const attacker = randomAddress();
    // Sixty-one connections opened first (requests without a key, which are not counted), so the
    // burst reaches the server at once: sixty wrong keys, then the right key while they are in flight.
    await Promise.all(Array.from({ length: 61 }, async () => (await listTenants(replicas[0], attacker)).arrayBuffer()));
    const burst = Array.from({ length: 60 }, (_, n) => listTenants(replicas[0], attacker, `burst-guess-${n}-${randomBytes(8).toString('hex')}`));
    const right = listTenants(replicas[0], attacker, TEST_ADMIN_KEY);
    const statuses = await Promise.all([...burst, right].map(async (reply) => (await reply).status));

    // Three keys compared (the budget), three 401s; every other answer is a 429, the right key's included.
    expect(statuses.filter((status) => status !== 429)).toEqual([401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const reply = await fetch(`${replicas[0].url}/v1/audit-events?action=admin_auth.failed&limit=200`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'x-forwarded-for': randomAddress() },
    });
    const { items } = (await reply.json()) as { items: { ip: string }[] };
    // The three failures only: the refused requests were not heard.
    expect(items.filter((event) => event.ip === attacker)).toHaveLength(3);
  });

  it('a burst of right keys from one address is never locked out: past the budget in flight at once some wait, the next request is served', async () => {
    const operator = randomAddress();
    await Promise.all(Array.from({ length: 30 }, async () => (await listTenants(replicas[0], operator)).arrayBuffer()));
    const statuses = await Promise.all(Array.from({ length: 30 }, async () => (await listTenants(replicas[0], operator, TEST_ADMIN_KEY)).status));
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    expect(statuses).toContain(200);
    expect((await listTenants(replicas[1], operator, TEST_ADMIN_KEY)).status).toBe(200);
  });

  it('IPv6 callers are counted per /64: new addresses of one network share its budget, another network has its own', async () => {
    const network = `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
    const statuses = [];
    for (let host = 1; host <= 4; host++) statuses.push((await listTenants(replicas[host % 2], `${network}::${host}`, `v6-guess-${host}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await listTenants(replicas[0], `${network}:ffff:ffff:ffff:ffff`, TEST_ADMIN_KEY)).status).toBe(429);
    expect((await listTenants(replicas[0], `2001:db8:ffff:${randomBytes(2).toString('hex')}::1`, TEST_ADMIN_KEY)).status).toBe(200);
  });

  it('production refuses to start with an ADMIN_API_KEY below 128 bits, in one line naming it', async () => {
    const proc = spawnPortcullis({
      NODE_ENV: 'production',
      DATA_DIR: await tempDir(),
      PUBLIC_URL: 'https://id.example.com',
      KEY_ENCRYPTION_KEY: TEST_KEK,
      // 36 digits: about 120 bits, though long enough for the 32-character minimum.
      ADMIN_API_KEY: '314159265358979323846264338327950288',
    });
    expect((await proc.exited).code).toBe(1);
    expect(proc.stderr()).toBe(
      'portcullis: invalid configuration: ADMIN_API_KEY is too easy to guess (about 119 bits; production needs 128): use a random key, e.g. openssl rand -base64 32\n',
    );
  });
});
