import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { freePort, tempDir, TEST_ADMIN_KEY, TEST_KEK } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { createDatabase, dropDatabase, query } from '../helpers/db.js';
import { runPgTool } from '../helpers/pg-tools.js';
import { spawnPortcullis, type PortcullisProcess } from '../helpers/process.js';
import { authorizationRequest, createClient, createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'ada', password: 'a restored passphrase' };
/** Every table a backup must hold (docs/operations.md lists them). */
const TABLES = [
  'admin_keys',
  'audit_events',
  'clients',
  'connection_domains',
  'connections',
  'oidc_payloads',
  'rate_limits',
  'schema_migrations',
  'signing_keys',
  'tenants',
  'user_factors',
  'user_links',
  'users',
];

/**
 * docs/operations.md's backup procedure, run as an operator would: a `pg_dump -Fc` of a live
 * Portcullis database, restored with `pg_restore` into a new database, served by a new process
 * with the same secrets behind the same public URL (a loopback relay that outlives the processes).
 */
describe('backup and restore', () => {
  let relay: TcpProxy;
  let publicUrl: string;
  let work: string;
  let dump: string;
  const databases: string[] = [];
  const processes: PortcullisProcess[] = [];

  let issuerId: string;
  let issuer: string;
  let clientId: string;
  let userId: string;
  let adminKey: string;
  let config: oidc.Configuration;
  let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
  let signedIn: UserAgent;
  let restored: string;
  let latestRefresh: string;

  const start = (databaseUrl: string, kek: string) => {
    const proc = spawnPortcullis({
      NODE_ENV: 'production',
      // The test reaches it over http on loopback.
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      PUBLIC_URL: publicUrl,
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: kek,
      LOG_LEVEL: 'info',
    });
    processes.push(proc);
    return proc;
  };

  /**
   * Puts a listening process behind the public URL and returns its /readyz status. The first
   * requests may fail on connections the relay dropped (fetch keeps them alive): retried, bounded.
   */
  const expose = async (listening: string) => {
    relay.retarget({ host: '127.0.0.1', port: Number(new URL(listening).port) });
    for (let attempt = 1; ; attempt++) {
      try {
        return (await fetch(`${publicUrl}/readyz`)).status;
      } catch (error) {
        if (attempt === 5) throw error;
      }
    }
  };

  /** Starts a process and puts it behind the public URL, ready. */
  const serve = async (databaseUrl: string, kek: string) => {
    const proc = start(databaseUrl, kek);
    expect(await expose(await proc.listening)).toBe(200);
    return proc;
  };

  const restore = async () => {
    const url = await createDatabase('portcullis_restored');
    databases.push(url);
    const started = performance.now();
    await runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, dump]);
    console.info(`pg_restore took ${(performance.now() - started).toFixed(0)} ms`);
    return url;
  };

  beforeAll(async () => {
    work = await tempDir('portcullis-backup-');
    dump = join(work, 'portcullis.dump');
    const port = await freePort();
    relay = await TcpProxy.start({ host: '127.0.0.1', port });
    publicUrl = `http://127.0.0.1:${relay.port}`;

    const original = await createDatabase('portcullis_backup');
    databases.push(original);
    const before = await serve(original, TEST_KEK);

    ({ issuerId, issuer } = await createTenant(publicUrl));
    const user = await adminApi(publicUrl).post(`/v1/tenants/${issuerId}/users`, { ...USER, email: 'ada@example.com' });
    expect(user.status).toBe(201);
    userId = user.body.user_id;
    const client = await createClient(publicUrl, issuerId, {
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      scope: 'openid offline_access',
    });
    clientId = client.clientId;
    const key = await adminApi(publicUrl).post('/v1/admin-keys', { name: 'backup-check', issuer_id: issuerId });
    expect(key.status).toBe(201);
    adminKey = key.body.key;

    config = await discover(issuer, clientId, oidc.ClientSecretBasic(client.clientSecret));
    const { url, checks } = await authorizationRequest(config, REDIRECT, { scope: 'openid offline_access', prompt: 'consent' });
    signedIn = new UserAgent(publicUrl);
    tokens = await oidc.authorizationCodeGrant(config, await signedIn.authorize(url, USER), checks);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.id_token).toEqual(expect.any(String));

    // The backup is taken while the process serves.
    const started = performance.now();
    await runPgTool('pg_dump', ['--format=custom', `--dbname=${original}`, `--file=${dump}`]);
    console.info(`pg_dump took ${(performance.now() - started).toFixed(0)} ms; the dump is ${(await stat(dump)).size} bytes`);
    // Used after the backup: the original database marks it used, the backup does not.
    await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(await before.stop()).toEqual({ code: 0, signal: null });

    restored = await restore();
    await serve(restored, TEST_KEK);
  });

  afterAll(async () => {
    for (const proc of processes) await proc.stop();
    await relay?.close();
    for (const url of databases) await dropDatabase(url);
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('the dump holds every table', async () => {
    const listing = await runPgTool('pg_restore', ['--list', dump]);
    const dumped = [...listing.matchAll(/ TABLE DATA public (\w+) /g)].map((match) => match[1]).sort();
    expect(dumped).toEqual(TABLES);
  });

  it('the refresh token issued before the backup still refreshes, even though it was used after the backup', async () => {
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    latestRefresh = refreshed.refresh_token!;
    expect(refreshed.access_token).toEqual(expect.any(String));
    expect(refreshed.claims()?.sub).toBe(userId);
    expect(await oidc.fetchUserInfo(config, refreshed.access_token, userId)).toMatchObject({ sub: userId });
  });

  it("the ID token issued before the backup verifies against the new process's JWKS", async () => {
    const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jwtVerify(tokens.id_token!, jwks, { issuer, audience: clientId });
    expect(payload.sub).toBe(userId);
  });

  it('the admin key made before the backup still works', async () => {
    const reply = await adminApi(publicUrl, adminKey).get(`/v1/tenants/${issuerId}`);
    expect(reply).toMatchObject({ status: 200, body: { issuer_id: issuerId } });
  });

  it('the user signs in again with their password, and the session from before the backup still holds', async () => {
    const fresh = await authorizationRequest(config, REDIRECT);
    const signedInAgain = await oidc.authorizationCodeGrant(config, await new UserAgent(publicUrl).authorize(fresh.url, USER), fresh.checks);
    expect(signedInAgain.claims()?.sub).toBe(userId);

    // No page at all: the session cookie from before the backup is still a session.
    const silent = await authorizationRequest(config, REDIRECT, { prompt: 'none' });
    const callback = await signedIn.authorize(silent.url);
    expect(callback.searchParams.get('error')).toBeNull();
    expect((await oidc.authorizationCodeGrant(config, callback, silent.checks)).claims()?.sub).toBe(userId);
  });

  it('emptying oidc_payloads on the restored database ends every session and refresh token', async () => {
    await query(restored, 'DELETE FROM oidc_payloads');
    expect(await oauthErrorOf(oidc.refreshTokenGrant(config, latestRefresh))).toMatchObject({ error: 'invalid_grant' });
    const silent = await authorizationRequest(config, REDIRECT, { prompt: 'none' });
    expect((await signedIn.authorize(silent.url)).searchParams.get('error')).toBe('login_required');
  });

  it('with another KEY_ENCRYPTION_KEY the restored database cannot serve the refresh token', async () => {
    // A second restore of the same dump, where that refresh token is still unused.
    const wrongKey = start(await restore(), randomBytes(32).toString('hex'));
    // It may refuse to start instead; either way the token must not refresh.
    const outcome = await wrongKey.listening.then(
      (url) => ({ url }),
      (error: Error) =>
        wrongKey.child.exitCode === null && wrongKey.child.signalCode === null ? Promise.reject(error) : wrongKey.exited.then((exit) => ({ exit })),
    );
    if ('exit' in outcome) {
      console.info(`with another KEK the process exits: ${JSON.stringify(outcome.exit)}; stderr: ${wrongKey.stderr().trim()}`);
      expect(outcome.exit.code).not.toBe(0);
      return;
    }
    const ready = await expose(outcome.url);
    const answer = await oidc.refreshTokenGrant(config, tokens.refresh_token!).then(
      () => ({ refreshed: true }),
      (failure: { status?: number; error?: string; message?: string; cause?: unknown }) => ({
        refreshed: false,
        status: failure.status ?? (failure.cause instanceof Response ? failure.cause.status : undefined),
        error: failure.error ?? failure.message,
      }),
    );
    await wrongKey.waitForLine(/"level":50/, 5_000).catch(() => undefined);
    const logged = wrongKey.stdout.filter((line) => /"level":50/.test(line)).map((line) => (JSON.parse(line) as { err?: { message?: string } }).err?.message);
    console.info(
      `with another KEK the process starts (readyz ${ready}); the refresh answers ${JSON.stringify(answer)}; errors logged: ${JSON.stringify(logged)}`,
    );
    // Refused by the process (an HTTP answer), not lost on the way.
    expect(answer).toMatchObject({ refreshed: false, status: expect.any(Number) });
  }, 120_000);
});
