import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEY_ID, SecretBox } from '../common/crypto/secret-box.js';
import type { Database } from '../database/database.js';
import { generateKeyMaterial } from '../keys/key-material.js';
import { systemActor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { ClientsStore } from '../stores/clients/clients.store.js';
import { ConnectionsStore } from '../stores/connections/connections.store.js';
import { DEFAULT_CLAIM_MAPPING } from '../stores/connections/connection.js';
import { OidcPayloadsStore } from '../stores/oidc-payloads/oidc-payloads.store.js';
import { SigningKeysStore } from '../stores/signing-keys/signing-keys.store.js';
import { UserFactorsStore } from '../stores/user-factors/user-factors.store.js';
import { UsersStore } from '../stores/users/users.store.js';
import { createDatabase, dropDatabase } from '../../test/helpers/db.js';
import { newTenant, openStoreDb, type StoreDb } from '../../test/helpers/store-db.js';
import { KeyEncryptionService } from './key-encryption.service.js';

const OLD = { id: DEFAULT_KEY_ID, key: randomBytes(32) };
const NEXT = { id: 'k2', key: randomBytes(32) };
const CLIENTS = 230; // more than two batches
const USER_ID = '7d1e3c9a-4b8f-4f6e-9a57-0c2b1d3e4f50';
const CONNECTION_ID = '2f6b8d0e-5a7c-4e1f-8b3d-9c0a1e2f3b4d';

/** The stores and the service under one set of key-encryption keys, as one process holds them. */
function processWith(db: Database, ...keys: Array<typeof OLD>) {
  const box = new SecretBox(keys);
  const stores = {
    keys: new SigningKeysStore(db, box),
    clients: new ClientsStore(db, box),
    payloads: new OidcPayloadsStore(db, box),
    factors: new UserFactorsStore(db, box),
    connections: new ConnectionsStore(db, box),
  };
  return {
    ...stores,
    service: new KeyEncryptionService(box, stores.keys, stores.clients, stores.payloads, stores.factors, stores.connections, new AuditTrail(db)),
  };
}

// A database of its own: values sealed under a key the rest of the run lacks would stop its apps from starting.
describe('key-encryption key rotation in the stores', () => {
  let url: string;
  let s: StoreDb;
  const tenant = 'kek-rotation';

  beforeAll(async () => {
    url = await createDatabase('portcullis_kek');
    s = await openStoreDb({ databaseUrl: url });
    await newTenant(s.db, tenant);
    const before = processWith(s.db, OLD);
    const user = await new UsersStore(s.db).insert({ tenantId: tenant, userId: USER_ID, username: 'pat', email: null, claims: {}, passwordHash: null });
    await before.factors.addTotp(tenant, user.userId, 'Authenticator app', 'JBSWY3DPEHPK3PXP', 1);
    await before.connections.insert({
      tenantId: tenant,
      connectionId: CONNECTION_ID,
      name: 'acme',
      displayName: 'Acme',
      issuer: 'https://idp.acme.example/',
      clientId: 'portcullis',
      clientSecret: 'upstream-secret',
      scopes: ['openid'],
      claimMapping: { ...DEFAULT_CLAIM_MAPPING },
      acrMapping: {},
      emailDomains: ['acme.example'],
      exclusive: false,
    });
    for (const status of ['active', 'next', 'retired'] as const) await before.keys.insert(tenant, await generateKeyMaterial('ES256'), status);
    await s.db.transaction(async () => {
      for (let i = 0; i < CLIENTS; i++) {
        await before.clients.insert({ tenantId: tenant, clientId: `c${i}`, clientName: `c${i}`, metadata: {}, clientSecret: `secret-${i}` });
      }
      await before.clients.insert({ tenantId: tenant, clientId: 'public', clientName: 'public', metadata: {}, clientSecret: null });
    });
    await before.payloads.upsert(tenant, 'DeviceCode', 'device-code-1', { jti: 'device-code-1', userCode: 'BCDF-GHJK', clientId: 'c0' }, 600);
    await before.payloads.upsert(tenant, 'Interaction', 'interaction-1', { returnTo: 'https://x/auth/interaction-1', session: { cookie: 'sid-1' } }, 600);
  });

  afterAll(async () => {
    await s?.close();
    if (url) await dropDatabase(url);
  });

  it('counts what each key seals, moves everything to the sealing key in batches, skips rows another transaction holds, and leaves the old key removable', async () => {
    const during = processWith(s.db, NEXT, OLD);
    expect((await during.service.list()).items).toEqual([
      {
        id: 'k2',
        configured: true,
        sealing: true,
        signing_keys: 0,
        client_secrets: 0,
        protocol_state: 0,
        totp_secrets: 0,
        connection_secrets: 0,
        removable: false,
      },
      {
        id: 'default',
        configured: true,
        sealing: false,
        signing_keys: 3,
        client_secrets: CLIENTS,
        protocol_state: 4,
        totp_secrets: 1,
        connection_secrets: 1,
        removable: false,
      },
    ]);

    // A secret being rotated meanwhile: its row is locked, so re-encryption passes it by rather than overwrite what the rotation writes.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM clients WHERE tenant_id = $1 AND client_id = 'c7' FOR UPDATE`, [tenant]);
    const first = await during.service.reEncrypt(systemActor('test'));
    expect(first).toMatchObject({
      sealing_key_id: 'k2',
      signing_keys: 3,
      client_secrets: CLIENTS - 1,
      protocol_state: 2,
      totp_secrets: 1,
      connection_secrets: 1,
    });
    expect(first.items.find((key) => key.id === 'default')).toMatchObject({ client_secrets: 1, removable: false });
    await holder.query(`UPDATE clients SET client_secret = $3 WHERE tenant_id = $1 AND client_id = $2`, [
      tenant,
      'c7',
      new SecretBox([NEXT]).seal('rotated-secret', `client_secret:${tenant}:c7`),
    ]);
    await holder.query('COMMIT');
    await holder.end();

    // Idempotent: a second run finds nothing left (the rotation wrote c7 under the new key).
    const second = await during.service.reEncrypt(systemActor('test'));
    expect(second).toMatchObject({ signing_keys: 0, client_secrets: 0, protocol_state: 0 });
    expect(second.items.find((key) => key.id === 'default')).toEqual({
      id: 'default',
      configured: true,
      sealing: false,
      signing_keys: 0,
      client_secrets: 0,
      protocol_state: 0,
      totp_secrets: 0,
      connection_secrets: 0,
      removable: true,
    });

    // With the old key gone, everything opens, and the device code is still found by its user code.
    const after = processWith(s.db, NEXT);
    expect(await after.keys.privateJwks(tenant)).toHaveLength(3);
    expect((await after.clients.findWithSecret(tenant, 'c0'))?.clientSecret).toBe('secret-0');
    expect((await after.clients.findWithSecret(tenant, `c${CLIENTS - 1}`))?.clientSecret).toBe(`secret-${CLIENTS - 1}`);
    expect((await after.clients.findWithSecret(tenant, 'c7'))?.clientSecret).toBe('rotated-secret');
    expect((await after.clients.findWithSecret(tenant, 'public'))?.clientSecret).toBeNull();
    expect(await after.payloads.findByUserCode(tenant, 'DeviceCode', 'BCDF-GHJK')).toMatchObject({ userCode: 'BCDF-GHJK', jti: 'device-code-1' });
    expect(await after.payloads.find(tenant, 'Interaction', 'interaction-1')).toMatchObject({
      returnTo: 'https://x/auth/interaction-1',
      session: { cookie: 'sid-1' },
    });
    expect(await after.keys.keyIdsThatDoNotOpen()).toEqual([]);
    expect(await after.clients.keyIdsThatDoNotOpen()).toEqual([]);
    expect(await after.factors.keyIdsThatDoNotOpen()).toEqual([]);
    expect((await after.factors.totpAuthenticators(tenant, USER_ID)).map((totp) => totp.secret)).toEqual(['JBSWY3DPEHPK3PXP']);
    expect(await after.connections.keyIdsThatDoNotOpen()).toEqual([]);
    expect(await after.connections.clientSecret(tenant, CONNECTION_ID)).toBe('upstream-secret');
    // The re-encryption is in the audit log, with what it moved.
    const [event] = await new AuditTrail(s.db).list({ action: 'key_encryption_key.re_encrypted', limit: 1 });
    expect(event).toMatchObject({ resource_id: 'k2', after: { signing_keys: 0, clients: 0, protocol_state: 0, totp_authenticators: 0, connections: 0 } });
  });

  it('a process that lacks a key, or holds another key under its id, learns which', async () => {
    expect(await processWith(s.db, OLD).keys.keyIdsThatDoNotOpen()).toEqual(['k2']);
    expect(await processWith(s.db, OLD).clients.keyIdsThatDoNotOpen()).toEqual(['k2']);
    expect(await processWith(s.db, OLD).connections.keyIdsThatDoNotOpen()).toEqual(['k2']);
    expect(await processWith(s.db, { id: 'k2', key: randomBytes(32) }).connections.keyIdsThatDoNotOpen()).toEqual(['k2']);
    expect(await processWith(s.db, { id: 'k2', key: randomBytes(32) }).keys.keyIdsThatDoNotOpen()).toEqual(['k2']);
    expect((await processWith(s.db, OLD).service.list()).items.find((key) => key.id === 'k2')).toMatchObject({ configured: false, signing_keys: 3 });
  });
});
