import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStoreDb, ownConnection, twoTenants, type StoreDb } from '../../test/helpers/store-db.js';
import { hashToken } from '../common/crypto/token-hash.js';
import { AdminKeysStore } from './admin-keys/admin-keys.store.js';
import { systemActor } from './audit-events/actor.js';
import { AuditTrail } from './audit-events/audit-trail.store.js';
import { ClientsStore } from './clients/clients.store.js';
import { OidcPayloadsStore } from './oidc-payloads/oidc-payloads.store.js';
import type { KeyMaterial } from './signing-keys/signing-key.js';
import { SigningKeysStore } from './signing-keys/signing-keys.store.js';
import { TenantChanges } from './tenants/tenant-changes.js';
import { TenantsStore } from './tenants/tenants.store.js';
import { UsersStore } from './users/users.store.js';

/**
 * Tenant isolation at the store level, after Ory Hydra's persister_nid_test.go: for every store
 * method that takes a tenant, a row of tenant A, and the call with tenant B's id and A's row's
 * id finds and changes nothing, while the same call with tenant A does. Each `tenant B …` test
 * goes red when a method loses its tenant condition.
 */
let s: StoreDb;
/** Outside the stores' pool: takes row locks of its own. */
let observer: pg.Client;
let a: string;
let b: string;

beforeAll(async () => {
  s = await openStoreDb();
  observer = await ownConnection();
});
afterAll(async () => {
  await observer?.end();
  await s?.close();
});
// A fresh pair per test: what one test changes in tenant A never meets the next.
beforeEach(async () => {
  ({ a, b } = await twoTenants(s.db));
});

const actor = systemActor('tenant-isolation-spec');

describe('tenants store', () => {
  const tenants = () => new TenantsStore(s.db);

  it("tenant B's id reads, versions and announces tenant B only", async () => {
    expect(await tenants().find(b)).toMatchObject({ issuerId: b });
    expect([...(await tenants().versionsOf([b])).keys()]).toEqual([b]);

    const changes = new TenantChanges(s.db, tenants());
    const heard: string[] = [];
    changes.onChange((issuerId) => heard.push(issuerId));
    const before = await tenants().versionsOf([a, b]);
    await tenants().bumpVersion(b);
    await changes.apply(b, async () => undefined);
    const after = await tenants().versionsOf([a, b]);
    expect(after.get(a)).toBe(before.get(a));
    expect(after.get(b)).toBe(before.get(b)! + 2);
    expect(heard).toEqual([b]);

    await tenants().bumpVersion(a);
    expect((await tenants().versionsOf([a])).get(a)).toBe(before.get(a)! + 1);
  });

  it("tenant B's lock reads and locks tenant B's row only", async () => {
    await tenants().update(a, { grantTypes: ['authorization_code'] });
    /** Whether another connection could lock the tenant's row now, without waiting. */
    const lockable = (issuerId: string) =>
      observer.query('SELECT 1 FROM tenants WHERE issuer_id = $1 FOR NO KEY UPDATE NOWAIT', [issuerId]).then(
        () => true,
        (error: { code?: string }) => {
          if (error.code === '55P03') return false;
          throw error;
        },
      );

    await s.db.transaction(async () => {
      expect(await tenants().lock(b)).toMatchObject({ grantTypes: expect.arrayContaining(['client_credentials']), keyRotationDays: 90 });
      expect(await lockable(a)).toBe(true);
      expect(await lockable(b)).toBe(false);
    });
    await s.db.transaction(async () => {
      expect(await tenants().lock(a)).toEqual({ grantTypes: ['authorization_code'], keyRotationDays: 90, registration: 'off' });
      expect(await lockable(a)).toBe(false);
    });
  });

  it("tenant B's id cannot change or delete tenant A, nor anything of A's", async () => {
    await new ClientsStore(s.db, s.box).insert({ tenantId: a, clientId: 'web', clientName: null, metadata: {}, clientSecret: null });
    await new AdminKeysStore(s.db).insert({ name: 'scoped', issuerId: a, digest: hashToken(randomUUID()), prefix: 'pck_test' });

    expect(await tenants().update(b, { displayName: 'changed' })).toMatchObject({ issuerId: b, displayName: 'changed' });
    expect(await tenants().delete(b)).toBe(true);
    expect(await tenants().find(a)).toMatchObject({ issuerId: a, displayName: a });
    expect(await new ClientsStore(s.db, s.box).find(a, 'web')).not.toBeNull();
    expect(await new AdminKeysStore(s.db).list({ issuerId: a, limit: 10 })).toHaveLength(1);

    expect(await tenants().update(a, { displayName: 'changed' })).toMatchObject({ displayName: 'changed' });
    expect(await tenants().delete(a)).toBe(true);
    expect(await tenants().find(a)).toBeNull();
    expect(await new AdminKeysStore(s.db).list({ issuerId: a, limit: 10 })).toEqual([]);
  });
});

