import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEFAULT_CLAIM_MAPPING } from '../../src/stores/connections/connection.js';
import { adminApi, adminError, randomIssuerId } from '../helpers/admin-api.js';
import { freePort, startApp, type RunningApp } from '../helpers/app.js';
import { authorizationUrl, REDIRECT } from '../helpers/admin-fixtures.js';
import { UserAgent } from '../helpers/browserless.js';
import { query } from '../helpers/db.js';
import { fakeServer, openIdConfiguration, rsaKeys, sendJson, type FakeServer } from '../helpers/fake-issuer.js';

const SECRET = `upstream-secret-${randomBytes(8).toString('hex')}`;
const PASSWORD = 'correct horse battery staple';

/**
 * The admin side of federated sign-in: connections (each upstream is another tenant of the same
 * app, discovered over loopback, which PROVIDER_DISCOVERY_ALLOW_PRIVATE allows) and users' links.
 */
describe('connections admin API', () => {
  let running: RunningApp;
  let api: ReturnType<typeof adminApi>;
  let upstream: string;
  let tenant: string;
  let other: string;
  const databaseUrl = inject('databaseUrl');
  const servers: FakeServer[] = [];

  const connections = (issuerId = tenant) => `/v1/tenants/${issuerId}/connections`;
  const body = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    display_name: `Corp ${name}`,
    issuer: `${running.url}/${upstream}`,
    client_id: `portcullis-${name}`,
    client_secret: SECRET,
    ...extra,
  });
  const uniqueName = (prefix = 'c') => `${prefix}-${randomBytes(4).toString('hex')}`;
  const domain = () => `d${randomBytes(4).toString('hex')}.example`;
  async function create(extra: Record<string, unknown> = {}, issuerId = tenant) {
    const reply = await api.post(connections(issuerId), body(uniqueName(), extra));
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  }
  const events = async (action: string, resourceId: string) =>
    (await api.get(`/v1/tenants/${tenant}/audit-events?action=${action}&resource_id=${resourceId}&resource_type=${action.split('.')[0]}`)).body.items;
  const fields = (reply: { body: { details?: Array<{ field: string }> } }) => reply.body.details?.map((d) => d.field);

  beforeAll(async () => {
    running = await startApp({ PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true', PROVIDER_DISCOVERY_TIMEOUT_MS: '2000' });
    api = adminApi(running.url);
    [upstream, tenant, other] = [randomIssuerId('up'), randomIssuerId('fed'), randomIssuerId('oth')];
    for (const issuerId of [upstream, tenant, other]) expect((await api.post('/v1/tenants', { issuer_id: issuerId })).status).toBe(201);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await running?.close();
  });

  it('creates a connection with the defaults, answering everything but the secret, which is stored sealed', async () => {
    const name = uniqueName();
    const reply = await api.post(connections(), body(name));
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      connection_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name,
      display_name: `Corp ${name}`,
      issuer: `${running.url}/${upstream}`,
      client_id: `portcullis-${name}`,
      scopes: ['openid', 'email', 'profile'],
      claim_mapping: DEFAULT_CLAIM_MAPPING,
      acr_mapping: {},
      email_domains: [],
      exclusive: false,
      redirect_uri: `${running.url}/${tenant}/federation/${name}/callback`,
      created_at: expect.stringMatching(/^\d{4}-/),
      updated_at: expect.stringMatching(/^\d{4}-/),
    });
    const id = reply.body.connection_id;
    expect(JSON.stringify(reply.body)).not.toContain(SECRET);
    expect((await api.get(`${connections()}/${id}`)).body).toEqual(reply.body);

    const [row] = await query<{ client_secret: string }>(databaseUrl, 'SELECT client_secret FROM connections WHERE tenant_id = $1 AND connection_id = $2', [
      tenant,
      id,
    ]);
    expect(row.client_secret).not.toContain(SECRET);
    expect(row.client_secret).toMatch(/^v1\./);

    const [event] = await events('connection.created', id);
    expect(event).toMatchObject({ action: 'connection.created', issuer_id: tenant, after: { name, client_id: `portcullis-${name}` } });
    expect(JSON.stringify(event)).not.toContain(SECRET);
  });

  it('keeps what is given: scopes, mappings, lower-case domains, exclusive', async () => {
    const domains = [domain(), domain()].sort();
    const created = await create({
      scopes: ['openid', 'email'],
      claim_mapping: { mail: 'email', upn: 'preferred_username' },
      acr_mapping: { 'http://idp/mfa': 'urn:portcullis:acr:mfa', phr: 'phr' },
      email_domains: domains,
      exclusive: true,
    });
    expect(created).toMatchObject({
      scopes: ['openid', 'email'],
      claim_mapping: { mail: 'email', upn: 'preferred_username' },
      acr_mapping: { 'http://idp/mfa': 'urn:portcullis:acr:mfa', phr: 'phr' },
      email_domains: domains,
      exclusive: true,
    });
  });

  it('lists in name order, a page at a time', async () => {
    const issuerId = randomIssuerId('list');
    await api.post('/v1/tenants', { issuer_id: issuerId });
    const names = ['b-two', 'a-one', 'c-three'];
    for (const name of names) expect((await api.post(connections(issuerId), body(name))).status).toBe(201);
    const first = await api.get(`${connections(issuerId)}?limit=2`);
    expect(first.body.items.map((c: { name: string }) => c.name)).toEqual(['a-one', 'b-two']);
    const second = await api.get(`${connections(issuerId)}?limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.body).toMatchObject({ items: [{ name: 'c-three' }], next_cursor: null });
    expect(JSON.stringify([first.body, second.body])).not.toContain(SECRET);
    expect((await api.get(`${connections(issuerId)}?cursor=bad`)).status).toBe(422);
  });

  it('updates any field but the name; a new secret is sealed, never shown, and the change is audited', async () => {
    const created = await create();
    const id = created.connection_id;
    const [before] = await query<{ client_secret: string }>(databaseUrl, 'SELECT client_secret FROM connections WHERE connection_id = $1', [id]);
    const newSecret = `rotated-${randomBytes(6).toString('hex')}`;
    const d = domain();
    const reply = await api.patch(`${connections()}/${id}`, { display_name: 'Renamed', client_secret: newSecret, email_domains: [d], exclusive: true });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ name: created.name, display_name: 'Renamed', email_domains: [d], exclusive: true, client_id: created.client_id });
    expect(JSON.stringify(reply.body)).not.toContain(newSecret);
    const [after] = await query<{ client_secret: string }>(databaseUrl, 'SELECT client_secret FROM connections WHERE connection_id = $1', [id]);
    expect(after.client_secret).not.toBe(before.client_secret);
    expect(after.client_secret).not.toContain(newSecret);

    const [event] = await events('connection.updated', id);
    expect(event).toMatchObject({ before: { display_name: created.display_name }, after: { display_name: 'Renamed', email_domains: [d] } });
    expect(JSON.stringify(event)).not.toContain(newSecret);

    const renamed = await api.patch(`${connections()}/${id}`, { name: 'other-name' });
    expect(renamed).toMatchObject({ status: 422, body: { details: [{ field: 'name' }] } });
    // Domains dropped while exclusive: refused, as in a create.
    expect(fields(await api.patch(`${connections()}/${id}`, { email_domains: [] }))).toEqual(['exclusive']);
    const cleared = await api.patch(`${connections()}/${id}`, { email_domains: [], exclusive: false });
    expect(cleared.body).toMatchObject({ email_domains: [], exclusive: false });
  });

  it('discovers a new issuer in an update, and refuses one that is not an OpenID Provider', async () => {
    const created = await create();
    const refused = await api.patch(`${connections()}/${created.connection_id}`, { issuer: `${running.url}/no-such-${randomBytes(3).toString('hex')}` });
    expect(refused).toMatchObject({ status: 422, body: { details: [{ field: 'issuer', message: expect.stringContaining('No usable metadata') }] } });
    const moved = await api.patch(`${connections()}/${created.connection_id}`, { issuer: `${running.url}/${other}` });
    expect(moved).toMatchObject({ status: 200, body: { issuer: `${running.url}/${other}` } });
  });

  describe('refuses with 422 naming the field', () => {
    it.each([
      ['a name with capitals', { name: 'Acme' }, 'name'],
      ['a name starting with a hyphen', { name: '-acme' }, 'name'],
      ['an empty display name', { display_name: '' }, 'display_name'],
      ['a relative issuer', { issuer: '/acme' }, 'issuer'],
      ['no client secret', { client_secret: undefined }, 'client_secret'],
      ['scopes without openid', { scopes: ['email'] }, 'scopes'],
      ['a claim mapped to an unknown attribute', { claim_mapping: { email: 'password_hash' } }, 'claim_mapping'],
      ['a claim mapping that is not an object', { claim_mapping: ['email'] }, 'claim_mapping'],
      ['an acr mapped to an unknown level', { acr_mapping: { gold: 'urn:portcullis:acr:gold' } }, 'acr_mapping'],
      ['an upper-case domain', { email_domains: ['Acme.example'] }, 'email_domains'],
      ['a domain that is not one', { email_domains: ['acme'] }, 'email_domains'],
      ['exclusive without domains', { exclusive: true }, 'exclusive'],
      ['an unknown field', { client_type: 'public' }, 'client_type'],
    ])('%s', async (_, extra, field) => {
      const reply = await api.post(connections(), body(uniqueName(), extra));
      expect(reply).toMatchObject({ status: 422, body: adminError('validation_failed') });
      expect(fields(reply)).toEqual([field]);
    });

    it('an issuer that is not an OpenID Provider, one that does not answer, and one whose metadata names another issuer', async () => {
      const notOidc = await api.post(connections(), body(uniqueName(), { issuer: `${running.url}/no-such-tenant` }));
      expect(notOidc).toMatchObject({ status: 422, body: { details: [{ field: 'issuer', message: expect.stringContaining('No usable metadata') }] } });

      const closed = `http://127.0.0.1:${await freePort()}`;
      const unreachable = await api.post(connections(), body(uniqueName(), { issuer: closed }));
      expect(unreachable).toMatchObject({ status: 422, body: { details: [{ field: 'issuer' }] } });

      const keys = rsaKeys();
      const impostor = await fakeServer((req, res, self) => {
        if (req.url === '/.well-known/openid-configuration') return sendJson(res, openIdConfiguration('https://other.example.com/'));
        if (req.url === '/.well-known/jwks.json') return sendJson(res, { keys: [keys.public] });
        sendJson(res, { error: 'not_found' }, 404);
        void self;
      });
      servers.push(impostor);
      const mismatched = await api.post(connections(), body(uniqueName(), { issuer: `${impostor.url}/` }));
      expect(mismatched).toMatchObject({
        status: 422,
        body: { details: [{ field: 'issuer', message: expect.stringContaining('https://other.example.com/') }] },
      });
      // Nothing was stored.
      expect(await query(databaseUrl, 'SELECT 1 FROM connections WHERE tenant_id = $1 AND issuer = ANY ($2)', [tenant, [closed, `${impostor.url}/`]])).toEqual(
        [],
      );
    });
  });

  describe('conflicts', () => {
    it('a name taken in the tenant (but free in another)', async () => {
      const created = await create();
      const reply = await api.post(connections(), body(created.name));
      expect(reply).toMatchObject({ status: 409, body: adminError('conflict', expect.stringContaining(created.name)) });
      expect((await api.post(connections(other), body(created.name))).status).toBe(201);
    });

    it('an email domain another connection of the tenant serves, in a create or an update, naming the domain', async () => {
      const d = domain();
      const first = await create({ email_domains: [d] });
      const second = await api.post(connections(), body(uniqueName(), { email_domains: [domain(), d] }));
      expect(second).toMatchObject({ status: 409, body: adminError('conflict', expect.stringContaining(`'${d}'`)) });
      const third = await create();
      const patched = await api.patch(`${connections()}/${third.connection_id}`, { email_domains: [d] });
      expect(patched).toMatchObject({ status: 409, body: adminError('conflict', expect.stringContaining(first.name)) });
      // The connection keeps its own domain in an update; another tenant may serve it too.
      expect((await api.patch(`${connections()}/${first.connection_id}`, { email_domains: [d, domain()] })).status).toBe(200);
      expect((await api.post(connections(other), body(uniqueName(), { email_domains: [d] }))).status).toBe(201);
    });
  });

  it("answers 404 for another tenant's connection, an unknown one, a malformed id and an unknown tenant", async () => {
    const theirs = await create({}, other);
    for (const id of [theirs.connection_id, randomUUID(), 'not-a-uuid']) {
      expect((await api.get(`${connections()}/${id}`)).status).toBe(404);
      expect((await api.patch(`${connections()}/${id}`, { display_name: 'Mine' })).status).toBe(404);
      expect((await api.delete(`${connections()}/${id}`)).status).toBe(404);
    }
    expect((await api.get(`${connections(other)}/${theirs.connection_id}`)).body.display_name).toBe(theirs.display_name);
    expect((await api.get(connections(randomIssuerId('gone')))).status).toBe(404);
    expect((await api.post(connections(randomIssuerId('gone')), body(uniqueName()))).status).toBe(404);
  });

  describe('user links and deletion', () => {
    async function user(issuerId = tenant): Promise<{ user_id: string; username: string }> {
      const reply = await api.post(`/v1/tenants/${issuerId}/users`, { username: `u-${randomUUID()}`, password: PASSWORD });
      expect(reply.status).toBe(201);
      return reply.body;
    }
    /** A link as the sign-in makes one (not reachable over HTTP yet): a row of user_links. */
    async function link(issuerId: string, userId: string, connectionId: string, subject: string = randomUUID()): Promise<string> {
      const linkId = randomUUID();
      await query(
        databaseUrl,
        `INSERT INTO user_links (tenant_id, link_id, user_id, connection_id, subject, email, last_sign_in_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [issuerId, linkId, userId, connectionId, subject, `${subject}@acme.example`],
      );
      return linkId;
    }
    /** The user signs in with the password at a client of the tenant: a session and a grant. */
    async function signIn(username: string): Promise<void> {
      const client = await api.post(`/v1/tenants/${tenant}/clients`, { client_name: 'RP', redirect_uris: [REDIRECT] });
      const url = authorizationUrl(running.url, tenant, client.body.client_id);
      await new UserAgent(running.url).authorize(url, { username, password: PASSWORD });
    }
    const sessionsOf = async (userId: string) => (await api.get(`/v1/tenants/${tenant}/sessions?user_id=${userId}`)).body.items;

    it("lists a user's links with their connection's name, and removes one (audited); others' links are not found", async () => {
      const connection = await create();
      const [jane, joe] = [await user(), await user()];
      const linkId = await link(tenant, jane.user_id, connection.connection_id, 'upstream-sub-1');
      const joesLink = await link(tenant, joe.user_id, connection.connection_id);

      const listed = await api.get(`/v1/tenants/${tenant}/users/${jane.user_id}/links`);
      expect(listed).toMatchObject({
        status: 200,
        body: {
          items: [
            {
              link_id: linkId,
              connection_id: connection.connection_id,
              connection_name: connection.name,
              subject: 'upstream-sub-1',
              email: 'upstream-sub-1@acme.example',
              created_at: expect.stringMatching(/^\d{4}-/),
              last_sign_in_at: expect.stringMatching(/^\d{4}-/),
            },
          ],
        },
      });
      expect((await api.get(`/v1/tenants/${tenant}/users/${randomUUID()}/links`)).status).toBe(404);
      expect((await api.get(`/v1/tenants/${other}/users/${jane.user_id}/links`)).status).toBe(404);

      // Joe's link through Jane's path, a malformed id, and Jane's link through another tenant: not found, and kept.
      expect((await api.delete(`/v1/tenants/${tenant}/users/${jane.user_id}/links/${joesLink}`)).status).toBe(404);
      expect((await api.delete(`/v1/tenants/${tenant}/users/${jane.user_id}/links/not-a-uuid`)).status).toBe(404);
      expect((await api.delete(`/v1/tenants/${other}/users/${jane.user_id}/links/${linkId}`)).status).toBe(404);
      expect(await query(databaseUrl, 'SELECT 1 FROM user_links WHERE link_id = ANY ($1)', [[linkId, joesLink]])).toHaveLength(2);

      expect((await api.delete(`/v1/tenants/${tenant}/users/${jane.user_id}/links/${linkId}`)).status).toBe(204);
      expect((await api.get(`/v1/tenants/${tenant}/users/${jane.user_id}/links`)).body.items).toEqual([]);
      expect((await api.delete(`/v1/tenants/${tenant}/users/${jane.user_id}/links/${linkId}`)).status).toBe(404);
      const [event] = await events('user.link_removed', jane.user_id);
      expect(event).toMatchObject({ action: 'user.link_removed', before: { link_id: linkId, connection_name: connection.name } });
    });

    it("deletes a connection with its links, ending its linked users' sessions (audited) and no one else's", async () => {
      const connection = await create({ email_domains: [domain()] });
      const [linked, unlinked] = [await user(), await user()];
      await link(tenant, linked.user_id, connection.connection_id);
      await signIn(linked.username);
      await signIn(unlinked.username);
      expect(await sessionsOf(linked.user_id)).toHaveLength(1);

      expect((await api.delete(`${connections()}/${connection.connection_id}`)).status).toBe(204);
      expect((await api.get(`${connections()}/${connection.connection_id}`)).status).toBe(404);
      expect((await api.delete(`${connections()}/${connection.connection_id}`)).status).toBe(404);

      expect(await sessionsOf(linked.user_id)).toEqual([]);
      expect(await sessionsOf(unlinked.user_id)).toHaveLength(1);
      expect((await api.get(`/v1/tenants/${tenant}/users/${linked.user_id}`)).status).toBe(200);
      expect((await api.get(`/v1/tenants/${tenant}/users/${linked.user_id}/links`)).body.items).toEqual([]);
      expect(await query(databaseUrl, 'SELECT 1 FROM connection_domains WHERE connection_id = $1', [connection.connection_id])).toEqual([]);

      const [signedOut] = await events('user.signed_out', linked.user_id);
      expect(signedOut).toMatchObject({ after: { reason: 'connection_deleted', revoked: { Session: 1 } } });
      const [deleted] = await events('connection.deleted', connection.connection_id);
      expect(deleted).toMatchObject({ before: { name: connection.name } });
    });
  });
});
