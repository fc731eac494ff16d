import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createDatabase, dropDatabase, query } from '../helpers/db.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { eventually } from '../helpers/eventually.js';

describe('health, readiness and metrics', () => {
  let databaseUrl: string;
  let proxy: TcpProxy;
  let running: RunningApp;

  beforeAll(async () => {
    // Its own database and a cuttable link to it: this spec plays outages.
    databaseUrl = await createDatabase('portcullis_ops');
    const target = new URL(databaseUrl);
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    running = await startApp({ DATABASE_URL: viaProxy.toString() });
  });
  afterAll(async () => {
    await running?.close();
    await proxy?.close();
    await dropDatabase(databaseUrl);
  });

  it('GET /healthz answers 200', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database answers and migrations are applied', async () => {
    const res = await fetch(`${running.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', ready: true, checks: { database: 'up', migrations: 'applied' } });
  });

  it('GET /readyz answers 503 while a migration is pending', async () => {
    const [row] = await query<{ id: number; timestamp: string; name: string }>(
      databaseUrl,
      'DELETE FROM schema_migrations WHERE id = (SELECT max(id) FROM schema_migrations) RETURNING *',
    );
    try {
      const res = await fetch(`${running.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ready: false, checks: { database: 'up', migrations: 'pending' } });
    } finally {
      await query(databaseUrl, 'INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)', [row.id, row.timestamp, row.name]);
    }
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
  });

  it('while the database is unreachable: /readyz 503, admin 503 with Retry-After, /healthz 200; then it recovers', async () => {
    const api = adminApi(running.url);
    // A warm issuer with a client, before the outage.
    const issuerId = randomIssuerId();
    await api.post('/v1/tenants', { issuer_id: issuerId });
    const client = (await api.post(`/v1/tenants/${issuerId}/clients`, { grant_types: ['client_credentials'] })).body;
    const tokenRequest = () =>
      fetch(`${running.url}/${issuerId}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
    expect((await tokenRequest()).status).toBe(200);
    proxy.cut();
    try {
      await eventually(async () => {
        const res = await fetch(`${running.url}/readyz`);
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('5');
        expect(await res.json()).toMatchObject({ ready: false, checks: { database: 'down' } });
      });
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      const reply = await api.get('/v1/tenants');
      expect(reply).toMatchObject({ status: 503, body: adminError('temporarily_unavailable') });
      expect(reply.headers.get('retry-after')).toBe('5');

      // Public side: documents of a warm issuer need no database; a token does; an issuer not yet known cannot be looked up.
      expect((await fetch(`${running.url}/${issuerId}/.well-known/openid-configuration`)).status).toBe(200);
      const token = await tokenRequest();
      expect(token.status).toBe(503);
      expect(token.headers.get('retry-after')).toBe('5');
      expect(await token.json()).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
      const unknown = await fetch(`${running.url}/${randomIssuerId()}/jwks.json`);
      expect(unknown.status).toBe(503);
      expect(await unknown.json()).toMatchObject({ error: 'temporarily_unavailable' });
    } finally {
      proxy.restore();
    }
    await eventually(async () => expect((await tokenRequest()).status).toBe(200));
    await eventually(async () => expect((await fetch(`${running.url}/readyz`)).status).toBe(200));
    await eventually(async () => expect((await api.post('/v1/tenants', { issuer_id: randomIssuerId() })).status).toBe(201));
  });

  it('GET /metrics exposes request counters and latency histograms by route pattern', async () => {
    const api = adminApi(running.url);
    const id = randomIssuerId();
    await api.get(`/v1/tenants/${id}`);
    const res = await fetch(`${running.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/v1\/tenants\/:issuer_id",status="404"\} [1-9]/);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/v1\/tenants\/:issuer_id",status="404"\} [1-9]/);
    expect(text).toContain('process_resident_memory_bytes');
    // The raw path is never a label: label values stay bounded whatever callers send.
    expect(text).not.toContain(id);

    // The counter moves by exactly the requests made between two scrapes, and agrees with the histogram.
    const series = '{method="GET",route="/v1/tenants/:issuer_id",status="404"}';
    const read = (body: string, name: string) =>
      Number(
        body
          .split('\n')
          .find((line) => line.startsWith(`${name}${series} `))!
          .split(' ')[1],
      );
    for (let i = 0; i < 3; i++) await api.get(`/v1/tenants/${id}`);
    const after = await (await fetch(`${running.url}/metrics`)).text();
    expect(read(after, 'http_requests_total')).toBe(read(text, 'http_requests_total') + 3);
    expect(read(after, 'http_requests_total')).toBe(read(after, 'http_request_duration_seconds_count'));
  });
});