describe('clients store', () => {
  const clients = () => new ClientsStore(s.db, s.box);
  beforeEach(async () => {
    await clients().insert({ tenantId: a, clientId: 'web', clientName: 'Web', metadata: { grant_types: ['client_credentials'] }, clientSecret: 'sealed' });
  });

  it("tenant B cannot read tenant A's client", async () => {
    expect(await clients().find(b, 'web')).toBeNull();
    expect(await clients().findWithSecret(b, 'web')).toBeNull();
    expect(await clients().list(b, { limit: 10 })).toEqual([]);
    expect(await clients().list(b, { clientName: 'Web', limit: 10 })).toEqual([]);
    expect(await clients().usingGrants(b, ['client_credentials'])).toEqual([]);

    expect(await clients().find(a, 'web')).toMatchObject({ tenantId: a, clientId: 'web' });
    expect(await clients().findWithSecret(a, 'web')).toMatchObject({ clientSecret: 'sealed' });
    expect(await clients().list(a, { clientName: 'Web', limit: 10 })).toHaveLength(1);
    expect(await clients().usingGrants(a, ['client_credentials'])).toEqual(['web']);
  });

  it("tenant B's client of the same id is its own", async () => {
    await clients().insert({ tenantId: b, clientId: 'web', clientName: 'Other', metadata: {}, clientSecret: 'other' });
    expect(await clients().findWithSecret(b, 'web')).toMatchObject({ clientName: 'Other', clientSecret: 'other' });
    expect(await clients().findWithSecret(a, 'web')).toMatchObject({ clientName: 'Web', clientSecret: 'sealed' });
  });

  it("tenant B cannot change or delete tenant A's client", async () => {
    expect(await clients().update(b, 'web', { clientName: 'changed', clientSecret: 'stolen' })).toBe(false);
    expect(await clients().delete(b, 'web')).toBe(false);
    expect(await clients().findWithSecret(a, 'web')).toMatchObject({ clientName: 'Web', clientSecret: 'sealed' });

    expect(await clients().update(a, 'web', { clientName: 'changed' })).toBe(true);
    expect(await clients().find(a, 'web')).toMatchObject({ clientName: 'changed' });
    expect(await clients().delete(a, 'web')).toBe(true);
  });
});

describe('signing keys store', () => {
  const keys = () => new SigningKeysStore(s.db, s.box);
  const material = (kid: string): KeyMaterial => ({
    kid,
    alg: 'ES256',
    publicJwk: { kty: 'EC', crv: 'P-256', kid },
    privateJwk: { kty: 'EC', crv: 'P-256', kid, d: `private-${kid}` },
  });
  const statuses = async (tenantId: string) => (await keys().list(tenantId)).map((key) => `${key.kid}:${key.status}`).sort();
  beforeEach(async () => {
    await keys().insert(a, material('k1'), 'active');
    await keys().insert(a, material('k2'), 'next');
  });

  it("tenant B cannot read tenant A's keys", async () => {
    expect(await keys().list(b)).toEqual([]);
    expect(await keys().privateJwks(b)).toEqual([]);
    expect(await keys().findActive(b)).toBeNull();

    expect(await statuses(a)).toEqual(['k1:active', 'k2:next']);
    expect((await keys().privateJwks(a)).map((jwk) => jwk.d)).toEqual(['private-k1', 'private-k2']);
    expect(await keys().findActive(a)).toMatchObject({ tenantId: a, kid: 'k1' });
  });

  it("tenant B's key of the same kid is its own", async () => {
    await keys().insert(b, { ...material('k1'), privateJwk: { kty: 'EC', kid: 'k1', d: 'private-of-b' } }, 'active');
    expect((await keys().privateJwks(b)).map((jwk) => jwk.d)).toEqual(['private-of-b']);
    expect((await keys().privateJwks(a)).map((jwk) => jwk.d)).toEqual(['private-k1', 'private-k2']);
  });

  it("tenant B cannot promote or delete tenant A's keys", async () => {
    await keys().promoteNext(b);
    expect(await keys().delete(b, 'k1')).toBe(false);
    expect(await statuses(a)).toEqual(['k1:active', 'k2:next']);

    await keys().promoteNext(a);
    expect(await statuses(a)).toEqual(['k1:retired', 'k2:active']);
    expect(await keys().delete(a, 'k1')).toBe(true);
  });
});

