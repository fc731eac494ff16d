import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createTenant } from '../helpers/rp.js';

/** Admin keys besides ADMIN_API_KEY: created once, hashed at rest, revocable, optionally limited to one tenant. */
describe('admin keys', () => {
  let running: RunningApp;
  let own: string;
  let other: string;
  let scoped: { id: string; key: string; created_at: string };

  beforeAll(async () => {
    running = await startApp();
    ({ issuerId: own } = await createTenant(running.url));
    ({ issuerId: other } = await createTenant(running.url));
    const created = await adminApi(running.url).post('/v1/admin-keys', { name: 'acme-ci', issuer_id: own });
    expect(created.status).toBe(201);
    scoped = created.body;
  });
  afterAll(() => running.close());

  it('shows the key once; lists and reads it without the key; stores only a hash', async () => {
    expect(scoped).toEqual({
      id: expect.any(String),
      name: 'acme-ci',
      issuer_id: own,
      key: expect.stringMatching(/^pck_[\w-]{43}$/),
      key_prefix: scoped.key.slice(0, 8),
      created_at: expect.any(String),
    });
    const read = await adminApi(running.url).get(`/v1/admin-keys/${scoped.id}`);
    expect(read.body).toEqual({ id: scoped.id, name: 'acme-ci', issuer_id: own, key_prefix: scoped.key.slice(0, 8), created_at: scoped.created_at });
    const listed = await adminApi(running.url).get(`/v1/admin-keys?issuer_id=${own}`);
    expect(listed.body).toEqual({ items: [read.body], next_cursor: null });
    const [row] = await running.app.get(DataSource).query('SELECT * FROM admin_keys WHERE id = $1', [scoped.id]);
    expect(Buffer.from(row.key_hash)).toEqual(createHash('sha256').update(scoped.key).digest());
    expect(JSON.stringify(row)).not.toContain(scoped.key);
  });

  it('a tenant-scoped key manages its tenant', async () => {
    const api = adminApi(running.url, scoped.key);
    expect((await api.get(`/v1/tenants/${own}`)).status).toBe(200);
    expect((await api.patch(`/v1/tenants/${own}`, { display_name: 'Own Corp' })).body.display_name).toBe('Own Corp');
    const client = await api.post(`/v1/tenants/${own}/clients`, { redirect_uris: ['https://rp.example.com/cb'] });
    expect(client.status).toBe(201);
    expect((await api.get(`/v1/tenants/${own}/clients`)).body.items).toHaveLength(1);
    expect((await api.get(`/v1/tenants/${own}/keys`)).status).toBe(200);
    expect((await api.get(`/v1/tenants/${own}/audit-events`)).status).toBe(200);
  });

  it('cannot cross tenants: every route of another tenant is 404, every route above tenants 403, and nothing changes', async () => {
    const spec = (await (await fetch(`${running.url}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const api = adminApi(running.url, scoped.key);
    const before = await adminApi(running.url).get(`/v1/tenants/${other}`);
    let tried = 0;
    for (const [template, operations] of Object.entries(spec.paths)) {
      if (!template.startsWith('/v1/')) continue;
      for (const method of Object.keys(operations)) {
        const path = template.replace('{issuer_id}', other).replace(/\{[a-z_]+\}/g, '00000000-0000-4000-8000-000000000000');
        const body = method === 'post' || method === 'patch' ? {} : undefined;
        const reply = await api.call(method.toUpperCase(), path, body);
        const expected = template.includes('{issuer_id}') ? 404 : 403;
        expect({ route: `${method} ${template}`, status: reply.status, body: reply.body }).toEqual({
          route: `${method} ${template}`,
          status: expected,
          body: adminError(expected === 404 ? 'not_found' : 'forbidden'),
        });
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(25);
    expect(await adminApi(running.url).get(`/v1/tenants/${other}`)).toMatchObject({ status: 200, body: before.body });
  });

  it('refuses bad input with 422 naming the fields', async () => {
    const reply = await adminApi(running.url).post('/v1/admin-keys', { issuer_id: 'no-such-tenant', extra: 1 });
    expect(reply.status).toBe(422);
    expect(reply.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(['extra', 'name']);
    const unknownTenant = await adminApi(running.url).post('/v1/admin-keys', { name: 'x', issuer_id: 'no-such-tenant' });
    expect(unknownTenant).toMatchObject({ status: 422, body: { details: [{ field: 'issuer_id' }] } });
  });

  it('revocation: 204, then the key is refused (401) and a second revoke is 404', async () => {
    const created = await adminApi(running.url).post('/v1/admin-keys', { name: 'short-lived' });
    const api = adminApi(running.url, created.body.key);
    expect((await api.get('/v1/tenants')).status).toBe(200);
    expect((await adminApi(running.url).delete(`/v1/admin-keys/${created.body.id}`)).status).toBe(204);
    expect((await api.get('/v1/tenants')).status).toBe(401);
    expect((await adminApi(running.url).delete(`/v1/admin-keys/${created.body.id}`)).status).toBe(404);
    expect((await adminApi(running.url).get(`/v1/admin-keys/${created.body.id}`)).status).toBe(404);
  });

  it("a tenant's keys go with the tenant", async () => {
    const { issuerId } = await createTenant(running.url);
    const created = await adminApi(running.url).post('/v1/admin-keys', { name: 'doomed', issuer_id: issuerId });
    expect((await adminApi(running.url, created.body.key).get(`/v1/tenants/${issuerId}`)).status).toBe(200);
    expect((await adminApi(running.url).delete(`/v1/tenants/${issuerId}`)).status).toBe(204);
    expect((await adminApi(running.url, created.body.key).get(`/v1/tenants/${issuerId}`)).status).toBe(401);
  });
});
