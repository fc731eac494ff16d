import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerIdOf, newTenant, openStoreDb, type StoreDb } from '../../test/helpers/store-db.js';
import { databaseProblem } from '../common/errors/database-problem.js';
import { classifyDatabaseError, type DatabaseErrorClass } from '../database/database-errors.js';
import { AdminKeysStore } from './admin-keys/admin-keys.store.js';
import { AuditTrail } from './audit-events/audit-trail.store.js';
import { ClientsStore } from './clients/clients.store.js';
import { OidcPayloadsStore } from './oidc-payloads/oidc-payloads.store.js';
import { SigningKeysStore } from './signing-keys/signing-keys.store.js';
import { TENANT_OPTION_DEFAULTS } from './tenants/tenant.js';
import { TenantsStore } from './tenants/tenants.store.js';
import { UsersStore } from './users/users.store.js';

/**
 * The one database-error mapping, reached from every store: what a caller sends that PostgreSQL
 * cannot store (a NUL character) is the caller's error (422 on the admin API, 400 on the
 * protocol routes), a duplicate is a conflict (409), and a row that refers to a tenant that is
 * not there is a conflict too, never a 500.
 */
let store: StoreDb;
let issuerId: string;

beforeAll(async () => {
  store = await openStoreDb();
  issuerId = await newTenant(store.db, issuerIdOf('store-errors'));
});
afterAll(() => store?.close());

const NUL = 'a\u0000b';

/** The kind of error `call` fails with, and what the admin API and the protocol routes answer for it. */
async function failure(call: () => Promise<unknown>): Promise<{ kind: DatabaseErrorClass['kind']; admin?: number; protocol?: number }> {
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, 'the store call was expected to fail').toBeDefined();
  return { kind: classifyDatabaseError(error).kind, admin: databaseProblem(error, 'admin')?.status, protocol: databaseProblem(error, 'protocol')?.status };
}

const invalidInput = { kind: 'invalid_input', admin: 422, protocol: 400 };

describe('every store maps a value PostgreSQL cannot store to the caller’s error', () => {
  const stores = () => ({
    tenants: new TenantsStore(store.db),
    keys: new SigningKeysStore(store.db, store.box),
    clients: new ClientsStore(store.db, store.box),
    users: new UsersStore(store.db),
    payloads: new OidcPayloadsStore(store.db, store.box),
    audit: new AuditTrail(store.db),
    adminKeys: new AdminKeysStore(store.db),
  });

  const calls: Record<string, () => Promise<unknown>> = {
    'TenantsStore.find': () => stores().tenants.find(NUL),
    'TenantsStore.update': () => stores().tenants.update(issuerId, { displayName: NUL }),
    'SigningKeysStore.list': () => stores().keys.list(NUL),
    'ClientsStore.find': () => stores().clients.find(issuerId, NUL),
    'ClientsStore.list': () => stores().clients.list(issuerId, { clientName: NUL, limit: 1 }),
    'UsersStore.findForLogin': () => stores().users.findForLogin(issuerId, NUL),
    'UsersStore.list': () => stores().users.list(issuerId, { email: NUL, limit: 1 }),
    'OidcPayloadsStore.findByUid': () => stores().payloads.findByUid(issuerId, 'Session', NUL),
    'OidcPayloadsStore.upsert': () => stores().payloads.upsert(issuerId, 'Grant', randomUUID(), { accountId: NUL, uid: NUL }),
    'AuditTrail.record': () => stores().audit.record({ type: 'system', id: NUL, name: null }, { action: 'x.y', issuerId, resourceType: 'x', resourceId: 'y' }),
    'AuditTrail.list': () => stores().audit.list({ action: NUL, limit: 1 }),
    'AdminKeysStore.insert': () => stores().adminKeys.insert({ name: NUL, issuerId: null, digest: randomBytes(32).toString('hex'), prefix: 'pck_' }),
  };

  for (const [name, call] of Object.entries(calls)) {
    it(name, async () => {
      expect(await failure(call)).toEqual(invalidInput);
    });
  }
});

describe('every store that inserts maps a duplicate or a missing tenant to a conflict', () => {
  it('TenantsStore.insert: a taken issuer id is a unique violation (409)', async () => {
    const tenant = { issuerId, displayName: 'again', enabled: true, signingAlg: 'ES256' as const, ...TENANT_OPTION_DEFAULTS };
    expect(await failure(() => new TenantsStore(store.db).insert(tenant))).toEqual({ kind: 'unique_violation', admin: 409, protocol: undefined });
  });

  it('ClientsStore.insert: a taken client id is a unique violation; an unknown tenant a foreign-key violation (409)', async () => {
    const clients = new ClientsStore(store.db, store.box);
    const client = { tenantId: issuerId, clientId: `dup-${randomUUID()}`, clientName: null, metadata: {}, clientSecret: null };
    await clients.insert(client);
    expect((await failure(() => clients.insert(client))).kind).toBe('unique_violation');
    expect(await failure(() => clients.insert({ ...client, tenantId: issuerIdOf('gone') }))).toMatchObject({ kind: 'foreign_key_violation', admin: 409 });
  });

  it('UsersStore.insert: a taken username (any case) is a unique violation; an unknown tenant a foreign-key violation', async () => {
    const users = new UsersStore(store.db);
    const user = { tenantId: issuerId, userId: randomUUID(), username: `dup-${randomBytes(3).toString('hex')}`, passwordHash: null, email: null, claims: {} };
    await users.insert(user);
    expect((await failure(() => users.insert({ ...user, userId: randomUUID(), username: user.username.toUpperCase() }))).kind).toBe('unique_violation');
    expect((await failure(() => users.insert({ ...user, userId: randomUUID(), tenantId: issuerIdOf('gone') }))).kind).toBe('foreign_key_violation');
  });

  it('SigningKeysStore.insert: a second active key is a unique violation; an unknown tenant a foreign-key violation', async () => {
    const keys = new SigningKeysStore(store.db, store.box);
    const material = (kid: string) => ({ kid, alg: 'ES256' as const, publicJwk: { kty: 'EC' }, privateJwk: { kty: 'EC', d: 'x' } });
    await keys.insert(issuerId, material(`k-${randomUUID()}`), 'active');
    expect((await failure(() => keys.insert(issuerId, material(`k-${randomUUID()}`), 'active'))).kind).toBe('unique_violation');
    expect((await failure(() => keys.insert(issuerIdOf('gone'), material(`k-${randomUUID()}`), 'next'))).kind).toBe('foreign_key_violation');
  });

  it('AdminKeysStore.insert: a key for an unknown tenant is a foreign-key violation', async () => {
    const insert = () =>
      new AdminKeysStore(store.db).insert({ name: 'k', issuerId: issuerIdOf('gone'), digest: randomBytes(32).toString('hex'), prefix: 'pck_' });
    expect((await failure(insert)).kind).toBe('foreign_key_violation');
  });
});
