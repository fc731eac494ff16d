import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStoreDb, twoTenants, type StoreDb } from '../../../test/helpers/store-db.js';
import { databaseErrorKind } from '../../database/database-errors.js';
import { UsersStore } from '../users/users.store.js';
import { DEFAULT_CLAIM_MAPPING } from './connection.js';
import { ConnectionsStore, type NewConnection } from './connections.store.js';
import { UserLinksStore } from './user-links.store.js';

/** The connection and user-link stores: what a tenant's id reaches (its rows only), sealing, and what goes with a connection or a user. */
let s: StoreDb;
let a: string;
let b: string;
let store: ConnectionsStore;
let links: UserLinksStore;

beforeAll(async () => {
  s = await openStoreDb();
  store = new ConnectionsStore(s.db, s.box);
  links = new UserLinksStore(s.db);
});
afterAll(() => s?.close());
beforeEach(async () => {
  ({ a, b } = await twoTenants(s.db));
});

const domainOf = () => `d${randomBytes(4).toString('hex')}.example`;
const connectionOf = (tenantId: string, changes: Partial<NewConnection> = {}): NewConnection => ({
  tenantId,
  connectionId: randomUUID(),
  name: `c-${randomBytes(4).toString('hex')}`,
  displayName: 'Acme',
  issuer: 'https://idp.acme.example/',
  clientId: 'portcullis',
  clientSecret: 'upstream-secret',
  scopes: ['openid', 'email'],
  claimMapping: { ...DEFAULT_CLAIM_MAPPING },
  acrMapping: { mfa: 'urn:portcullis:acr:mfa' },
  emailDomains: [],
  exclusive: false,
  ...changes,
});
const userIn = async (tenantId: string) =>
  (await new UsersStore(s.db).insert({ tenantId, userId: randomUUID(), username: `u-${randomUUID()}`, email: null, claims: {}, passwordHash: null })).userId;

