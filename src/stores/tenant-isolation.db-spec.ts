import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStoreDb, twoTenants, type StoreDb } from '../../test/helpers/store-db.js';
import { AccountsStore } from './users/users.store.js';
import { AdminKeysService } from '../admin-keys/admin-keys.service.js';
import { systemActor } from './audit-events/actor.js';
import { AuditEventsService } from '../audit/audit-events.service.js';
import { AuditTrail } from './audit-events/audit-trail.store.js';
import { ClientsStore } from './clients/clients.store.js';
import { hashToken } from '../common/crypto/token-hash.js';
import { SigningKeysStore } from './signing-keys/signing-keys.store.js';
import { OidcPayloadsStore } from './oidc-payloads/oidc-payloads.store.js';
import { TenantsStore } from './tenants/tenants.store.js';
import { TenantChanges } from './tenants/tenant-changes.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { SigningKeysProvisioner } from '../keys/signing-keys.provisioner.js';
import type { AppConfig } from '../config/app-config.js';

/**
 * Tenant isolation at the store level, after Ory Hydra's persister_nid_test.go: for every store,
 * a row of tenant A, and every read, update and delete called with tenant B's id and A's row's id
 * finds and changes nothing, while the same call with tenant A does. Each `tenant B …` test goes
 * red when a method loses its tenant condition.
 */
let db: StoreDb;
let a: string;
let b: string;

beforeAll(async () => {
  db = await openStoreDb();
});
afterAll(() => db?.close());
// A fresh pair per test: what one test changes in tenant A never meets the next.
beforeEach(async () => {
  ({ a, b } = await twoTenants(db));
});

const actor = systemActor('tenant-isolation-spec');

describe('tenants store', () => {
  const tenants = () => new TenantsStore(db.dataSource);

  it("tenant B's id reads, locks and versions tenant B only", async () => {
    await new ClientsStore(db.dataSource).insert(db.dataSource.manager, {
      tenantId: a, clientId: 'web', clientName: null, metadata: { grant_types: ['client_credentials'] }, clientSecret: null,
    });

    expect((await tenants().findByIssuerId(b))?.issuerId).toBe(b);
    expect(await tenants().clientsUsingGrants(b, ['client_credentials'], db.dataSource.manager)).toEqual([]);
    expect(await tenants().clientsUsingGrants(a, ['client_credentials'], db.dataSource.manager)).toEqual(['web']);
    await db.dataSource.query(`UPDATE tenants SET grant_types = '{authorization_code}' WHERE issuer_id = $1`, [a]);
    expect(await db.dataSource.transaction((manager) => tenants().lock(b, manager))).toMatchObject({ grantTypes: expect.arrayContaining(['client_credentials']) });
    expect(await db.dataSource.transaction((manager) => tenants().lock(a, manager))).toMatchObject({ grantTypes: ['authorization_code'] });
    expect([...(await tenants().versionsOf([b])).keys()]).toEqual([b]);
  });

  it("tenant B's id cannot change or delete tenant A", async () => {
    await db.dataSource.transaction((manager) => tenants().update(b, { displayName: 'changed' }, manager));
    expect(await db.dataSource.transaction((manager) => tenants().delete(b, manager))).toBe(true);
    expect(await tenants().findByIssuerId(a)).toMatchObject({ issuerId: a, displayName: a });

    expect(await db.dataSource.transaction((manager) => tenants().update(a, { displayName: 'changed' }, manager))).toMatchObject({ displayName: 'changed' });
    expect(await db.dataSource.transaction((manager) => tenants().delete(a, manager))).toBe(true);
    expect(await tenants().findByIssuerId(a)).toBeNull();
  });
});

describe('clients store', () => {
  const clients = () => new ClientsStore(db.dataSource);
  beforeEach(async () => {
    await clients().insert(db.dataSource.manager, { tenantId: a, clientId: 'web', clientName: 'Web', metadata: {}, clientSecret: 'sealed' });
  });

  it("tenant B cannot read tenant A's client", async () => {
    expect(await clients().find(b, 'web')).toBeNull();
    expect(await clients().findWithSecret(b, 'web')).toBeNull();
    expect(await clients().list(b, { limit: 10 })).toEqual([]);
    expect(await clients().list(b, { clientName: 'Web', limit: 10 })).toEqual([]);

    expect(await clients().find(a, 'web')).toMatchObject({ tenantId: a, clientId: 'web' });
    expect(await clients().findWithSecret(a, 'web')).toMatchObject({ clientSecret: 'sealed' });
    expect(await clients().list(a, { clientName: 'Web', limit: 10 })).toHaveLength(1);
  });

  it("tenant B cannot change or delete tenant A's client", async () => {
    expect(await clients().update(db.dataSource.manager, b, 'web', { clientName: 'changed' })).toBe(false);
    expect(await clients().delete(db.dataSource.manager, b, 'web')).toBe(false);
    expect(await clients().find(a, 'web')).toMatchObject({ clientName: 'Web' });

    expect(await clients().update(db.dataSource.manager, a, 'web', { clientName: 'changed' })).toBe(true);
    expect(await clients().find(a, 'web')).toMatchObject({ clientName: 'changed' });
    expect(await clients().delete(db.dataSource.manager, a, 'web')).toBe(true);
  });
});

