import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app.js';
import { query } from '../helpers/db.js';
import { createTenant } from '../helpers/rp.js';
import { hashToken } from '../../src/common/crypto/token-hash.js';
import { OidcPayloadsStore } from '../../src/stores/oidc-payloads/oidc-payloads.store.js';
import { PayloadSweeper } from '../../src/oidc/payload-sweeper.js';
import { createAdapterClass } from '../../src/oidc/oidc-adapter.js';
import { RegisteredClients } from '../../src/oidc/registration/registered-clients.js';

/** Counts the statements on oidc_payloads the app's real connections send (and sends them on), until `stop`. */
function watchStatements(): { statements: string[]; stop: () => void } {
  const statements: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was by stop()
  const send = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof send>) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text;
    if (text?.includes('oidc_payloads')) statements.push(text);
    return send.apply(this, args);
  } as typeof send;
  return { statements, stop: () => (pg.Client.prototype.query = send) };
}

/** The oidc-provider adapter against the real database: every method, scoped to its tenant. */
describe('oidc-provider adapter on PostgreSQL', () => {
  let running: RunningApp;
  let payloads: OidcPayloadsStore;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    running = await startApp();
    payloads = running.app.get(OidcPayloadsStore);
    tenantA = (await createTenant(running.url)).issuerId;
    tenantB = (await createTenant(running.url)).issuerId;
  });
  afterAll(() => running.close());

  const adapter = (tenant: string, kind: string) => {
    const registered = running.app.get(RegisteredClients);
    const Adapter = createAdapterClass(tenant, payloads, {
      find: async () => undefined,
      save: (id, metadata) => registered.save(tenant, id, metadata),
      remove: (id) => registered.remove(tenant, id),
    });
    return new Adapter(kind);
  };

  it('upserts, finds, and keeps each tenant apart under the same id', async () => {
    const a = adapter(tenantA, 'Session');
    await a.upsert('same-id', { uid: 'u-1', accountId: 'alice' }, 60);
    await adapter(tenantB, 'Session').upsert('same-id', { uid: 'u-2', accountId: 'bob' }, 60);
    expect(await a.find('same-id')).toEqual({ jti: 'same-id', uid: 'u-1', accountId: 'alice' });
    expect(await adapter(tenantB, 'Session').find('same-id')).toEqual({ jti: 'same-id', uid: 'u-2', accountId: 'bob' });
    await a.upsert('same-id', { uid: 'u-1', accountId: 'alice', changed: true }, 60);
    expect(await a.find('same-id')).toMatchObject({ changed: true });
    expect(await a.findByUid('u-1')).toMatchObject({ accountId: 'alice' });
    expect(await a.findByUid('u-2')).toBeUndefined();
  });

  it('lookups made at once share a statement, and each still gets only its own tenant, kind and id', async () => {
    await adapter(tenantA, 'AccessToken').upsert('tok-1', { accountId: 'alice', kind: 'AccessToken' }, 60);
    await adapter(tenantA, 'RefreshToken').upsert('tok-2', { accountId: 'alice', kind: 'RefreshToken', consumed: undefined }, 60);
    await adapter(tenantB, 'AccessToken').upsert('tok-1', { accountId: 'bob', kind: 'AccessToken' }, 60);
    await adapter(tenantA, 'AccessToken').upsert('tok-gone', { accountId: 'alice' }, 1);
    await adapter(tenantA, 'RefreshToken').consume('tok-2');
    await query(inject('databaseUrl'), `UPDATE oidc_payloads SET expires_at = now() - interval '1 second' WHERE id_hash = $1`, [hashToken('tok-gone')]);
    const sent = watchStatements();
    // As introspection asks (one token under three models), beside other tenants' and ids' lookups, all in one tick.
    const found = await Promise.all([
      adapter(tenantA, 'AccessToken').find('tok-1'),
      adapter(tenantA, 'ClientCredentials').find('tok-1'),
      adapter(tenantA, 'RefreshToken').find('tok-1'),
      adapter(tenantB, 'AccessToken').find('tok-1'),
      adapter(tenantB, 'RefreshToken').find('tok-2'),
      adapter(tenantA, 'RefreshToken').find('tok-2'),
      adapter(tenantA, 'AccessToken').find('tok-gone'),
      adapter(tenantA, 'AccessToken').find('tok-1\u0000'),
    ]).finally(sent.stop);
    expect(found).toEqual([
      { jti: 'tok-1', accountId: 'alice', kind: 'AccessToken' },
      undefined,
      undefined,
      { jti: 'tok-1', accountId: 'bob', kind: 'AccessToken' },
      undefined,
      { jti: 'tok-2', accountId: 'alice', kind: 'RefreshToken', consumed: expect.any(Number) },
      undefined,
      undefined,
    ]);
    expect(sent.statements).toHaveLength(1);
  });

  it('writes made at once share a statement; a value one caller sent that PostgreSQL refuses fails that caller alone', async () => {
    const sent = watchStatements();
    const written = await Promise.allSettled([
      adapter(tenantA, 'AccessToken').upsert('w-1', { accountId: 'alice' }, 60),
      adapter(tenantB, 'AccessToken').upsert('w-1', { accountId: 'bob' }, 60),
      adapter(tenantA, 'Session').upsert('w-2', { uid: 'w-uid', accountId: 'alice' }, 60),
      adapter(tenantA, 'Session').upsert('w-2', { uid: 'w-uid', accountId: 'alice', second: true }, 60),
    ]).finally(sent.stop);
    expect(written.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(sent.statements).toHaveLength(1);
    expect(await adapter(tenantA, 'AccessToken').find('w-1')).toEqual({ jti: 'w-1', accountId: 'alice' });
    expect(await adapter(tenantB, 'AccessToken').find('w-1')).toEqual({ jti: 'w-1', accountId: 'bob' });
    // The later of two writes to one row in one batch is what stays.
    expect(await adapter(tenantA, 'Session').find('w-2')).toMatchObject({ second: true });

    const mixed = await Promise.allSettled([
      adapter(tenantA, 'AccessToken').upsert('w-3', { accountId: 'alice' }, 60),
      adapter(tenantA, 'AccessToken').upsert('w-4', { accountId: 'alice', scope: 'a\u0000b' }, 60),
      adapter(tenantB, 'AccessToken').upsert('w-5', { accountId: 'bob' }, 60),
    ]);
    expect(mixed.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((mixed[1] as PromiseRejectedResult).reason).toMatchObject({ status: 400, error: 'invalid_request' });
    expect(await adapter(tenantA, 'AccessToken').find('w-3')).toMatchObject({ accountId: 'alice' });
    expect(await adapter(tenantA, 'AccessToken').find('w-4')).toBeUndefined();
    expect(await adapter(tenantB, 'AccessToken').find('w-5')).toMatchObject({ accountId: 'bob' });
  });

  it('finds by user code, consumes, destroys', async () => {
    const codes = adapter(tenantA, 'DeviceCode');
    await codes.upsert('dc-1', { jti: 'dc-1', userCode: 'ABCD-EFGH', grantId: 'g-1' }, 60);
    expect(await codes.findByUserCode('ABCD-EFGH')).toEqual({ jti: 'dc-1', userCode: 'ABCD-EFGH', grantId: 'g-1' });
    expect(await adapter(tenantB, 'DeviceCode').findByUserCode('ABCD-EFGH')).toBeUndefined();
    // Loaded by its id and saved again (the device-flow resume does), it is still found by its user code.
    await codes.upsert('dc-1', { ...(await codes.find('dc-1')), accountId: 'alice' }, 60);
    expect(await codes.findByUserCode('ABCD-EFGH')).toEqual({ jti: 'dc-1', userCode: 'ABCD-EFGH', grantId: 'g-1', accountId: 'alice' });
    await codes.consume('dc-1');
    expect(await codes.find('dc-1')).toMatchObject({ consumed: expect.any(Number) });
    await codes.destroy('dc-1');
    expect(await codes.find('dc-1')).toBeUndefined();
  });

  it("revokes every artefact of a grant, and only that tenant's", async () => {
    for (const kind of ['AccessToken', 'RefreshToken', 'AuthorizationCode']) {
      await adapter(tenantA, kind).upsert(`${kind}-1`, { grantId: 'grant-x' }, 60);
      await adapter(tenantB, kind).upsert(`${kind}-1`, { grantId: 'grant-x' }, 60);
    }
    await adapter(tenantA, 'Grant').revokeByGrantId('grant-x');
    for (const kind of ['AccessToken', 'RefreshToken', 'AuthorizationCode']) {
      expect(await adapter(tenantA, kind).find(`${kind}-1`)).toBeUndefined();
      expect(await adapter(tenantB, kind).find(`${kind}-1`)).toEqual({ jti: `${kind}-1`, grantId: 'grant-x' });
    }
  });

  it('reads expired rows as absent, and the sweep deletes them', async () => {
    const tokens = adapter(tenantA, 'AccessToken');
    await tokens.upsert('short', { grantId: 'g' }, 1);
    await query(inject('databaseUrl'), `UPDATE oidc_payloads SET expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND id_hash = $2`, [
      tenantA,
      hashToken('short'),
    ]);
    expect(await tokens.find('short')).toBeUndefined();
    expect(await running.app.get(PayloadSweeper).sweep()).toBeGreaterThanOrEqual(1);
    expect(await query(inject('databaseUrl'), `SELECT 1 FROM oidc_payloads WHERE tenant_id = $1 AND id_hash = $2`, [tenantA, hashToken('short')])).toEqual([]);
  });

  it('refuses to store or delete clients outside the registration endpoints: they live in the clients table', async () => {
    await expect(adapter(tenantA, 'Client').upsert('c', {}, 60)).rejects.toThrow(/admin API/);
    await expect(adapter(tenantA, 'Client').destroy('c')).rejects.toThrow(/admin API/);
  });
});
