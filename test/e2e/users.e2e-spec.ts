import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi, adminError, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { query } from '../helpers/db.js';
import { createTenant } from '../helpers/rp.js';

describe('users admin API', () => {
  let running: RunningApp;
  let api: ReturnType<typeof adminApi>;
  let issuerId: string;
  const users = () => `/v1/tenants/${issuerId}/users`;

  beforeAll(async () => {
    running = await startApp();
    api = adminApi(running.url);
    ({ issuerId } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  it('creates a user (201) whose user_id is a UUID, and never returns the password', async () => {
    const reply = await api.post(users(), {
      username: 'alice',
      password: 'a long enough password',
      email: 'alice@example.com',
      email_verified: false,
      name: 'Alice Liddell',
      address: { locality: 'Oxford', country: 'GB' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      user_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      username: 'alice',
      email: 'alice@example.com',
      email_verified: false,
      name: 'Alice Liddell',
      address: { locality: 'Oxford', country: 'GB' },
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect((await api.get(`${users()}/${reply.body.user_id}`)).body).toEqual(reply.body);
    const [row] = await query<{ password_hash: string }>(inject('databaseUrl'), 'SELECT password_hash FROM users WHERE user_id = $1', [reply.body.user_id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(JSON.stringify(await api.get(users()))).not.toContain('argon2');
  });

  it('answers 409 for a username taken in this tenant, whatever the case; another tenant may reuse it', async () => {
    await api.post(users(), { username: 'bob', password: 'a long enough password' });
    expect(await api.post(users(), { username: 'BOB', password: 'a long enough password' })).toMatchObject({ status: 409, body: adminError('conflict') });
    const other = await createTenant(running.url);
    expect((await api.post(`/v1/tenants/${other.issuerId}/users`, { username: 'bob', password: 'a long enough password' })).status).toBe(201);
  });

  it('lists every failing field in one 422', async () => {
    const reply = await api.post(users(), { username: 'has space', password: 'short', email: 'not-an-email', address: { country: 5 }, role: 'admin' });
    expect(reply.status).toBe(422);
    expect(reply.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['address.country', 'email', 'password', 'role', 'username']);
  });

  it('updates partially, sets a new password, and filters by email and username', async () => {
    const { body: carol } = await api.post(users(), { username: 'carol', password: 'first password!', email: 'Carol@Example.com', name: 'Carol' });
    const updated = await api.patch(`${users()}/${carol.user_id}`, { given_name: 'Carol', password: 'second password!' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Carol', given_name: 'Carol', email: 'Carol@Example.com' });
    expect(updated.body).not.toHaveProperty('password');
    expect((await api.get(`${users()}?email=carol@example.com`)).body.items.map((u: { user_id: string }) => u.user_id)).toEqual([carol.user_id]);
    expect((await api.get(`${users()}?username=CAROL`)).body.items).toHaveLength(1);
  });

  it("deletes (204, then 404); 404 for a malformed id, an unknown tenant, or another tenant's user", async () => {
    const { body: dave } = await api.post(users(), { username: 'dave', password: 'a long enough password' });
    const other = await createTenant(running.url);
    expect((await api.get(`/v1/tenants/${other.issuerId}/users/${dave.user_id}`)).status).toBe(404);
    expect((await api.delete(`${users()}/${dave.user_id}`)).status).toBe(204);
    expect((await api.delete(`${users()}/${dave.user_id}`)).status).toBe(404);
    expect((await api.get(`${users()}/not-a-uuid`)).status).toBe(404);
    expect((await api.get(`/v1/tenants/${randomIssuerId()}/users`)).status).toBe(404);
  });
});