describe('signing keys store', () => {
  const keys = () => new SigningKeysStore(db.dataSource);
  const key = (tenantId: string, kid: string, status: 'active' | 'next') => ({
    tenantId, kid, alg: 'RS256', use: 'sig', status, publicJwk: { kty: 'RSA', kid } as JWK, privateJwk: 'sealed', activatedAt: status === 'active' ? new Date() : null,
  });
  const statuses = async (tenantId: string) => (await keys().listByTenant(tenantId)).map((row) => `${row.kid}:${row.status}`).sort();
  beforeEach(async () => {
    await keys().insert(db.dataSource.manager, key(a, 'k1', 'active'));
    await keys().insert(db.dataSource.manager, key(a, 'k2', 'next'));
  });

  it("tenant B cannot read tenant A's keys", async () => {
    expect(await keys().listByTenant(b)).toEqual([]);
    expect(await keys().listWithPrivate(b)).toEqual([]);
    expect(await keys().findActive(db.dataSource.manager, b)).toBeNull();

    expect(await statuses(a)).toEqual(['k1:active', 'k2:next']);
    expect(await keys().listWithPrivate(a)).toHaveLength(2);
    expect(await keys().findActive(db.dataSource.manager, a)).toMatchObject({ kid: 'k1' });
  });

  it("tenant B cannot promote or delete tenant A's keys", async () => {
    await keys().promoteNext(db.dataSource.manager, b);
    expect(await keys().delete(db.dataSource.manager, b, 'k1')).toBe(false);
    expect(await statuses(a)).toEqual(['k1:active', 'k2:next']);

    await keys().promoteNext(db.dataSource.manager, a);
    expect(await statuses(a)).toEqual(['k1:retired', 'k2:active']);
    expect(await keys().delete(db.dataSource.manager, a, 'k1')).toBe(true);
  });
});

describe('accounts store', () => {
  const accounts = () => new AccountsStore(db.dataSource);
  const userId = randomUUID();
  beforeEach(async () => {
    await accounts().insert({ tenantId: a, userId, username: 'alice', passwordHash: 'hash', email: 'alice@example.com', claims: {} });
  });

  it("tenant B cannot read tenant A's account", async () => {
    expect(await accounts().find(b, userId)).toBeNull();
    expect(await accounts().findForLogin(b, 'alice')).toBeNull();
    expect(await accounts().list(b, { limit: 10 })).toEqual([]);
    expect(await accounts().list(b, { email: 'alice@example.com', username: 'alice', limit: 10 })).toEqual([]);

    expect(await accounts().find(a, userId)).toMatchObject({ tenantId: a, username: 'alice' });
    expect(await accounts().findForLogin(a, 'ALICE')).toMatchObject({ passwordHash: 'hash' });
    expect(await accounts().list(a, { email: 'alice@example.com', username: 'alice', limit: 10 })).toHaveLength(1);
  });

  it("tenant B cannot change or delete tenant A's account", async () => {
    expect(await accounts().update(b, userId, { email: 'mallory@example.com', passwordHash: 'other' })).toBe(false);
    expect(await accounts().delete(b, userId)).toBe(false);
    expect(await accounts().find(a, userId)).toMatchObject({ email: 'alice@example.com', credentialsChangedAt: null });

    expect(await accounts().update(a, userId, { email: 'alice@example.org' })).toBe(true);
    expect(await accounts().find(a, userId)).toMatchObject({ email: 'alice@example.org' });
    expect(await accounts().delete(a, userId)).toBe(true);
  });
});

