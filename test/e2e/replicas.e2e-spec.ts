import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { freePort, startApp, TEST_ADMIN_KEY, TEST_KEK, type RunningApp } from '../helpers/app.js';
import { TENANT_CHANGED_CHANNEL, TenantChanges } from '../../src/stores/tenants/tenant-changes.js';
import { query } from '../helpers/db.js';
import { within } from '../helpers/eventually.js';
import { spawnPortcullis, type PortcullisProcess } from '../helpers/process.js';
import { createClient, createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

/** Two replicas on one database: this process and a separately started one, behind one PUBLIC_URL. */
describe('replicas on one database', () => {
  let a: RunningApp;
  let b: PortcullisProcess;
  let bUrl: string;

  beforeAll(async () => {
    a = await startApp();
    const port = await freePort();
    b = spawnPortcullis({
      NODE_ENV: 'production',
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      PORT: String(port),
      PUBLIC_URL: a.config.publicUrl,
      DATABASE_URL: inject('databaseUrl'),
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: TEST_KEK,
      LOG_LEVEL: 'warn',
      KEY_ROTATION_CHECK_SECONDS: '0',
    });
    bUrl = `http://127.0.0.1:${port}`;
    await within(30_000, async () => (await fetch(`${bUrl}/readyz`).catch(() => null))?.status === 200);
  });
  afterAll(async () => {
    await a?.close();
    expect(await b?.stop()).toEqual({ code: 0, signal: null });
  });

  const jwksAt = async (base: string, issuerId: string) => (await (await fetch(`${base}/${issuerId}/jwks.json`)).json()) as { keys: { kid: string }[] };

  it('a key rotated through one replica is published by the other within 2 s', async () => {
    const { issuerId } = await createTenant(a.url);
    const before = await jwksAt(bUrl, issuerId);
    expect(before).toEqual(await jwksAt(a.url, issuerId));

    const rotated = (await adminApi(a.url).post(`/v1/tenants/${issuerId}/keys/rotate`)).body.items;
    const elapsed = await within(2_000, async () => (await jwksAt(bUrl, issuerId)).keys[0].kid === rotated[0].kid);
    console.info(`key rotation in force on the other replica after ${elapsed.toFixed(0)} ms`);
    expect((await jwksAt(bUrl, issuerId)).keys.map((k) => k.kid)).toEqual(rotated.map((k: { kid: string }) => k.kid));
  });

  it('a replica drops its issuer for another replica’s notification, not for its own heard back (it announced that at commit)', async () => {
    const misses = async () => {
      const scrape = await (await fetch(`${a.url}/metrics`)).text();
      return Number(/^portcullis_provider_cache_misses_total (\d+)/m.exec(scrape)?.[1]);
    };
    const notify = (payload: string) => query(inject('databaseUrl'), 'SELECT pg_notify($1, $2)', [TENANT_CHANGED_CHANNEL, payload]);
    const { issuerId } = await createTenant(a.url);
    await jwksAt(a.url, issuerId);
    const before = await misses();

    await notify(`${issuerId} ${a.app.get(TenantChanges).origin}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await jwksAt(a.url, issuerId);
    expect(await misses(), 'its own notice dropped the issuer it had built').toBe(before);

    await notify(`${issuerId} another-replica`);
    await within(2_000, async () => {
      await jwksAt(a.url, issuerId);
      return (await misses()) === before + 1;
    });
  });

  it('a tenant disabled through one replica answers 404 on the other within 2 s', async () => {
    const { issuerId } = await createTenant(a.url);
    expect((await fetch(`${bUrl}/${issuerId}/.well-known/openid-configuration`)).status).toBe(200);
    await adminApi(a.url).patch(`/v1/tenants/${issuerId}`, { enabled: false });
    const elapsed = await within(2_000, async () => (await fetch(`${bUrl}/${issuerId}/jwks.json`)).status === 404);
    console.info(`tenant disable in force on the other replica after ${elapsed.toFixed(0)} ms`);
  });

  it('a client secret rotated through one replica is in force on the other within 2 s', async () => {
    const { issuerId, issuer } = await createTenant(a.url);
    const { clientId, clientSecret } = await createClient(a.url, issuerId, { grant_types: ['client_credentials'] });
    // Same PUBLIC_URL, other replica: the token request goes to B directly.
    const viaB = async (secret: string) =>
      (
        await fetch(`${bUrl}/${issuerId}/token`, {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        })
      ).status;
    expect(await viaB(clientSecret!)).toBe(200);
    const fresh = (await adminApi(a.url).post(`/v1/tenants/${issuerId}/clients/${clientId}/secret`)).body.client_secret;
    await within(2_000, async () => (await viaB(fresh)) === 200 && (await viaB(clientSecret!)) === 401);
    const config = await discover(issuer, clientId, oidc.ClientSecretBasic(clientSecret));
    expect(await oauthErrorOf(oidc.clientCredentialsGrant(config))).toMatchObject({ error: 'invalid_client' });
  });

  it('without a notification (a change made in SQL), the version check still brings it within 2 s', async () => {
    const { issuerId } = await createTenant(a.url);
    expect((await fetch(`${bUrl}/${issuerId}/jwks.json`)).status).toBe(200);
    await query(inject('databaseUrl'), 'UPDATE tenants SET enabled = false, version = version + 1 WHERE issuer_id = $1', [issuerId]);
    await within(2_000, async () => (await fetch(`${bUrl}/${issuerId}/jwks.json`)).status === 404);
    await within(2_000, async () => (await fetch(`${a.url}/${issuerId}/jwks.json`)).status === 404);
  });
});

describe('scheduled key rotation', () => {
  let replicas: RunningApp[];
  beforeAll(async () => {
    replicas = [await startApp({ KEY_ROTATION_CHECK_SECONDS: '1' }), await startApp({ KEY_ROTATION_CHECK_SECONDS: '1' })];
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
  });

  it('rotates a key past key_rotation_days exactly once, however many replicas find it due', async () => {
    const { issuerId } = await createTenant(replicas[0].url, { key_rotation_days: 1, signing_alg: 'ES256' });
    const [active, next] = (await adminApi(replicas[0].url).get(`/v1/tenants/${issuerId}/keys`)).body.items;
    await query(inject('databaseUrl'), `UPDATE signing_keys SET activated_at = now() - interval '2 days' WHERE tenant_id = $1 AND kid = $2`, [
      issuerId,
      active.kid,
    ]);
    const keys = async () => (await adminApi(replicas[1].url).get(`/v1/tenants/${issuerId}/keys`)).body.items as { kid: string; status: string }[];
    await within(5_000, async () => (await keys())[0].kid === next.kid);
    // Two more passes of both schedulers: nothing more may happen.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const after = await keys();
    expect(after.map((k) => k.status)).toEqual(['active', 'next', 'retired']);
    expect(after[0].kid).toBe(next.kid);
    expect(after[2].kid).toBe(active.kid);
  });
});