describe('users store', () => {
  const users = () => new UsersStore(s.db);
  const userId = randomUUID();
  beforeEach(async () => {
    await users().insert({ tenantId: a, userId, username: 'alice', passwordHash: 'hash', email: 'alice@example.com', claims: {} });
  });

  it("tenant B cannot read tenant A's user", async () => {
    expect(await users().find(b, userId)).toBeNull();
    expect(await users().findForLogin(b, 'alice')).toBeNull();
    expect(await users().list(b, { limit: 10 })).toEqual([]);
    expect(await users().list(b, { email: 'alice@example.com', username: 'alice', limit: 10 })).toEqual([]);

    expect(await users().find(a, userId)).toMatchObject({ tenantId: a, username: 'alice' });
    expect(await users().findForLogin(a, 'ALICE')).toMatchObject({ passwordHash: 'hash' });
    expect(await users().list(a, { email: 'alice@example.com', username: 'alice', limit: 10 })).toHaveLength(1);
  });

  it("tenant B cannot change or delete tenant A's user", async () => {
    expect(await users().update(b, userId, { email: 'mallory@example.com', passwordHash: 'other' })).toBe(false);
    expect(await users().delete(b, userId)).toBe(false);
    expect(await users().findForLogin(a, 'alice')).toMatchObject({ email: 'alice@example.com', passwordHash: 'hash', credentialsChangedAt: null });

    expect(await users().update(a, userId, { email: 'alice@example.org' })).toBe(true);
    expect(await users().find(a, userId)).toMatchObject({ email: 'alice@example.org' });
    expect(await users().delete(a, userId)).toBe(true);
  });
});

describe('oidc payloads store', () => {
  const payloads = () => new OidcPayloadsStore(s.db, s.box);
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
    expect(await payloads().endSession(b, 'uid-1')).toBeUndefined();
    expect(await payloads().revokeAccount(b, 'alice')).toEqual({});
    await aIntact();

    await payloads().consume(a, 'AccessToken', 'token-1');
    expect(await payloads().find(a, 'AccessToken', 'token-1')).toHaveProperty('consumed');
    expect(await payloads().endSession(a, 'uid-1')).toMatchObject({ uid: 'uid-1' });
    expect(await payloads().find(a, 'AccessToken', 'token-1')).toBeUndefined();
    expect(await payloads().revokeAccount(a, 'alice')).toEqual({ BackchannelAuthenticationRequest: 1 });
  });

  it("tenant A's destroy and grant revocation remove tenant A's rows", async () => {
    await payloads().destroy(a, 'Session', 'session-1');
    expect(await payloads().findByUid(a, 'Session', 'uid-1')).toBeUndefined();
    await payloads().revokeByGrantId(a, 'grant-1');
    expect(await payloads().find(a, 'AccessToken', 'token-1')).toBeUndefined();
  });
});

describe('audit trail', () => {
  const trail = () => new AuditTrail(s.db);
  beforeEach(async () => {
    await trail().record(actor, { action: 'client.created', issuerId: a, resourceType: 'client', resourceId: 'web' });
  });

  it("tenant B's log does not show tenant A's events", async () => {
    expect(await trail().list({ issuerId: b, limit: 10 })).toEqual([]);
    expect(await trail().list({ issuerId: b, resourceType: 'client', resourceId: 'web', action: 'client.created', limit: 10 })).toEqual([]);

    expect(await trail().list({ issuerId: a, resourceId: 'web', limit: 10 })).toMatchObject([{ issuer_id: a, action: 'client.created' }]);
  });
});

describe('admin keys store', () => {
  const adminKeys = () => new AdminKeysStore(s.db);
  const digest = () => randomBytes(32).toString('hex');

  // find, findByDigest and delete take no tenant: a key is found by its id or its digest, and
  // managing admin keys is for all-tenant keys only (the controller refuses tenant-scoped keys).
  it("tenant B's filter lists neither tenant A's keys nor the global ones, and A's key stays scoped to A", async () => {
    const scopedDigest = digest();
    const scoped = await adminKeys().insert({ name: 'scoped', issuerId: a, digest: scopedDigest, prefix: 'pck_scop' });
    await adminKeys().insert({ name: 'global', issuerId: null, digest: digest(), prefix: 'pck_glob' });

    expect(await adminKeys().list({ issuerId: b, limit: 10 })).toEqual([]);

    expect(await adminKeys().list({ issuerId: a, limit: 10 })).toEqual([expect.objectContaining({ id: scoped.id, issuer_id: a })]);
    expect(await adminKeys().findByDigest(scopedDigest)).toEqual({ id: scoped.id, name: 'scoped', issuer_id: a });
  });
});
