/**
 * Many issuers on one Portcullis, shared by `npm run bench:discovery` and `npm run bench:compare`:
 * created through the admin API, then each one's discovery document requested once (the first
 * request builds the issuer's provider: cold; the second is answered from it: warm). For
 * `npm run bench:scale`, many more are cloned in SQL from a few made through the API.
 */
import type { JWK } from 'jose';
import pg from 'pg';
import { DEFAULT_KEY_ID, SecretBox } from '../src/common/crypto/secret-box.js';
import { ADMIN_KEY, BENCH_KEY_ENCRYPTION_KEY } from './harness.js';

export const issuerIds = (count: number) => Array.from({ length: count }, (_, i) => `scale-${i}`);
export const discoveryPath = (id: string) => `/${id}/.well-known/openid-configuration`;
export const jwksPath = (id: string) => `/${id}/jwks.json`;

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `task` over `items` with `concurrency` in flight; returns each duration in ms, sorted. */
async function timed<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const started = performance.now();
        await task(item);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations.sort((a, b) => a - b);
}

/** Creates an ES256 issuer for each id, 16 requests in flight. */
export async function createIssuers(base: string, ids: string[]): Promise<void> {
  await timed(ids, 16, async (id) => {
    const res = await fetch(`${base}/v1/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issuer_id: id, signing_alg: 'ES256' }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status !== 201) throw new Error(`create ${id}: ${res.status}`);
  });
}

/** Requests every issuer's discovery document once, `inFlight` at a time; returns each duration in ms, sorted. */
export const requestEach = (base: string, ids: string[], inFlight: number) =>
  timed(ids, inFlight, async (id) => {
    const res = await fetch(`${base}${discoveryPath(id)}`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${discoveryPath(id)}: ${res.status}`);
  });

/** How the signing-keys store binds a sealed private key to its row (src/stores/signing-keys/signing-keys.store.ts). */
const keyAad = (tenantId: string, kid: string) => `signing_key:${tenantId}:${kid}`;

/** Rows per INSERT of cloned signing keys: a few MB of parameters per statement. */
const KEY_BATCH = 10_000;

/** The columns of `table` (as the migrations left it) but `except`: clones copy whatever a template holds, including columns added later. */
async function columnsOf(db: pg.Client, table: string, except: string[]): Promise<string[]> {
  const { rows } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.column_name).filter((column) => !except.includes(column));
}

/**
 * Clones `count` issuers (`ids`) from `templates`, tenants made through the admin API, in SQL:
 * the tenant row (every option as its template has it, every 100th clone disabled), its signing
 * keys (the template's key pairs under new kids, each private JWK sealed again under the
 * key-encryption key for its new row, as the store would) and its `tenant.created` audit event.
 * Reusing a template's key pairs is the one shortcut: a real creation generates two new pairs
 * (ES256 < 1 ms, RSA 100-300 ms each), which is what makes 100,000 creations through the API slow.
 */
export async function cloneIssuers(databaseUrl: string, templates: string[], ids: string[], publicUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query('CREATE TEMP TABLE clone_plan (issuer_id text PRIMARY KEY, ord int NOT NULL, template text NOT NULL) ON COMMIT DROP');
    await db.query(
      `INSERT INTO clone_plan SELECT id, ord::int - 1, ($2::text[])[((ord - 1) % array_length($2::text[], 1)) + 1] FROM unnest($1::text[]) WITH ORDINALITY AS c(id, ord)`,
      [ids, templates],
    );

    const tenantColumns = await columnsOf(db, 'tenants', ['issuer_id', 'display_name', 'enabled', 'created_at', 'updated_at']);
    await db.query(
      `INSERT INTO tenants (issuer_id, display_name, enabled, ${tenantColumns.join(', ')})
       SELECT p.issuer_id, 'Issuer ' || p.issuer_id, p.ord % 100 <> 99, ${tenantColumns.map((c) => `t.${c}`).join(', ')}
       FROM clone_plan p JOIN tenants t ON t.issuer_id = p.template ORDER BY p.ord`,
    );

    const box = new SecretBox([
      {
        id: DEFAULT_KEY_ID,
        key: Buffer.from(BENCH_KEY_ENCRYPTION_KEY, 'hex'),
      } /* the servers' key: cloned private keys are sealed as the product seals them */,
    ]);
    const { rows: keys } = await db.query<{ tenant_id: string; kid: string; alg: string; status: string; public_jwk: JWK; private_jwk: string }>(
      `SELECT tenant_id, kid, alg, status, public_jwk, private_jwk FROM signing_keys WHERE tenant_id = ANY($1)`,
      [templates],
    );
    // Opening each template key here also proves the bench seals under the servers' key.
    const byTemplate = new Map<string, Array<{ kid: string; alg: string; status: string; publicJwk: JWK; privateJwk: JWK }>>();
    for (const key of keys) {
      const privateJwk = JSON.parse(box.open(key.private_jwk, keyAad(key.tenant_id, key.kid))) as JWK;
      const list = byTemplate.get(key.tenant_id) ?? [];
      list.push({ kid: key.kid, alg: key.alg, status: key.status, publicJwk: key.public_jwk, privateJwk });
      byTemplate.set(key.tenant_id, list);
    }
    const batch: string[][] = [[], [], [], [], [], []];
    const flush = async () => {
      if (batch[0].length === 0) return;
      await db.query(
        `INSERT INTO signing_keys (tenant_id, kid, alg, status, public_jwk, private_jwk, activated_at)
         SELECT t, k, a, s, p::jsonb, x, CASE WHEN s = 'active' THEN now() END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS v(t, k, a, s, p, x)`,
        batch,
      );
      for (const column of batch) column.length = 0;
    };
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      for (const key of byTemplate.get(templates[i % templates.length]) ?? []) {
        const kid = `${key.kid.slice(0, 20)}-${i}`;
        const row = [
          id,
          kid,
          key.alg,
          key.status,
          JSON.stringify({ ...key.publicJwk, kid }),
          box.seal(JSON.stringify({ ...key.privateJwk, kid }), keyAad(id, kid)),
        ];
        row.forEach((value, column) => batch[column].push(value));
      }
      if (batch[0].length >= KEY_BATCH) await flush();
    }
    await flush();

    // The event the API writes for each creation, as its template's, naming the clone.
    const auditColumns = await columnsOf(db, 'audit_events', ['seq', 'id', 'occurred_at', 'issuer_id', 'resource_id', 'after', 'request_id']);
    await db.query(
      `INSERT INTO audit_events (id, issuer_id, resource_id, after, ${auditColumns.join(', ')})
       SELECT gen_random_uuid(), p.issuer_id, p.issuer_id,
              e.after || jsonb_build_object('issuer_id', p.issuer_id, 'issuer', $1::text || '/' || p.issuer_id, 'display_name', 'Issuer ' || p.issuer_id, 'enabled', p.ord % 100 <> 99),
              ${auditColumns.map((c) => `e.${c}`).join(', ')}
       FROM clone_plan p JOIN audit_events e ON e.issuer_id = p.template AND e.action = 'tenant.created' ORDER BY p.ord`,
      [publicUrl],
    );
    await db.query('COMMIT');
    // What autovacuum would get to on its own after a bulk load; the plans measured are a settled database's.
    await db.query('VACUUM ANALYZE tenants, signing_keys, audit_events');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
