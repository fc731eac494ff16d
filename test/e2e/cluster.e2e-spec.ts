import { afterEach, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { Cluster, SHUTDOWN_DELAY_MS, type Backend } from '../helpers/cluster.js';
import { createDatabase, dropDatabase, query } from '../helpers/db.js';
import { TEST_KEK } from '../helpers/app.js';
import { within } from '../helpers/eventually.js';
import { runLoad } from '../helpers/load.js';
import { failedRouting, LOGOUT_REDIRECT, mixedOperation, provision, REDIRECT, signIn, tokenRequest, USER } from '../helpers/mixed-load.js';
import { WriteLedger, type Write } from '../helpers/outage-writes.js';
import { authorizationRequest, createClient, oidc } from '../helpers/rp.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { migrations } from '../../src/database/migrations/index.js';

const EXITED_CLEANLY = { code: 0, signal: null };

/** Portcullis as Kubernetes runs it: several processes on one PostgreSQL, behind a balancer that follows /readyz. */
describe('processes behind a readiness-following balancer', () => {
  let databaseUrl: string | undefined;
  let cluster: Cluster | undefined;
  let pgLink: TcpProxy | undefined;

  afterEach(async () => {
    await cluster?.close();
    await pgLink?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
    cluster = pgLink = databaseUrl = undefined;
  });

  it('four processes started at once on an empty database apply each migration once and all become ready', { timeout: 120_000 }, async () => {
    databaseUrl = await createDatabase('portcullis_cluster');
    expect(await query(databaseUrl, `SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`)).toEqual([{ tables: 0 }]);

    cluster = await Cluster.start({ databaseUrl, size: 4 });

    expect(cluster.backends.map((backend) => [backend.name, backend.ready, backend.process.child.exitCode])).toEqual([
      ['p1', true, null],
      ['p2', true, null],
      ['p3', true, null],
      ['p4', true, null],
    ]);
    const applied = await query<{ name: string; times: number }>(databaseUrl, 'SELECT name, count(*)::int AS times FROM schema_migrations GROUP BY name');
    expect(applied.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      migrations.map((migration) => ({ name: migration.name, times: 1 })).sort((a, b) => a.name.localeCompare(b.name)),
    );
    for (const backend of cluster.backends) {
      expect(await (await fetch(`${backend.url}/readyz`)).json()).toEqual({ status: 'ok', ready: true, checks: { database: 'up', migrations: 'applied' } });
    }
  });

  it('a sign-in, refresh, userinfo and logout spread over three processes work; a change through one is in force on all within 2 s', async () => {
    databaseUrl = await createDatabase('portcullis_cluster');
    cluster = await Cluster.start({ databaseUrl, size: 3 });
    const fx = await provision(cluster);

    const from = cluster.routed.length;
    const { agent, tokens } = await signIn(cluster, fx, { scope: 'openid offline_access', prompt: 'consent' });
    const refreshed = await oidc.refreshTokenGrant(fx.browserRp, tokens.refresh_token!);
    const sub = tokens.claims()!.sub;
    expect(refreshed.claims()!.sub).toBe(sub);
    expect(await oidc.fetchUserInfo(fx.browserRp, refreshed.access_token, sub)).toEqual({ sub });
    const endSession = oidc.buildEndSessionUrl(fx.browserRp, { id_token_hint: refreshed.id_token!, post_logout_redirect_uri: LOGOUT_REDIRECT, state: 'bye' });
    const confirm = await ((await agent.follow(await agent.get(endSession))) as Response).text();
    const action = /<form[^>]*action="([^"]+)"/.exec(confirm)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm)![1];
    const done = (await agent.follow(await agent.post(action, { xsrf, logout: 'yes' }))) as URL;
    expect(`${done.origin}${done.pathname}?state=${done.searchParams.get('state')}`).toBe(`${LOGOUT_REDIRECT}?state=bye`);
    const silent = await authorizationRequest(fx.browserRp, REDIRECT, { prompt: 'none' });
    expect(((await agent.follow(await agent.get(silent.url))) as URL).searchParams.get('error')).toBe('login_required');

    const flow = cluster.routed.slice(from);
    expect(new Set(flow.map((routed) => routed.backend))).toEqual(new Set(['p1', 'p2', 'p3']));
    expect(failedRouting(flow)).toEqual([]);

    // Changes made through p1, watched on p2 and p3 directly.
    const [p1, ...others] = cluster.backends;
    const onAll = async (what: string, check: (backend: Backend) => Promise<boolean>) => {
      const elapsed = await within(2_000, async () => (await Promise.all(others.map(check))).every(Boolean));
      console.info(`${what}: in force on every other process after ${elapsed.toFixed(0)} ms`);
    };
    const fresh = (await adminApi(p1.url).post(`/v1/tenants/${fx.issuerId}/clients/${fx.machine.clientId}/secret`)).body.client_secret as string;
    await onAll(
      'client secret rotated',
      async ({ url }) => (await tokenRequest(url, fx)).status === 401 && (await tokenRequest(url, fx, fresh)).status === 200,
    );
    const rotated = (await adminApi(p1.url).post(`/v1/tenants/${fx.issuerId}/keys/rotate`)).body.items as { kid: string }[];
    const jwks = async (url: string) => ((await (await fetch(`${url}/${fx.issuerId}/jwks.json`)).json()) as { keys: { kid: string }[] }).keys;
    await onAll('signing key rotated', async ({ url }) => (await jwks(url))[0].kid === rotated[0].kid);
    expect((await adminApi(p1.url).patch(`/v1/tenants/${fx.issuerId}`, { enabled: false })).status).toBe(200);
    await onAll('tenant disabled', async ({ url }) => (await fetch(`${url}/${fx.issuerId}/.well-known/openid-configuration`)).status === 404);
  });

  it('a rolling restart under a mixed load loses no request', { timeout: 180_000 }, async () => {
    databaseUrl = await createDatabase('portcullis_cluster');
    cluster = await Cluster.start({ databaseUrl, size: 3, env: { SHUTDOWN_DELAY_MS } });
    const fx = await provision(cluster);
    const from = cluster.routed.length;
    const sent = { service: 0 };
    let restarted!: () => void;
    const load = runLoad({ workers: 8, maxOperations: 20_000, maxMs: 150_000, stop: new Promise<void>((resolve) => (restarted = resolve)) }, (n) =>
      mixedOperation(cluster!, fx, n, sent),
    );

    // As a Deployment rolls (maxSurge 1, maxUnavailable 0): a new process, ready, then one old one stopped.
    const exits = [];
    for (const old of [...cluster.backends]) {
      await cluster.add();
      exits.push(await cluster.stop(old));
    }
    restarted();
    const { operations, failures } = await load;

    const routed = cluster.routed.slice(from);
    const failed = failedRouting(routed);
    const requests = routed.filter((r) => r.via === 'http').length;
    const connections = routed.length - requests;
    console.info(
      `rolling restart: ${operations} operations (${failures.length} failed); ${requests} requests through the ingress and ${sent.service} over ` +
        `${connections} connections through the service (${failed.length} failed)`,
    );
    expect(failures).toEqual([]);
    expect(failed).toEqual([]);
    expect(exits).toEqual([EXITED_CLEANLY, EXITED_CLEANLY, EXITED_CLEANLY]);
    // Every process, old and new, took its share, and the balancer always had a ready one.
    expect(new Set(routed.map((request) => request.backend))).toEqual(new Set(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']));
    expect(routed.filter((request) => request.failOpen)).toEqual([]);
  });

  it('a database outage under load: 503 temporarily_unavailable everywhere, no crash, every process back within 5 s', { timeout: 120_000 }, async () => {
    databaseUrl = await createDatabase('portcullis_cluster');
    const direct = new URL(databaseUrl);
    pgLink = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaLink = new URL(databaseUrl);
    viaLink.hostname = '127.0.0.1';
    viaLink.port = String(pgLink.port);
    cluster = await Cluster.start({ databaseUrl: viaLink.toString(), size: 3 });
    const fx = await provision(cluster);
    const from = cluster.routed.length;

    // Token requests (which need the database) and discovery; a 503 must say when to retry, and the client backs off a little.
    const answered = { ok: 0, unavailable: 0 };
    let over!: () => void;
    const load = runLoad({ workers: 4, maxOperations: 20_000, maxMs: 90_000, stop: new Promise<void>((resolve) => (over = resolve)) }, async (n) => {
      const res = n % 2 ? await tokenRequest(cluster!.url, fx) : await fetch(`${fx.issuer}/.well-known/openid-configuration`);
      const body = (await res.json()) as { error?: string };
      if (res.status === 200) {
        answered.ok++;
      } else if (res.status === 503 && res.headers.get('retry-after') === '5' && body.error === 'temporarily_unavailable') {
        answered.unavailable++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else {
        throw new Error(`${res.status} ${JSON.stringify(body)}`);
      }
    });
    // Beside it, writes: users and clients through the admin API, sign-ins whose refresh tokens are used after recovery, stored access tokens.
    const ledger = new WriteLedger({
      baseUrl: cluster.url,
      issuerId: fx.issuerId,
      redirectUri: REDIRECT,
      browserRp: fx.browserRp,
      machine: { clientId: fx.machine.clientId, clientSecret: fx.machine.clientSecret! },
      user: USER,
    });
    let writesOver!: () => void;
    const writing = runLoad({ workers: 2, maxOperations: 5_000, maxMs: 90_000, stop: new Promise<void>((resolve) => (writesOver = resolve)) }, async (n) => {
      const refused = ledger.unavailable.length;
      await ledger.write(n);
      if (ledger.unavailable.length > refused) await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    pgLink.cut();
    ledger.phase = 'outage';
    const cutAt = performance.now();
    for (const backend of cluster.backends) {
      await within(10_000, async () => (await fetch(`${backend.url}/readyz`)).status === 503);
      const readyz = await fetch(`${backend.url}/readyz`);
      expect(readyz.headers.get('retry-after')).toBe('5');
      expect(await readyz.json()).toEqual({ status: 'unavailable', ready: false, checks: { database: 'down', migrations: 'unknown' } });
      const token = await tokenRequest(backend.url, fx);
      expect(token.status).toBe(503);
      expect(token.headers.get('retry-after')).toBe('5');
      // With the request id of its log line when the issuer's provider had to be loaded again (a client created since invalidates it).
      const body = (await token.json()) as Record<string, unknown>;
      expect(body).toEqual({
        error: 'temporarily_unavailable',
        error_description: expect.any(String),
        ...('request_id' in body ? { request_id: expect.any(String) } : {}),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 10_000 - (performance.now() - cutAt)));
    pgLink.restore();
    ledger.phase = 'after';
    const recovery = await within(5_000, async () =>
      (
        await Promise.all(
          cluster!.backends.map(async ({ url }) => (await fetch(`${url}/readyz`)).status === 200 && (await tokenRequest(url, fx)).status === 200),
        )
      ).every(Boolean),
    );
    over();
    const { operations, failures } = await load;
    // Writes go on a little after recovery, on connections the pools opened again.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    writesOver();
    const written = await writing;

    console.info(
      `database outage: ${operations} operations (${answered.ok} answered 200, ${answered.unavailable} 503); all back ${recovery.toFixed(0)} ms after reconnection`,
    );
    expect(failures).toEqual([]);
    expect(answered.unavailable).toBeGreaterThan(0);
    // The balancer got an answer every time: the processes' own answers (the loads refused any but theirs and 503), never a 502 or a cut connection.
    expect(
      cluster.routed.slice(from).filter((routed) => routed.error || routed.status === undefined || (routed.status >= 500 && routed.status !== 503)),
    ).toEqual([]);

    // No acknowledged write lost; a write answered 503 committed whole or not at all (tokens answered 503 left nothing to look for).
    const readBack = async (writes: Write[]) => {
      const found: { write: Write; found: string }[] = [];
      for (const write of writes) found.push({ write, found: await ledger.readBack(write, databaseUrl!) });
      return found;
    };
    const acknowledged = await readBack(ledger.acknowledged);
    const unanswered = await readBack(ledger.unavailable.filter((write) => write.kind === 'user' || write.kind === 'client'));
    const kinds = (writes: Write[]) =>
      [...new Set(writes.map((write) => write.kind))].map((kind) => `${writes.filter((write) => write.kind === kind).length} ${kind}`);
    const { before, outage, after } = ledger.counts;
    console.info(
      `writes: ${ledger.sent} sent (${before.sent} before the cut, ${outage.sent} during, ${after.sent} after), ${written.failures.length} failed; ` +
        `${ledger.acknowledged.length} acknowledged (${kinds(ledger.acknowledged).join(', ')}; ${outage.acknowledged} of them sent during the outage), ` +
        `${acknowledged.filter(({ found }) => found === 'whole').length} read back whole; ${ledger.unavailable.length} answered 503 ` +
        `(${kinds(ledger.unavailable).join(', ')}); of the ${unanswered.length} users and clients among them ` +
        `${unanswered.filter(({ found }) => found === 'whole').length} committed whole, ${unanswered.filter(({ found }) => found === 'absent').length} absent`,
    );
    expect(written.failures).toEqual([]);
    expect(ledger.acknowledged.length).toBeGreaterThan(0);
    expect(ledger.unavailable.length).toBeGreaterThan(0);
    expect(acknowledged.filter(({ found }) => found !== 'whole')).toEqual([]);
    expect(unanswered.filter(({ found }) => found !== 'whole' && found !== 'absent')).toEqual([]);

    // Nothing crashed: each process still runs, and stops cleanly.
    for (const backend of [...cluster.backends]) expect(await cluster.stop(backend)).toEqual(EXITED_CLEANLY);
  });

  it(
    'a key-encryption key rotation under a mixed load: new key added, made sealing, everything re-encrypted, old key removed; no request lost',
    { timeout: 240_000 },
    async () => {
      databaseUrl = await createDatabase('portcullis_cluster');
      cluster = await Cluster.start({ databaseUrl, size: 2, env: { SHUTDOWN_DELAY_MS } });
      const fx = await provision(cluster);
      const admin = adminApi(cluster.url);
      const sealedUnder = async () =>
        Object.fromEntries(((await admin.get('/v1/key-encryption-keys')).body.items as Array<{ id: string }>).map(({ id, ...counts }) => [id, counts]));
      const from = cluster.routed.length;
      const sent = { service: 0 };
      let rotated!: () => void;
      const load = runLoad({ workers: 6, maxOperations: 20_000, maxMs: 200_000, stop: new Promise<void>((resolve) => (rotated = resolve)) }, (n) =>
        mixedOperation(cluster!, fx, n, sent),
      );
      // Each step is a rolling restart with the new setting, as a Deployment rolls a changed Secret.
      const roll = async (keys: string) => {
        for (const old of [...cluster!.backends]) {
          await cluster!.add({ env: { KEY_ENCRYPTION_KEY: undefined, KEY_ENCRYPTION_KEYS: keys } });
          expect(await cluster!.stop(old)).toEqual(EXITED_CLEANLY);
        }
      };
      const NEXT_KEK = 'fe'.repeat(32);

      // 1. The new key joins second: every process can open what it will seal, before any process seals with it.
      await roll(`default:${TEST_KEK},k2:${NEXT_KEK}`);
      // 2. It becomes the sealing key. A secret made now is sealed under it; the rest stays under `default`.
      await roll(`k2:${NEXT_KEK},default:${TEST_KEK}`);
      const late = await createClient(cluster.url, fx.issuerId, { grant_types: ['client_credentials'] });
      const before = await sealedUnder();
      expect(before.k2).toMatchObject({ configured: true, sealing: true, client_secrets: 1, removable: false });
      expect(before.default).toMatchObject({ configured: true, sealing: false, signing_keys: 2, client_secrets: 2, removable: false });

      // 3. Re-encryption while the load runs.
      const reEncrypted = await admin.post('/v1/key-encryption-keys/re-encrypt');
      expect(reEncrypted.status).toBe(200);
      expect(reEncrypted.body).toMatchObject({ sealing_key_id: 'k2', signing_keys: 2, client_secrets: 2 });
      const after = await sealedUnder();
      expect(after.default).toEqual({
        configured: true,
        sealing: false,
        signing_keys: 0,
        client_secrets: 0,
        protocol_state: 0,
        totp_secrets: 0,
        connection_secrets: 0,
        removable: true,
      });
      expect(after.k2).toMatchObject({ signing_keys: 2, client_secrets: 3 });
      expect(await query(databaseUrl, `SELECT count(*)::int AS n FROM signing_keys WHERE private_jwk LIKE 'v1.%'`)).toEqual([{ n: 0 }]);

      // 4. The old key leaves.
      await roll(`k2:${NEXT_KEK}`);
      rotated();
      const { operations, failures } = await load;
      const routed = cluster.routed.slice(from);
      console.info(
        `key-encryption key rotation: ${JSON.stringify(reEncrypted.body, ['signing_keys', 'client_secrets', 'protocol_state'])} re-encrypted; ` +
          `${operations} operations (${failures.length} failed), ${routed.length} routed (${failedRouting(routed).length} failed)`,
      );
      expect(failures).toEqual([]);
      expect(failedRouting(routed)).toEqual([]);
      // Everything still opens under the new key alone: the late client's secret, the first ones, the signing keys.
      const lateToken = await tokenRequest(cluster.url, { ...fx, machine: late });
      expect(lateToken.status).toBe(200);
      expect((await tokenRequest(cluster.url, fx)).status).toBe(200);
      // And a process given only the old key refuses to start, naming the key it lacks.
      await expect(cluster.add({ env: { KEY_ENCRYPTION_KEY: TEST_KEK } })).rejects.toThrow(/sealed under key-encryption key 'k2', which this process lacks/);
    },
  );
});