describe('connections store', () => {
  it('stores a connection with its domains, finds it by id, name and domain, and opens its secret', async () => {
    const domains = [domainOf(), domainOf()].sort();
    const created = await store.insert(connectionOf(a, { emailDomains: domains, exclusive: true }));
    expect(created).toMatchObject({
      tenantId: a,
      emailDomains: domains,
      exclusive: true,
      scopes: ['openid', 'email'],
      acrMapping: { mfa: 'urn:portcullis:acr:mfa' },
    });
    expect(created).not.toHaveProperty('clientSecret');
    expect(await store.find(a, created.connectionId)).toEqual(created);
    expect(await store.findByName(a, created.name)).toEqual(created);
    expect(await store.forDomain(a, domains[1])).toEqual(created);
    expect(await store.clientSecret(a, created.connectionId)).toBe('upstream-secret');
    expect(await store.list(a)).toEqual([created]);
  });

  it("tenant B's id finds, opens, changes and deletes nothing of tenant A's", async () => {
    const domain = domainOf();
    const theirs = await store.insert(connectionOf(a, { emailDomains: [domain] }));
    expect(await store.find(b, theirs.connectionId)).toBeNull();
    expect(await store.findByName(b, theirs.name)).toBeNull();
    expect(await store.forDomain(b, domain)).toBeNull();
    expect(await store.domainsServed(b, [domain])).toEqual([]);
    expect(await store.clientSecret(b, theirs.connectionId)).toBeNull();
    expect(await store.list(b)).toEqual([]);
    expect(await store.update(b, theirs.connectionId, { displayName: 'Taken', clientSecret: 'stolen', emailDomains: [] })).toBeNull();
    expect(await store.delete(b, theirs.connectionId)).toBe(false);
    expect(await store.find(a, theirs.connectionId)).toEqual(theirs);
    expect(await store.clientSecret(a, theirs.connectionId)).toBe('upstream-secret');
    // Tenant B may serve the same domain and use the same name.
    const ours = await store.insert(connectionOf(b, { name: theirs.name, emailDomains: [domain] }));
    expect(await store.forDomain(b, domain)).toEqual(ours);
    expect(await store.forDomain(a, domain)).toEqual(theirs);
  });

  it('a domain belongs to one connection of a tenant; a name to one', async () => {
    const domain = domainOf();
    const first = await store.insert(connectionOf(a, { emailDomains: [domain] }));
    await expect(store.insert(connectionOf(a, { emailDomains: [domain] })).catch(databaseErrorKind)).resolves.toBe('unique_violation');
    await expect(store.insert(connectionOf(a, { name: first.name })).catch(databaseErrorKind)).resolves.toBe('unique_violation');
    expect(await store.domainsServed(a, [domain, domainOf()])).toEqual([{ domain, name: first.name }]);
    expect(await store.domainsServed(a, [domain], first.connectionId)).toEqual([]);
    expect(await store.list(a)).toHaveLength(1);
  });

  it('updates fields, replaces the domains and re-seals a new secret bound to its row', async () => {
    const created = await store.insert(connectionOf(a, { emailDomains: [domainOf()] }));
    const domain = domainOf();
    const updated = await store.update(a, created.connectionId, {
      displayName: 'Renamed',
      clientSecret: 'new-secret',
      emailDomains: [domain],
      exclusive: true,
    });
    expect(updated).toMatchObject({ displayName: 'Renamed', emailDomains: [domain], exclusive: true, name: created.name });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    expect(await store.clientSecret(a, created.connectionId)).toBe('new-secret');

    // A sealed secret copied onto another connection's row does not open there.
    const other = await store.insert(connectionOf(a));
    await s.db.execute(
      `UPDATE connections SET client_secret = (SELECT client_secret FROM connections WHERE tenant_id = $1 AND connection_id = $2) WHERE tenant_id = $1 AND connection_id = $3`,
      [a, created.connectionId, other.connectionId],
    );
    await expect(store.clientSecret(a, other.connectionId)).rejects.toThrow();
    await store.delete(a, other.connectionId);
  });

  it('lists in name order, a page after a name', async () => {
    for (const name of ['b', 'a', 'c']) await store.insert(connectionOf(a, { name }));
    expect((await store.list(a)).map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect((await store.list(a, { after: 'a', limit: 1 })).map((c) => c.name)).toEqual(['b']);
  });
});

describe('user links store', () => {
  it('links an upstream identity to one user, records sign-ins, lists and removes', async () => {
    const connection = await store.insert(connectionOf(a));
    const userId = await userIn(a);
    const link = await links.add(a, { userId, connectionId: connection.connectionId, subject: 'sub-1', email: 'jane@acme.example' });
    expect(link).toMatchObject({ tenantId: a, userId, subject: 'sub-1', email: 'jane@acme.example', lastSignInAt: null });
    await expect(
      links.add(a, { userId: await userIn(a), connectionId: connection.connectionId, subject: 'sub-1', email: null }).catch(databaseErrorKind),
    ).resolves.toBe('unique_violation');

    await links.signedIn(a, link.linkId, 'jane.doe@acme.example');
    const found = await links.findBySubject(a, connection.connectionId, 'sub-1');
    expect(found).toMatchObject({ linkId: link.linkId, email: 'jane.doe@acme.example', lastSignInAt: expect.any(Date) });
    expect(await links.listForUser(a, userId)).toEqual([found]);
    expect(await links.userIdsOf(a, connection.connectionId)).toEqual([userId]);
    expect(await links.remove(a, userId, link.linkId)).toBe(true);
    expect(await links.remove(a, userId, link.linkId)).toBe(false);
    expect(await links.listForUser(a, userId)).toEqual([]);
  });

  it("tenant B's id finds, changes and removes nothing of tenant A's", async () => {
    const connection = await store.insert(connectionOf(a));
    const userId = await userIn(a);
    const link = await links.add(a, { userId, connectionId: connection.connectionId, subject: 'sub-1', email: null });
    expect(await links.findBySubject(b, connection.connectionId, 'sub-1')).toBeNull();
    expect(await links.listForUser(b, userId)).toEqual([]);
    expect(await links.userIdsOf(b, connection.connectionId)).toEqual([]);
    await links.signedIn(b, link.linkId, 'stolen@evil.example');
    expect(await links.remove(b, userId, link.linkId)).toBe(false);
    expect(await links.findBySubject(a, connection.connectionId, 'sub-1')).toEqual(link);
    // Nor can tenant B link its user to tenant A's connection.
    await expect(
      links.add(b, { userId: await userIn(b), connectionId: connection.connectionId, subject: 'sub-2', email: null }).catch(databaseErrorKind),
    ).resolves.toBe('foreign_key_violation');
  });

  it("a connection's links and domains go with it; a user's links go with the user", async () => {
    const domain = domainOf();
    const [gone, kept] = [await store.insert(connectionOf(a, { emailDomains: [domain] })), await store.insert(connectionOf(a))];
    const userId = await userIn(a);
    await links.add(a, { userId, connectionId: gone.connectionId, subject: 'sub-1', email: null });
    await links.add(a, { userId, connectionId: kept.connectionId, subject: 'sub-1', email: null });
    expect(await store.delete(a, gone.connectionId)).toBe(true);
    expect(await store.forDomain(a, domain)).toBeNull();
    expect((await links.listForUser(a, userId)).map((link) => link.connectionId)).toEqual([kept.connectionId]);
    await new UsersStore(s.db).delete(a, userId);
    expect(await links.userIdsOf(a, kept.connectionId)).toEqual([]);
  });
});
