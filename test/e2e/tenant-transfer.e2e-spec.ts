import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createClient, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

const USER = { username: 'mia', password: 'correct horse battery staple', email: 'mia@example.com', name: 'Mia Wong', locale: 'en-GB' };

/** Export, delete, import: the tenant comes back with its options, clients and users, new keys and new secrets. */
describe('tenant export and import', () => {
  let running: RunningApp;
  const api = () => adminApi(running.url);

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  const kidsOf = async (issuerId: string) =>
    ((await (await fetch(`${running.url}/${issuerId}/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid);

  it('round trip: the imported issuer answers again, its clients get tokens with rotated secrets, nothing secret was exported', async () => {
    const issuerId = randomIssuerId('move');
    const issuer = `${running.url}/${issuerId}`;
    const options = {
      issuer_id: issuerId,
      display_name: 'Moving Co',
      signing_alg: 'ES256',
      access_token_ttl: 600,
      brand_color: '#123456',
      logo_url: 'https://cdn.example.com/m.svg',
    };
    expect((await api().post('/v1/tenants', options)).status).toBe(201);
    const machine = await createClient(running.url, issuerId, {
      client_name: 'Billing',
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
    });
    await createClient(running.url, issuerId, { client_name: 'SPA', redirect_uris: ['https://rp.example.com/cb'], token_endpoint_auth_method: 'none' });
    const user = (await api().post(`/v1/tenants/${issuerId}/users`, USER)).body;
    const oldSecret = machine.clientSecret!;
    expect((await oidc.clientCredentialsGrant(await discover(issuer, machine.clientId, oidc.ClientSecretBasic(oldSecret)))).access_token).toEqual(
      expect.any(String),
    );
    const oldKids = await kidsOf(issuerId);

    const exported = await api().get(`/v1/tenants/${issuerId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      format: 'portcullis.tenant.v1',
      tenant: options,
      clients: [expect.anything(), expect.anything()],
      users: [{ user_id: user.user_id, username: 'mia', name: 'Mia Wong' }],
    });
    const text = JSON.stringify(exported.body);
    for (const secret of [oldSecret, USER.password]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"(client_secret|password|password_hash|private_jwk|d)":/);

    expect((await api().delete(`/v1/tenants/${issuerId}`)).status).toBe(204);
    // Everything it owned went in the same transaction, and its public routes are gone at once.
    const [left] = await running.app.get(DataSource).query(
      `SELECT (SELECT count(*) FROM signing_keys WHERE tenant_id = $1) + (SELECT count(*) FROM clients WHERE tenant_id = $1)
            + (SELECT count(*) FROM users WHERE tenant_id = $1) + (SELECT count(*) FROM oidc_payloads WHERE tenant_id = $1) AS rows`,
      [issuerId],
    );
    expect(Number(left.rows)).toBe(0);
    for (const path of ['/.well-known/openid-configuration', '/jwks.json', '/token', '/authorize', '/userinfo']) {
      expect((await fetch(`${issuer}${path}`, { method: path === '/token' ? 'POST' : 'GET' })).status).toBe(404);
    }

    const imported = await api().post('/v1/tenants/import', exported.body);
    expect(imported.status).toBe(201);
    expect(imported.body.tenant).toMatchObject(options);
    const moved = imported.body.clients.find((client: { client_id: string }) => client.client_id === machine.clientId);
    expect(moved).toMatchObject({ client_name: 'Billing', client_secret: expect.any(String) });
    expect(moved.client_secret).not.toBe(oldSecret);
    expect(imported.body.clients.find((client: { client_name: string }) => client.client_name === 'SPA').client_secret).toBeUndefined();
    expect(imported.body.users).toEqual([expect.objectContaining({ user_id: user.user_id, username: 'mia', email: 'mia@example.com', locale: 'en-GB' })]);

    const config = await discover(issuer, machine.clientId, oidc.ClientSecretBasic(moved.client_secret));
    expect((await oidc.clientCredentialsGrant(config)).expires_in).toBe(600);
    expect(await oauthErrorOf(oidc.clientCredentialsGrant(await discover(issuer, machine.clientId, oidc.ClientSecretBasic(oldSecret))))).toMatchObject({
      error: 'invalid_client',
    });
    const newKids = await kidsOf(issuerId);
    expect(newKids.some((kid) => oldKids.includes(kid))).toBe(false);

    // The same document again: the tenant exists.
    expect((await api().post('/v1/tenants/import', exported.body)).status).toBe(409);
  });

  it('a client or user the new tenant refuses undoes the import and is named; malformed documents are 422', async () => {
    const issuerId = randomIssuerId('bad');
    const document = {
      format: 'portcullis.tenant.v1',
      tenant: { issuer_id: issuerId, grant_types: ['authorization_code', 'refresh_token'] },
      clients: [
        { client_id: 'ok-client', redirect_uris: ['https://rp.example.com/cb'] },
        { client_id: 'machine', grant_types: ['client_credentials'], redirect_uris: [], response_types: [] },
      ],
      users: [],
    };
    const refused = await api().post('/v1/tenants/import', document);
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: expect.stringMatching(/^clients\[1\]/) })]);
    expect((await api().get(`/v1/tenants/${issuerId}`)).status).toBe(404);

    const repeated = await api().post('/v1/tenants/import', { ...document, clients: [document.clients[0], document.clients[0]] });
    expect(repeated).toMatchObject({ status: 422, body: { details: [{ field: 'clients[1].client_id' }] } });

    const malformed = await api().post('/v1/tenants/import', {
      format: 'other',
      tenant: { issuer_id: 'X!' },
      clients: 'none',
      users: [{ username: 'a', password: 'b' }],
      extra: true,
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'clients',
      'extra',
      'format',
      'tenant.issuer_id',
      'users[0].password',
      'users[0].user_id',
    ]);
    expect((await api().get(`/v1/tenants/${issuerId}`)).status).toBe(404);
    expect((await api().post('/v1/tenants/import', { format: 'portcullis.tenant.v1', clients: [], users: [] })).body).toMatchObject({
      details: [{ field: 'tenant' }],
    });
  });
});
