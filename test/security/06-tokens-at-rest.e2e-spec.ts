import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_KEY_ID, SecretBox } from '../../src/common/crypto/secret-box.js';
import { startEmbeddedStore } from '../../src/database/embedded.js';
import { migrations } from '../../src/database/migrations/index.js';
import { AllowUsersWithoutPassword1763900600000 } from '../../src/database/migrations/1763900600000-AllowUsersWithoutPassword.js';
import { Database } from '../../src/database/database.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { OidcPayloadsStore } from '../../src/stores/oidc-payloads/oidc-payloads.store.js';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, tempDir, TEST_KEK, type RunningApp } from '../helpers/app.js';
import { approveDevice, formOf, UserAgent } from '../helpers/browserless.js';
import { createDatabase, dropDatabase, query } from '../helpers/db.js';
import { createClient, createTenant, discover, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'tess', password: 'correct horse battery staple' };

/** A user agent that remembers every cookie value Portcullis set and every interaction id it was sent to. */
class RecordingAgent extends UserAgent {
  readonly seen = new Map<string, string>();

  private record(res: Response): Response {
    for (const cookie of res.headers.getSetCookie()) {
      const [name, value] = cookie.split(';')[0].split('=');
      if (value) this.seen.set(`cookie ${name} = ${value}`, value);
    }
    const uid = /\/interaction\/([^/?#]+)/.exec(res.headers.get('location') ?? '')?.[1];
    if (uid) this.seen.set(`interaction id ${uid}`, uid);
    return res;
  }

  override async get(url: string | URL): Promise<Response> {
    return this.record(await super.get(url));
  }

  override async post(url: string | URL, form: Record<string, string>): Promise<Response> {
    return this.record(await super.post(url, form));
  }
}

/** Each secret found in `text`, by its label. */
const leaks = (text: string, secrets: Map<string, string>) => [...secrets].filter(([, value]) => text.includes(value)).map(([label]) => label);

/** Every row of `oidc_payloads` with every column as text, as a database reader sees it. */
const tableAsText = async (url: string) =>
  (await query<{ row: string }>(url, `SELECT row_to_json(p)::text AS row FROM oidc_payloads p`)).map((r) => r.row).join('\n');

describe('finding 6: bearer tokens in clear in the database', () => {
  let running: RunningApp;
  let issuer: string;
  let issuerId: string;
  const secrets = new Map<string, string>();
  let web: oidc.Configuration;
  let tv: oidc.Configuration;
  let machine: oidc.Configuration;
  let latest: { access: string; refresh: string; device: string; machine: string };

  async function codeRequest(config: oidc.Configuration, params: Record<string, string>) {
    const verifier = oidc.randomPKCECodeVerifier();
    const checks = { pkceCodeVerifier: verifier, expectedState: oidc.randomState() };
    const url = await oidc.buildAuthorizationUrlWithPAR(config, {
      redirect_uri: REDIRECT,
      scope: 'openid offline_access',
      prompt: 'consent',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: checks.expectedState,
      ...params,
    });
    const requestUri = url.searchParams.get('request_uri')!;
    secrets.set(`request_uri ${requestUri}`, requestUri);
    secrets.set(`request_uri id ${requestUri}`, requestUri.split(':').pop()!);
    return { url, checks };
  }

  beforeAll(async () => {
    running = await startApp();
    ({ issuer, issuerId } = await createTenant(running.url));
    await adminApi(running.url).post(`/v1/tenants/${issuerId}/users`, USER);
    const webClient = await createClient(running.url, issuerId, {
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      scope: 'openid offline_access',
    });
    web = await discover(issuer, webClient.clientId, oidc.ClientSecretBasic(webClient.clientSecret));
    const tvClient = await createClient(running.url, issuerId, {
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      response_types: [],
      token_endpoint_auth_method: 'none',
      scope: 'openid offline_access',
    });
    tv = await discover(issuer, tvClient.clientId, oidc.None());
    const machineClient = await createClient(running.url, issuerId, { grant_types: ['client_credentials'] });
    machine = await discover(issuer, machineClient.clientId, oidc.ClientSecretBasic(machineClient.clientSecret));

    // A full code flow through PAR, with a refresh token, then a refresh (the first refresh token stays, consumed).
    const agent = new RecordingAgent(running.url);
    const { url, checks } = await codeRequest(web, {});
    const callback = await agent.authorize(url, USER);
    secrets.set('authorization code', callback.searchParams.get('code')!);
    const first = await oidc.authorizationCodeGrant(web, callback, checks);
    secrets.set('first access token', first.access_token);
    secrets.set('first refresh token', first.refresh_token!);
    const refreshed = await oidc.refreshTokenGrant(web, first.refresh_token!);
    secrets.set('refreshed access token', refreshed.access_token);
    secrets.set('refreshed refresh token', refreshed.refresh_token!);

    // A device flow to its end, signed in already.
    const device = await oidc.initiateDeviceAuthorization(tv, { scope: 'openid offline_access' });
    secrets.set('device code', device.device_code);
    secrets.set('user code', device.user_code);
    secrets.set('user code, normalised', device.user_code.replace(/-/g, ''));
    await approveDevice(agent, device.verification_uri, device.user_code, USER);
    const deviceTokens = await oidc.pollDeviceAuthorizationGrant(tv, { ...device, interval: 0.1 });
    secrets.set('device access token', deviceTokens.access_token);
    secrets.set('device refresh token', deviceTokens.refresh_token!);

    // Left pending: a pushed request never used, a sign-in at its consent page (its interaction
    // knows the session and the pushed request), and a device flow at its consent page.
    await codeRequest(web, {});
    const pending = await agent.follow(await agent.get((await codeRequest(web, {})).url));
    expect(await (pending as Response).text()).toContain('Allow access?');
    const pendingDevice = await oidc.initiateDeviceAuthorization(tv, { scope: 'openid' });
    secrets.set('pending device code', pendingDevice.device_code);
    secrets.set('pending user code', pendingDevice.user_code);
    secrets.set('pending user code, normalised', pendingDevice.user_code.replace(/-/g, ''));
    const xsrf = (html: string) => /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const other = new RecordingAgent(running.url);
    const page = await (await other.get(pendingDevice.verification_uri)).text();
    const confirm = await (await other.post(pendingDevice.verification_uri, { xsrf: xsrf(page), user_code: pendingDevice.user_code })).text();
    const signIn = await other.follow(
      await other.post(pendingDevice.verification_uri, { xsrf: xsrf(confirm), user_code: pendingDevice.user_code, confirm: 'yes' }),
    );
    const signInPage = await (signIn as Response).text();
    expect(signInPage).toContain('name="password"');
    expect(formOf(signInPage).action).toContain('/interaction/');

    const machineTokens = await oidc.clientCredentialsGrant(machine);
    secrets.set('client credentials token', machineTokens.access_token);

    for (const [label, value] of [...agent.seen, ...other.seen]) secrets.set(label, value);
    latest = { access: refreshed.access_token, refresh: refreshed.refresh_token!, device: deviceTokens.access_token, machine: machineTokens.access_token };
  });
  afterAll(() => running?.close());

  it('a pg_dump after code, refresh, device, PAR and client-credentials flows holds no token, code, request_uri or session id', async () => {
    expect([...secrets.keys()].some((label) => label.startsWith('cookie _session ='))).toBe(true);
    const rows = await query<{ kind: string }>(inject('databaseUrl'), `SELECT DISTINCT kind FROM oidc_payloads WHERE tenant_id = $1 ORDER BY kind`, [issuerId]);
    expect(rows.map((r) => r.kind)).toEqual(
      expect.arrayContaining([
        'AccessToken',
        'AuthorizationCode',
        'ClientCredentials',
        'DeviceCode',
        'Grant',
        'Interaction',
        'PushedAuthorizationRequest',
        'RefreshToken',
        'Session',
      ]),
    );

    expect(leaks(await tableAsText(inject('databaseUrl')), secrets)).toEqual([]);
    const { stdout: dump } = await promisify(execFile)('pg_dump', ['--data-only', '--no-owner', inject('databaseUrl')], { maxBuffer: 256 * 1024 * 1024 });
    expect(dump).toContain('COPY public.oidc_payloads');
    expect(leaks(dump, secrets)).toEqual([]);
  });

  it('the tokens still work: userinfo, introspection, refresh', async () => {
    expect(await oidc.fetchUserInfo(web, latest.access, oidc.skipSubjectCheck)).toMatchObject({ sub: expect.any(String) });
    expect(await oidc.fetchUserInfo(tv, latest.device, oidc.skipSubjectCheck)).toMatchObject({ sub: expect.any(String) });
    expect(await oidc.tokenIntrospection(web, latest.access)).toMatchObject({ active: true });
    expect(await oidc.tokenIntrospection(machine, latest.machine)).toMatchObject({ active: true });
    expect(await oidc.tokenIntrospection(web, latest.refresh)).toMatchObject({ active: true });
    const again = await oidc.refreshTokenGrant(web, latest.refresh);
    expect(again.access_token).toEqual(expect.any(String));
    // A used refresh token is refused (and, reused, revokes its grant): the consumed mark still works.
    expect(await oidc.tokenIntrospection(web, latest.refresh)).toMatchObject({ active: false });
  });
});

/** An empty database of each kind Portcullis runs on, and how to remove it. */
const emptyDatabases = {
  PostgreSQL: async () => {
    const url = await createDatabase('portcullis_migration');
    return { url, remove: () => dropDatabase(url) };
  },
  'the embedded store': async () => {
    const store = await startEmbeddedStore(await tempDir('portcullis-migration-'), 2);
    return { url: `postgres://postgres@${store.host}:${store.port}/postgres`, remove: () => store.stop() };
  },
};

describe.each(Object.keys(emptyDatabases) as (keyof typeof emptyDatabases)[])('finding 6: rows stored in clear before the fix are migrated, on %s', (kind) => {
  let url: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ url, remove } = await emptyDatabases[kind]());
  });
  afterAll(() => remove?.());

  const dataSource = (list: typeof migrations) =>
    new DataSource({ type: 'postgres', url, extra: { max: 1 }, migrations: list, migrationsTableName: 'schema_migrations', migrationsTransactionMode: 'each' });

  it('hashes the ids of existing rows, drops the ones it cannot protect, and the engine still finds each by its value', async () => {
    const before = dataSource(migrations.slice(0, migrations.indexOf(AllowUsersWithoutPassword1763900600000) + 1));
    await before.initialize();
    await before.runMigrations();
    const token = 'AccessTokenValueAccessTokenValueAccessToken';
    const refresh = 'RefreshTokenValueRefreshTokenValueRefreshTo';
    const session = 'SessionCookieValue123';
    const device = 'DeviceCodeValueDeviceCodeValueDeviceCodeVa';
    const interaction = 'InteractionIdInteractionIdInteractionIdInt';
    const exp = Math.floor(Date.now() / 1000) + 600;
    await before.query(`INSERT INTO tenants (issuer_id, display_name) VALUES ('mig', 'Migrated')`);
    const insert = (kind: string, id: string, payload: object, extra: { userCode?: string; uid?: string; grantId?: string } = {}) =>
      before.query(
        `INSERT INTO oidc_payloads (tenant_id, kind, id, payload, grant_id, user_code, uid, expires_at) VALUES ('mig', $1, $2, $3, $4, $5, $6, now() + interval '10 minutes')`,
        [kind, id, { ...payload, jti: id, kind, iat: exp - 600, exp }, extra.grantId ?? null, extra.userCode ?? null, extra.uid ?? null],
      );
    await insert('AccessToken', token, { grantId: 'grant-1', clientId: 'c' }, { grantId: 'grant-1' });
    await insert('RefreshToken', refresh, { grantId: 'grant-1', clientId: 'c' }, { grantId: 'grant-1' });
    await insert('Session', session, { uid: 'session-uid', accountId: 'a' }, { uid: 'session-uid' });
    await insert('DeviceCode', device, { userCode: 'BCDFGHJK', grantId: 'grant-1' }, { userCode: 'BCDFGHJK', grantId: 'grant-1' });
    await insert('Interaction', interaction, { session: { cookie: session, uid: 'session-uid' }, deviceCode: device, returnTo: `/mig/auth/${interaction}` });
    await before.destroy();

    const after = dataSource(migrations);
    await after.initialize();
    await after.runMigrations();
    await after.destroy();

    const secrets = new Map([
      ['access token', token],
      ['refresh token', refresh],
      ['session id', session],
      ['device code', device],
      ['interaction id', interaction],
      ['user code', 'BCDFGHJK'],
    ]);
    expect(leaks(await tableAsText(url), secrets)).toEqual([]);

    const engine = dataSource(migrations);
    await engine.initialize();
    try {
      const store = new OidcPayloadsStore(
        new Database(engine, { databaseUrl: url } as AppConfig),
        new SecretBox([{ id: DEFAULT_KEY_ID, key: Buffer.from(TEST_KEK, 'hex') }]),
      );
      expect(await store.find('mig', 'AccessToken', token)).toMatchObject({ jti: token, grantId: 'grant-1', clientId: 'c' });
      expect(await store.find('mig', 'RefreshToken', refresh)).toMatchObject({ jti: refresh, grantId: 'grant-1' });
      expect(await store.find('mig', 'Session', session)).toMatchObject({ jti: session, uid: 'session-uid' });
      expect(await store.find('mig', 'DeviceCode', device)).toMatchObject({ jti: device, grantId: 'grant-1' });
      expect(await store.find('mig', 'Interaction', interaction)).toBeUndefined();
      await store.revokeByGrantId('mig', 'grant-1');
      expect(await store.find('mig', 'AccessToken', token)).toBeUndefined();
    } finally {
      await engine.destroy();
    }
  });
});
