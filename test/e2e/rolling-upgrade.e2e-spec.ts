import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { Cluster, SHUTDOWN_DELAY_MS, type Backend } from '../helpers/cluster.js';
import { createDatabase, dropDatabase, query } from '../helpers/db.js';
import { runLoad } from '../helpers/load.js';
import { expectOk, failedRouting, mixedOperation, provision, signIn, tokenRequest, type Fixture } from '../helpers/mixed-load.js';
import { checkout, type Revision } from '../helpers/revision.js';
import { createTenant, oidc } from '../helpers/rp.js';
import { migrations } from '../../src/database/migrations/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MIGRATIONS = 'src/database/migrations';
const EXITED_CLEANLY = { code: 0, signal: null };
const PASSWORD = 'correct horse battery staple, old';

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/**
 * The release the newest migration must stay compatible with: the parent of the commit that added
 * the newest migration file, or this commit while that file is not committed yet (a migration in
 * the making is checked against the code it will be deployed next to).
 */
function previousRelease(): string {
  // A shallow clone's oldest commit seems to add every file.
  if (git('rev-parse', '--is-shallow-repository') === 'true') throw new Error('a shallow clone: git fetch --unshallow first');
  const newest = readdirSync(`${ROOT}/${MIGRATIONS}`)
    .filter((file) => /^\d+-\w+\.ts$/.test(file))
    .sort()
    .at(-1)!;
  const added = git('log', '--diff-filter=A', '--format=%H', '--', `${MIGRATIONS}/${newest}`).split('\n')[0];
  return added ? `${added}^` : 'HEAD';
}

/**
 * Whether a release keeps serving after SIGTERM until the balancer has noticed, closing kept-alive
 * connections as it answers (SHUTDOWN_DELAY_MS). One from before closes its listener and idle
 * connections at once, and loses requests on any restart, migration or not: it is stopped as
 * Kubernetes would need it (out of rotation, a preStop sleep, SIGTERM), and the load keeps no
 * connection through the Service, which no balancer can move off a process.
 */
const drainsItself = (rev: string) => spawnSync('git', ['grep', '--quiet', 'SHUTDOWN_DELAY_MS', rev, '--', 'src'], { cwd: ROOT }).status === 0;

/** Writes through one process: a tenant (with its keys) and a user through the admin API, and a token grant. */
async function write(backend: Backend, fx: Fixture) {
  const tenant = await createTenant(backend.url);
  const created = await adminApi(backend.url).post(`/v1/tenants/${fx.issuerId}/users`, { username: `written-by-${backend.name}`, password: PASSWORD });
  if (created.status !== 201) throw new Error(`user creation through ${backend.name} answered ${created.status}: ${JSON.stringify(created.body)}`);
  const { access_token } = await expectOk<{ access_token: string }>(await tokenRequest(backend.url, fx), `token from ${backend.name}`);
  return { tenant, user: created.body as { user_id: string; username: string }, accessToken: access_token };
}

const appliedMigrations = async (databaseUrl: string) =>
  (await query<{ name: string }>(databaseUrl, 'SELECT name FROM schema_migrations ORDER BY id')).map((row) => row.name);

/**
 * Expand/contract, checked (docs/operations.md, "Upgrades"): processes of the previous release
 * keep serving, reads and writes, while a process of this one applies its migrations and the rest
 * are replaced one by one; what the old ones wrote on the new schema is what the new ones read.
 */
