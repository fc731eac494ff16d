import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { tempDir, TEST_ADMIN_KEY, TEST_KEK } from '../helpers/app.js';
import { createDatabase, dropDatabase } from '../helpers/db.js';
import { spawnPortcullis, type PortcullisProcess } from '../helpers/process.js';

/** The lines a refused start printed as its reason (stderr also carries oidc-provider's runtime warning). */
const refusals = (proc: PortcullisProcess) =>
  proc
    .stderr()
    .split('\n')
    .filter((line) => line.startsWith('portcullis:'));

/** Whether anything was logged at error level or above on stdout: a refusal says its reason once, on stderr. */
const errorLines = (proc: PortcullisProcess) => proc.stdout.filter((line) => /"level":(50|60)/.test(line));

/** Whether the process came to listen; if it did, it is stopped, so a test that expected a refusal leaves nothing running. */
async function cameUp(proc: PortcullisProcess): Promise<boolean> {
  const listened = await proc.listening.then(
    () => true,
    () => false,
  );
  if (listened) await proc.stop();
  return listened;
}

/** Processes started on one PostgreSQL database as operators start them: built `dist/src/main.js`, configured by environment. */
describe('starting on a database other processes use', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createDatabase('portcullis_start');
  });
  afterAll(() => dropDatabase(databaseUrl));

  it('a key-encryption key that cannot open the stored keys stops the start with one line naming KEY_ENCRYPTION_KEY; the right key serves', async () => {
    // The first development start generates its key into its DATA_DIR and seals the demo issuer's keys under it.
    const firstDir = await tempDir();
    const first = spawnPortcullis({ DATA_DIR: firstDir, DATABASE_URL: databaseUrl });
    await first.listening;
    expect(await first.stop()).toEqual({ code: 0, signal: null });

    // A second one with its own DATA_DIR generates another key, which opens nothing stored.
    const secondDir = await tempDir();
    const second = spawnPortcullis({ DATA_DIR: secondDir, DATABASE_URL: databaseUrl });
    expect(await cameUp(second), 'a process whose key opens nothing stored must not serve').toBe(false);
    expect(await second.exited).toEqual({ code: 1, signal: null });
    const database = `127.0.0.1:${new URL(databaseUrl).port || 5432}${new URL(databaseUrl).pathname}`;
    expect(refusals(second)).toEqual([
      `portcullis: failed to start: KEY_ENCRYPTION_KEY is unset, and the key generated in ${join(secondDir, 'key-encryption-key')} ` +
        `does not open the signing keys in the database at ${database}: another process (with another DATA_DIR) sealed them under its own. ` +
        'Every process on one database needs the same key: set KEY_ENCRYPTION_KEY to the contents of that DATA_DIR/key-encryption-key.',
    ]);
    expect(errorLines(second)).toEqual([]);
    expect(second.stdout.some((line) => line.includes('listening on'))).toBe(false);

    // In production (a key given, not generated) the line says the same of the variable.
    const production = spawnPortcullis({
      NODE_ENV: 'production',
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      DATA_DIR: await tempDir(),
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: TEST_KEK,
    });
    expect(await cameUp(production), 'a process whose key opens nothing stored must not serve').toBe(false);
    expect(await production.exited).toEqual({ code: 1, signal: null });
    expect(refusals(production)).toEqual([
      `portcullis: failed to start: KEY_ENCRYPTION_KEY does not open the signing keys in the database at ${database}: they were sealed under another key. ` +
        'Every process on one database needs the same key: set KEY_ENCRYPTION_KEY to the one they were sealed with.',
    ]);
    expect(errorLines(production)).toEqual([]);
    expect(production.stderr()).not.toContain(TEST_KEK);

    // Told the first process's key, the second one serves what the first one created.
    const shared = spawnPortcullis({
      DATA_DIR: secondDir,
      DATABASE_URL: databaseUrl,
      KEY_ENCRYPTION_KEY: (await readFile(join(firstDir, 'key-encryption-key'), 'utf8')).trim(),
    });
    try {
      const url = await shared.listening;
      expect((await fetch(`${url}/demo/.well-known/openid-configuration`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      await shared.stop();
    }
  });
});

describe('a development start with DATABASE_URL and both secrets set', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createDatabase('portcullis_devstart');
  });
  afterAll(() => dropDatabase(databaseUrl));

  const env = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ADMIN_API_KEY: TEST_ADMIN_KEY, KEY_ENCRYPTION_KEY: TEST_KEK });

  it('starts when DATA_DIR is not on disk, and keeps the demo issuer with the data it describes', async () => {
    const dataDir = join(await tempDir(), 'not', 'yet', 'data');
    const first = spawnPortcullis(env(dataDir));
    try {
      const url = await first.listening;
      expect((await fetch(`${url}/demo-login`, { redirect: 'manual' })).status).toBe(303);
      // The demo user's password is kept for the newcomer, in the folder the start created.
      expect(await readFile(join(dataDir, 'demo-user'), 'utf8')).toMatch(/^username: demo\npassword: \S+\n$/);
    } finally {
      await first.stop();
    }

    // Another process on the same database, with a DATA_DIR of its own, finds the demo client in the database.
    const otherDir = await tempDir();
    const second = spawnPortcullis(env(otherDir));
    try {
      const url = await second.listening;
      const login = await fetch(`${url}/demo-login`, { redirect: 'manual' });
      expect(login.status).toBe(303);
      expect(new URL(login.headers.get('location')!).pathname).toBe('/demo/authorize');
      // Deleted, the demo issuer does not come back on the next start, whatever its DATA_DIR.
      expect((await adminApi(url).delete('/v1/tenants/demo')).status).toBe(204);
    } finally {
      await second.stop();
    }
    const third = spawnPortcullis(env(await tempDir()));
    try {
      const url = await third.listening;
      expect((await adminApi(url).get('/v1/tenants/demo')).status).toBe(404);
      expect((await fetch(`${url}/demo-login`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await third.stop();
    }
  });
});
