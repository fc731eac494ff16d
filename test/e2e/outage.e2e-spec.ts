import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { PrivatePostgres } from '../helpers/private-postgres.js';
import { eventually } from '../helpers/eventually.js';

/** A real PostgreSQL stopped under a running Portcullis, then started again. */
describe('database outage', () => {
  let postgres: PrivatePostgres;
  let running: RunningApp;

  beforeAll(async () => {
    postgres = await PrivatePostgres.create();
    running = await startApp({ DATABASE_URL: postgres.url, ADMIN_AUTH_MAX_FAILURES_PER_IP: '2' });
  });
  afterAll(async () => {
    await running?.close();
    await postgres?.destroy();
  });

  it('answers 503 temporarily_unavailable with Retry-After while PostgreSQL is down, and recovers when it is back', async () => {
    const api = adminApi(running.url);
    const issuerId = randomIssuerId();
    await api.post('/v1/tenants', { issuer_id: issuerId });
    const client = (await api.post(`/v1/tenants/${issuerId}/clients`, { grant_types: ['client_credentials'] })).body;
    const token = () =>
      fetch(`${running.url}/${issuerId}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
    expect((await token()).status).toBe(200);
    const createdKey = (await api.post('/v1/admin-keys', { name: 'automation' })).body.key as string;
    // Never requested, so not in memory: while the database is down it cannot be loaded.
    const cold = randomIssuerId();
    await api.post('/v1/tenants', { issuer_id: cold });
    const withKey = () => fetch(`${running.url}/v1/tenants`, { headers: { authorization: `Bearer ${createdKey}` } });

    await postgres.stop();
    const readyz = await fetch(`${running.url}/readyz`);
    expect(readyz.status).toBe(503);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const down = await token();
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
    const admin = await api.get('/v1/tenants');
    expect(admin).toMatchObject({ status: 503, body: adminError('temporarily_unavailable') });
    // A key that cannot be looked up was not judged: retries past the wrong-key budget are 503s, never a lockout.
    for (let retry = 0; retry < 4; retry++) expect((await withKey()).status).toBe(503);
    // What needs no database still works: the warm issuer's metadata.
    expect((await fetch(`${running.url}/${issuerId}/.well-known/openid-configuration`)).status).toBe(200);
    // An issuer that cannot be loaded answers 503 too, and is counted like every answer (operators alert on the 5xx rate).
    expect((await fetch(`${running.url}/${cold}/.well-known/openid-configuration`)).status).toBe(503);
    const scrape = await (await fetch(`${running.url}/metrics`)).text();
    expect(
      scrape.split('\n').filter((line) => line.startsWith('http_requests_total{') && line.includes('openid-configuration') && line.includes('status="503"')),
    ).toHaveLength(1);

    await postgres.start();
    await eventually(async () => expect((await fetch(`${running.url}/readyz`)).status).toBe(200));
    await eventually(async () => expect((await token()).status).toBe(200));
    expect((await api.get(`/v1/tenants/${issuerId}`)).status).toBe(200);
    expect((await withKey()).status).toBe(200);
  });
});
