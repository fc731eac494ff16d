import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEY_ID, SecretBox, type KeyEncryptionKey } from '../common/crypto/secret-box.js';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource, runMigrations } from '../database/data-source.js';
import { createDatabase, dropDatabase } from '../../test/helpers/db.js';
import { RecordingDatabase, rowsRead } from '../../test/helpers/query-plans.js';
import { newTenant } from '../../test/helpers/store-db.js';
import { ClientsStore } from './clients/clients.store.js';
import { SigningKeysStore } from './signing-keys/signing-keys.store.js';

const OLD: KeyEncryptionKey = { id: DEFAULT_KEY_ID, key: randomBytes(32) };
const NEXT: KeyEncryptionKey = { id: 'k2', key: randomBytes(32) };
/** Rows per table: enough that reading them all is unmistakable beside a probe's few. */
const ROWS = 2_000;

// A database of its own: values sealed under keys the rest of the run lacks would stop its apps from starting.
describe('the start check of key-encryption keys', () => {
  let url: string;
  let dataSource: DataSource | undefined;
  let db: RecordingDatabase;
  const tenant = 'kek-probe';

  beforeAll(async () => {
    url = await createDatabase('portcullis_kek_probe');
    const config = { databaseUrl: url, databasePoolSize: 4 } as AppConfig;
    dataSource = await createDataSource(config).initialize();
    await runMigrations(dataSource);
    db = new RecordingDatabase(dataSource, config);
    await newTenant(db, tenant);
    // Most rows under the old key, a few under the new one (a re-encryption under way), some clients without a secret.
    const sealer = (i: number) => new SecretBox([i % 500 === 0 ? NEXT : OLD]);
    const kids = Array.from({ length: ROWS }, (_, i) => `kid-${i}`);
    await db.execute(
      `INSERT INTO signing_keys (tenant_id, kid, alg, status, public_jwk, private_jwk)
       SELECT $1, kid, 'ES256', 'retired', '{}'::jsonb, sealed FROM unnest($2::text[], $3::text[]) AS v(kid, sealed)`,
      [tenant, kids, kids.map((kid, i) => sealer(i).seal('{"kty":"EC"}', `signing_key:${tenant}:${kid}`))],
    );
    const clientIds = Array.from({ length: ROWS }, (_, i) => `c-${i}`);
    await db.execute(
      `INSERT INTO clients (tenant_id, client_id, metadata, client_secret)
       SELECT $1, id, '{}'::jsonb, sealed FROM unnest($2::text[], $3::text[]) AS v(id, sealed)`,
      [tenant, clientIds, clientIds.map((id, i) => (i % 3 === 0 ? null : sealer(i + 1).seal('secret', `client_secret:${tenant}:${id}`)))],
    );
    await db.execute('ANALYZE signing_keys, clients');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (url) await dropDatabase(url);
  });

  it('names each key id whose key the process lacks or whose values its key does not open', async () => {
    const stores = (...keys: KeyEncryptionKey[]) => ({
      keys: new SigningKeysStore(db, new SecretBox(keys)),
      clients: new ClientsStore(db, new SecretBox(keys)),
    });
    for (const { keys, clients } of [stores(NEXT, OLD), stores(OLD, NEXT)]) {
      expect(await keys.keyIdsThatDoNotOpen()).toEqual([]);
      expect(await clients.keyIdsThatDoNotOpen()).toEqual([]);
    }
    expect(await stores(OLD).keys.keyIdsThatDoNotOpen()).toEqual(['k2']);
    expect(await stores(OLD).clients.keyIdsThatDoNotOpen()).toEqual(['k2']);
    expect(await stores(NEXT).keys.keyIdsThatDoNotOpen()).toEqual([DEFAULT_KEY_ID]);
    const wrong = stores({ id: 'k2', key: randomBytes(32) }, { id: DEFAULT_KEY_ID, key: randomBytes(32) });
    expect((await wrong.keys.keyIdsThatDoNotOpen()).sort()).toEqual(['default', 'k2']);
    expect((await wrong.clients.keyIdsThatDoNotOpen()).sort()).toEqual(['default', 'k2']);
  });

  // Every start runs it: reading every row made the start grow with the number of issuers (half a second at 100,000).
  it('reads a few index entries per key id, not the table', async () => {
    const box = new SecretBox([NEXT, OLD]);
    const [keysProbe] = await db.during(() => new SigningKeysStore(db, box).keyIdsThatDoNotOpen());
    const [clientsProbe] = await db.during(() => new ClientsStore(db, box).keyIdsThatDoNotOpen());
    expect(await rowsRead(db, keysProbe, 'signing_keys')).toBeLessThan(10);
    expect(await rowsRead(db, clientsProbe, 'clients')).toBeLessThan(10);
  });
});
