import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { query } from '../helpers/db.js';
import { createClient, createTenant } from '../helpers/rp.js';
import { inject } from 'vitest';

describe('clients admin API', () => {
  let running: RunningApp;
  let api: ReturnType<typeof adminApi>;
  let issuerId: string;

  beforeAll(async () => {
    running = await startApp();
    api = adminApi(running.url);
    ({ issuerId } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  const clients = () => `/v1/tenants/${issuerId}/clients`;

  it('registers a confidential client: 201 with RFC 7591 fields and a secret shown once', async () => {
    const reply = await api.post(clients(), { client_name: 'Billing', grant_types: ['client_credentials'], scope: 'profile email' });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      client_id: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      client_id_issued_at: expect.any(Number),
      client_name: 'Billing',
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: 'profile email',
      require_pkce: false,
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      client_secret_expires_at: 0,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const read = await api.get(`${clients()}/${reply.body.client_id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('client_secret');
    const { client_secret: _secret, client_secret_expires_at: _expires, ...rest } = reply.body;
    expect(read.body).toEqual(rest);
  });

  it('registers a public client without a secret', async () => {
    const reply = await api.post(clients(), {
      client_name: 'SPA',
      redirect_uris: ['https://spa.example.com/callback'],
      token_endpoint_auth_method: 'none',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).not.toHaveProperty('client_secret');
    expect(reply.body).toMatchObject({ grant_types: ['authorization_code'], response_types: ['code'] });
  });

  it('stores the secret sealed, never in plaintext', async () => {
    const { clientId, clientSecret } = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
    const [row] = await query<{ client_secret: string; metadata: unknown }>(
      inject('databaseUrl'),
      'SELECT client_secret, metadata FROM clients WHERE tenant_id = $1 AND client_id = $2',
      [issuerId, clientId],
    );
    expect(row.client_secret).toMatch(/^v1\./);
    expect(row.client_secret).not.toContain(clientSecret);
    expect(JSON.stringify(row.metadata)).not.toContain(clientSecret);
  });

  it.each([
    [{ redirect_uris: ['not a url'] }, 'redirect_uris'],
    [{ grant_types: ['password'] }, 'grant_types'],
    [{ token_endpoint_auth_method: 'magic' }, 'token_endpoint_auth_method'],
    [{ grant_types: ['authorization_code'] }, 'redirect_uris'],
    [{ grant_types: ['implicit'], response_types: ['id_token'], redirect_uris: ['http://app.example.com/cb'] }, 'redirect_uris'],
    [{ token_endpoint_auth_method: 'private_key_jwt', grant_types: ['client_credentials'] }, 'jwks'],
    [{ access_token_format: 'paseto', grant_types: ['client_credentials'] }, 'access_token_format'],
    [{ client_secret: 'mine', grant_types: ['client_credentials'] }, 'client_secret'],
    [{ allowed_resources: ['https://api.example.com#frag'], grant_types: ['client_credentials'] }, 'allowed_resources'],
  ])('refuses %j with a 422 naming %s, and registers nothing', async (metadata, field) => {
    const before = (await api.get(`${clients()}?limit=200`)).body.items.length;
    const reply = await api.post(clients(), metadata);
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual(adminError('validation_failed', expect.any(String), [{ field, message: expect.any(String) }]));
    expect((await api.get(`${clients()}?limit=200`)).body.items.length).toBe(before);
  });

  it('updates partially; null removes a member', async () => {
    const { clientId } = await createClient(running.url, issuerId, { client_name: 'Old', grant_types: ['client_credentials'], scope: 'profile' });
    const reply = await api.patch(`${clients()}/${clientId}`, { client_name: 'New', scope: null });
    expect(reply.status).toBe(200);
    expect(reply.body.client_name).toBe('New');
    expect(reply.body).not.toHaveProperty('scope');
    expect(reply.body.grant_types).toEqual(['client_credentials']);
    expect(reply.body).not.toHaveProperty('client_secret');
  });

  it('refuses an invalid update and keeps the client as it was', async () => {
    const { clientId } = await createClient(running.url, issuerId, { client_name: 'Kept', grant_types: ['client_credentials'] });
    const reply = await api.patch(`${clients()}/${clientId}`, { token_endpoint_auth_method: 'private_key_jwt' });
    expect(reply.body.details).toEqual([{ field: 'jwks', message: expect.any(String) }]);
    expect(reply.status).toBe(422);
    expect((await api.get(`${clients()}/${clientId}`)).body.token_endpoint_auth_method).toBe('client_secret_basic');
  });

  it('rotates a secret (shown once) and refuses to for a public client', async () => {
    const { clientId, clientSecret } = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
    const rotated = await api.post(`${clients()}/${clientId}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.body.client_secret).not.toBe(clientSecret);

    const pub = await createClient(running.url, issuerId, { redirect_uris: ['https://a.example.com/cb'], token_endpoint_auth_method: 'none' });
    expect((await api.post(`${clients()}/${pub.clientId}/secret`)).status).toBe(409);
  });

  it('pages in client_id order and filters by client_name', async () => {
    const name = randomIssuerId('name');
    for (let i = 0; i < 3; i++) await createClient(running.url, issuerId, { client_name: name, grant_types: ['client_credentials'] });
    const first = await api.get(`${clients()}?client_name=${name}&limit=2`);
    const second = await api.get(`${clients()}?client_name=${name}&limit=2&cursor=${first.body.next_cursor}`);
    const ids = [...first.body.items, ...second.body.items].map((c: { client_id: string }) => c.client_id);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual([...ids].sort());
    expect(second.body.next_cursor).toBeNull();
  });

  it('deletes (204), then 404', async () => {
    const { clientId } = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
    expect((await api.delete(`${clients()}/${clientId}`)).status).toBe(204);
    expect((await api.delete(`${clients()}/${clientId}`)).status).toBe(404);
    expect((await api.get(`${clients()}/${clientId}`)).status).toBe(404);
  });

  it("answers 404 for another tenant's client and for an unknown tenant", async () => {
    const { clientId } = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
    const other = await createTenant(running.url);
    expect((await api.get(`/v1/tenants/${other.issuerId}/clients/${clientId}`)).status).toBe(404);
    expect((await api.patch(`/v1/tenants/${other.issuerId}/clients/${clientId}`, { client_name: 'x' })).status).toBe(404);
    expect((await api.delete(`/v1/tenants/${other.issuerId}/clients/${clientId}`)).status).toBe(404);
    expect((await api.get(`/v1/tenants/${randomIssuerId()}/clients`)).status).toBe(404);
    expect((await api.post(`/v1/tenants/${randomIssuerId()}/clients`, { grant_types: ['client_credentials'] })).status).toBe(404);
  });
});