describe('oidc payloads store', () => {
  const payloads = () => new OidcPayloadsStore(db.pool, db.box);
  const token = { accountId: 'alice', grantId: 'grant-1' };
  const session = { uid: 'uid-1', accountId: 'alice', authorizations: { web: { grantId: 'grant-1' } } };
  // An unsealed kind with a user code: a sealed one (DeviceCode) would not open under another
  // tenant anyway, and this test is about the tenant condition, not the seal's binding.
  const pending = { userCode: 'ABCD-EFGH', accountId: 'alice' };
  beforeEach(async () => {
    await payloads().upsert(a, 'AccessToken', 'token-1', token, 600);
    await payloads().upsert(a, 'Session', 'session-1', session, 600);
    await payloads().upsert(a, 'BackchannelAuthenticationRequest', 'request-1', pending, 600);
  });
  /** Whether tenant A's three rows are all still there, none consumed. */
  const aIntact = async () => {
    expect(await payloads().find(a, 'AccessToken', 'token-1')).toEqual({ ...token, jti: 'token-1' });
    expect(await payloads().findByUid(a, 'Session', 'uid-1')).toEqual(session);
    expect(await payloads().findByUserCode(a, 'BackchannelAuthenticationRequest', 'ABCD-EFGH')).toEqual(pending);
  };

  it("tenant B cannot read tenant A's tokens, sessions or pending requests", async () => {
    expect(await payloads().find(b, 'AccessToken', 'token-1')).toBeUndefined();
    expect(await payloads().findByUid(b, 'Session', 'uid-1')).toBeUndefined();
    expect(await payloads().findByUserCode(b, 'BackchannelAuthenticationRequest', 'ABCD-EFGH')).toBeUndefined();
    expect(await payloads().listSessions(b, { limit: 10 })).toEqual([]);
    expect(await payloads().listSessions(b, { accountId: 'alice', limit: 10 })).toEqual([]);

    await aIntact();
    expect(await payloads().listSessions(a, { accountId: 'alice', limit: 10 })).toHaveLength(1);
  });

  it("tenant B cannot overwrite, consume, destroy or revoke tenant A's rows", async () => {
    await payloads().upsert(b, 'AccessToken', 'token-1', { accountId: 'mallory' }, 600);
    await payloads().consume(b, 'AccessToken', 'token-1');
    await payloads().destroy(b, 'AccessToken', 'token-1');
    await payloads().revokeByGrantId(b, 'grant-1');
    expect(await payloads().endSession(b, 'uid-1')).toBe(false);
    expect(await payloads().revokeAccount(b, 'alice', db.pool)).toEqual({});
    await aIntact();

    await payloads().consume(a, 'AccessToken', 'token-1');
    expect(await payloads().find(a, 'AccessToken', 'token-1')).toHaveProperty('consumed');
    expect(await payloads().endSession(a, 'uid-1')).toBe(true);
    expect(await payloads().find(a, 'AccessToken', 'token-1')).toBeUndefined();
    expect(await payloads().revokeAccount(a, 'alice', db.pool)).toEqual({ BackchannelAuthenticationRequest: 1 });
  });

  it("tenant A's destroy and grant revocation remove tenant A's rows", async () => {
    await payloads().destroy(a, 'Session', 'session-1');
    expect(await payloads().findByUid(a, 'Session', 'uid-1')).toBeUndefined();
    await payloads().revokeByGrantId(a, 'grant-1');
    expect(await payloads().find(a, 'AccessToken', 'token-1')).toBeUndefined();
  });
});

describe('audit events', () => {
  const events = () => new AuditEventsService(db.dataSource);
  beforeEach(async () => {
    await new AuditTrail(db.dataSource).note(actor, { action: 'client.created', issuerId: a, resourceType: 'client', resourceId: 'web' });
  });

  it("tenant B's log does not show tenant A's events", async () => {
    expect((await events().list({ issuer_id: b, limit: 10 })).items).toEqual([]);
    expect((await events().list({ issuer_id: b, resource_type: 'client', resource_id: 'web', action: 'client.created', limit: 10 })).items).toEqual([]);

    expect((await events().list({ issuer_id: a, resource_id: 'web', limit: 10 })).items).toMatchObject([{ issuer_id: a, action: 'client.created' }]);
  });
});

describe('admin keys', () => {
  // The real tenants service (its lock guards key creation); what it is not asked to do here it is not given.
  const tenantsService = () =>
    new TenantsService(new TenantsStore(db.dataSource), new TenantChanges(db.dataSource), new SigningKeysProvisioner(db.box, new SigningKeysStore(db.dataSource)), new AuditTrail(db.dataSource), {} as AppConfig);
  const adminKeys = () => new AdminKeysService(db.dataSource, new AuditTrail(db.dataSource), tenantsService());

  // get and revoke take no tenant: managing admin keys is for all-tenant keys only (the
  // controller refuses tenant-scoped keys), so there is no tenant B to call them with.
  it("tenant B's filter does not list tenant A's key, and A's key stays scoped to A", async () => {
    const created = await adminKeys().create({ name: 'scoped', issuer_id: a }, actor);

    expect((await adminKeys().list({ issuer_id: b, limit: 10 })).items).toEqual([]);
    expect(await adminKeys().findByDigest(hashToken(created.key))).toMatchObject({ id: created.id, issuerId: a });
    expect((await adminKeys().list({ issuer_id: a, limit: 10 })).items).toEqual([expect.objectContaining({ id: created.id, issuer_id: a })]);
  });
});