describe('rolling upgrade across a migration', () => {
  const release = previousRelease();
  const drains = drainsItself(release);
  let previous: Revision;
  let databaseUrl: string | undefined;
  let cluster: Cluster | undefined;

  // Checked out and built under .bench/ once per commit; later runs reuse the build.
  beforeAll(() => {
    const started = performance.now();
    previous = checkout(ROOT, release);
    console.info(
      `previous release: ${previous.description}${drains ? '' : ' (stopped after a preStop sleep)'} (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }, 300_000);

  afterEach(async () => {
    await cluster?.close();
    if (databaseUrl) await dropDatabase(databaseUrl);
    cluster = databaseUrl = undefined;
  });

  it('old processes serve through the new migration and the roll; no request fails; new processes read what old ones wrote', { timeout: 150_000 }, async () => {
    databaseUrl = await createDatabase('portcullis_upgrade');
    cluster = await Cluster.start({ databaseUrl, size: 0, env: { SHUTDOWN_DELAY_MS } });
    const old: Backend[] = await Promise.all([cluster.add({ main: previous.main }), cluster.add({ main: previous.main })]);
    const oldSchema = await appliedMigrations(databaseUrl);
    const added = migrations.map((migration) => migration.name).filter((name) => !oldSchema.includes(name));
    expect(added).toContain(migrations.at(-1)!.name);
    const fx = await provision(cluster);

    const from = cluster.routed.length;
    const sent = { service: 0 };
    let upgraded!: () => void;
    const load = runLoad({ workers: 6, maxOperations: 20_000, maxMs: 120_000, stop: new Promise<void>((resolve) => (upgraded = resolve)) }, (n) =>
      mixedOperation(cluster!, fx, n, sent, { service: drains }),
    );

    // The first process of this release applies the migrations while both old ones serve.
    await cluster.add();
    const migratedAt = cluster.routed.length;
    const applied = await appliedMigrations(databaseUrl);
    expect(applied).toEqual([...oldSchema, ...added]);

    // maxSurge 1, maxUnavailable 0: each old process stopped, then another in its place once ready.
    // The first replacement is an old one started on the new schema (a rescheduled pod of the
    // old ReplicaSet, or a rollback). Old processes, through the migration and started after it,
    // write on the new schema (besides the load's sessions, codes and tokens).
    const exits = [];
    const stopOld = { preStopMs: drains ? 0 : Number(SHUTDOWN_DELAY_MS) };
    const writes = [await write(old[0], fx)];
    exits.push(await cluster.stop(old[0], 'SIGTERM', stopOld));
    old.push(await cluster.add({ main: previous.main }));
    writes.push(await write(old[2], fx));
    exits.push(await cluster.stop(old[1], 'SIGTERM', stopOld));
    await cluster.add();
    exits.push(await cluster.stop(old[2], 'SIGTERM', stopOld));
    upgraded();
    const { operations, failures } = await load;

    const routed = cluster.routed.slice(from);
    const failed = failedRouting(routed);
    const requests = routed.filter((r) => r.via === 'http').length;
    const oldAfterMigration = cluster.routed.slice(migratedAt).filter((r) => old.some((backend) => backend.name === r.backend) && !r.error);
    console.info(
      `rolling upgrade from ${previous.description.split(' ')[0]} over ${added.join(', ')}: ${operations} operations (${failures.length} failed); ` +
        `${requests} requests through the ingress and ${sent.service} over ${routed.length - requests} connections through the service ` +
        `(${failed.length} failed); ${oldAfterMigration.length} answered by old processes after the migration`,
    );
    expect(failures).toEqual([]);
    expect(failed).toEqual([]);
    expect(exits).toEqual([EXITED_CLEANLY, EXITED_CLEANLY, EXITED_CLEANLY]);
    expect(routed.filter((r) => r.failOpen)).toEqual([]);
    expect(new Set(oldAfterMigration.map((r) => r.backend))).toEqual(new Set(old.map((backend) => backend.name)));
    // Each migration ran once, the new processes' starts included.
    expect(await appliedMigrations(databaseUrl)).toEqual(applied);

    // Only new processes now: they read what the old ones wrote on the new schema.
    expect(cluster.backends.every((backend) => !old.includes(backend))).toBe(true);
    for (const { tenant, user, accessToken } of writes) {
      const document = await expectOk<{ issuer: string; jwks_uri: string }>(await fetch(`${tenant.issuer}/.well-known/openid-configuration`), 'discovery');
      expect(document.issuer).toBe(tenant.issuer);
      expect((await expectOk<{ keys: unknown[] }>(await fetch(document.jwks_uri), 'jwks')).keys).not.toEqual([]);
      const read = await adminApi(cluster.url).get(`/v1/tenants/${fx.issuerId}/users/${user.user_id}`);
      expect([read.status, read.body.username]).toEqual([200, user.username]);
      const { tokens } = await signIn(cluster, fx, {}, { username: user.username, password: PASSWORD });
      expect(tokens.claims()!.sub).toBe(user.user_id);
      expect((await oidc.tokenIntrospection(fx.machineRp, accessToken)).active).toBe(true);
    }
  });
});
