import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, tempDir, type RunningApp } from '../helpers/app.js';
import { createClient, createTenant } from '../helpers/rp.js';

/** The same application on the embedded store (no DATABASE_URL): same driver, same migrations. */
describe('on the embedded store', () => {
  let dataDir: string;
  let running: RunningApp;

  beforeAll(async () => {
    dataDir = await tempDir('portcullis-embedded-');
    running = await startApp({ DATABASE_URL: '', DATA_DIR: dataDir });
  });
  afterAll(() => running?.close());

  it('is ready with its migrations applied', async () => {
    expect(running.config.databaseUrl).toBeUndefined();
    const res = await fetch(`${running.url}/readyz`);
    expect(await res.json()).toEqual({ status: 'ok', ready: true, checks: { database: 'up', migrations: 'applied' } });
  });

  it('creates, pages, updates and deletes tenants, with the same errors as on PostgreSQL', async () => {
    const api = adminApi(running.url);
    const ids = [randomIssuerId('e'), randomIssuerId('e'), randomIssuerId('e')].sort();
    for (const id of ids) expect((await api.post('/v1/tenants', { issuer_id: id })).status).toBe(201);
    expect((await api.post('/v1/tenants', { issuer_id: ids[0] })).status).toBe(409);

    const first = await api.get('/v1/tenants?limit=2');
    const second = await api.get(`/v1/tenants?limit=2&cursor=${first.body.next_cursor}`);
    expect([...first.body.items, ...second.body.items].map((t: { issuer_id: string }) => t.issuer_id)).toEqual(ids);
    expect(second.body.next_cursor).toBeNull();

    expect((await api.patch(`/v1/tenants/${ids[1]}`, { enabled: false })).body.enabled).toBe(false);
    expect((await api.delete(`/v1/tenants/${ids[2]}`)).status).toBe(204);
    expect((await api.get(`/v1/tenants/${ids[2]}`)).status).toBe(404);
  });

  it('issues and introspects tokens from many requests at once (batched statements over every pooled connection)', async () => {
    const { issuerId } = await createTenant(running.url);
    const { clientId, clientSecret } = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    const post = (path: string, body: string) =>
      fetch(`${running.url}/${issuerId}/${path}`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    for (let round = 0; round < 3; round++) {
      const issued = await Promise.all(Array.from({ length: 20 }, () => post('token', 'grant_type=client_credentials')));
      expect(issued.map((res) => res.status)).toEqual(Array(20).fill(200));
      const tokens = await Promise.all(issued.map(async (res) => ((await res.json()) as { access_token: string }).access_token));
      const introspected = await Promise.all(tokens.map(async (token) => (await (await post('introspect', `token=${token}`)).json()) as { active: boolean }));
      expect(introspected.map((answer) => answer.active)).toEqual(Array(20).fill(true));
    }
  });

  it('rotates keys and removes a retired one (a write inside the change transaction, on one connection)', async () => {
    const api = adminApi(running.url);
    const id = randomIssuerId('k');
    await api.post('/v1/tenants', { issuer_id: id, signing_alg: 'ES256' });
    const [, , retired] = (await api.post(`/v1/tenants/${id}/keys/rotate`)).body.items;
    expect((await api.delete(`/v1/tenants/${id}/keys/${retired.kid}`)).status).toBe(204);
    expect((await api.get(`/v1/tenants/${id}/keys`)).body.items).toHaveLength(2);
  });

  it("changes a user's password (the credentials epoch and the revocation, in one transaction)", async () => {
    const api = adminApi(running.url);
    const id = randomIssuerId('u');
    await api.post('/v1/tenants', { issuer_id: id });
    const user = (await api.post(`/v1/tenants/${id}/users`, { username: 'ada', password: 'correct horse battery staple' })).body;
    const changed = await api.patch(`/v1/tenants/${id}/users/${user.user_id}`, { password: 'a brand new passphrase 42' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ user_id: user.user_id, username: 'ada' });
  });

  it('keeps its data across a restart, and refuses a second process on the same folder', async () => {
    const api = adminApi(running.url);
    const id = randomIssuerId('keep');
    await api.post('/v1/tenants', { issuer_id: id, display_name: 'Kept' });

    await expect(startApp({ DATABASE_URL: '', DATA_DIR: dataDir })).rejects.toThrow(/in use by process/);

    await running.close();
    running = await startApp({ DATABASE_URL: '', DATA_DIR: dataDir });
    const reply = await adminApi(running.url).get(`/v1/tenants/${id}`);
    expect(reply.body).toMatchObject({ issuer_id: id, display_name: 'Kept' });
  });
});
