import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { SecretBox, sealedKeyIdSql } from '../../common/crypto/secret-box.js';
import { resealRows, type Resealed } from '../sealed-rows.js';
import { hashShortCode, hashToken } from '../../common/crypto/token-hash.js';
import { Database, prepared, type Prepared } from '../../database/database.js';

export type Payload = Record<string, unknown>;

/** A live row read by its key, for listings: the id is known only by its hash. */
export interface StoredPayload {
  idHash: string;
  payload: Payload;
  expiresAt: Date | null;
}

export interface StoredSession {
  uid: string;
  payload: Payload;
  expiresAt: Date | null;
}

/**
 * Payload members that hold a credential the engine reads back without presenting it, so a
 * hash would not do: they are sealed under the key-encryption key, bound to their row.
 * - DeviceCode `jti`, `userCode`: the user-code page loads the code by its user code, then
 *   saves it under its id, which the device polls with; each save rewrites the user code.
 * - Interaction `deviceCode`, `parJti`: on resume the engine loads the device code and the
 *   pushed request by them; `returnTo` holds the interaction's own id; `session.cookie` is the
 *   session id (oidc-provider 9 does not read it back, but `interactionDetails` returns it).
 * @see node_modules/oidc-provider/lib/models/interaction.js, lib/actions/authorization/device.js
 */
const SEALED: Record<string, readonly string[]> = {
  DeviceCode: ['jti', 'userCode'],
  Interaction: ['deviceCode', 'parJti', 'returnTo', 'session.cookie'],
  // A TOTP secret being enrolled, before its first code confirms it, and the PKCE verifier of an
  // upstream sign-in in progress (oidc/sign-in/sign-in-progress.ts).
  SignInProgress: ['totpSecret', 'federation.codeVerifier'],
};

/** `payload` with the string at `path` (dotted) replaced by `change(value)`; a copy, never the caller's object. */
function mapPath(payload: Payload, path: string[], change: (value: string) => string): Payload {
  const [key, ...rest] = path;
  const value = payload[key];
  if (rest.length === 0) return typeof value === 'string' ? { ...payload, [key]: change(value) } : payload;
  return value !== null && typeof value === 'object' ? { ...payload, [key]: mapPath(value as Payload, rest, change) } : payload;
}

/** Every sealed member of a live row, one row each (`tenant_id, kind, id_hash, sealed`), for counting and re-sealing by key-encryption key. */
const SEALED_VALUES = Object.entries(SEALED)
  .map(
    ([kind, paths]) =>
      `SELECT tenant_id, kind, id_hash, v.sealed FROM oidc_payloads
       CROSS JOIN LATERAL (VALUES ${paths.map((path) => `(payload #>> '{${path.split('.').join(',')}}')`).join(', ')}) AS v(sealed)
       WHERE kind = '${kind}' AND v.sealed IS NOT NULL AND (expires_at IS NULL OR expires_at > now())`,
  )
  .join(' UNION ALL ');

const SELECT = `SELECT id_hash, payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads`;
const LIVE = `(expires_at IS NULL OR expires_at > now())`;

type Row = { id_hash: string; payload: Payload; consumed: string | null };

/** The columns a live row is looked up by, each with its statement for one value and for any of several. */
type LookupColumn = 'id_hash' | 'uid' | 'user_code_hash';
const BY_COLUMN = Object.fromEntries(
  (['id_hash', 'uid', 'user_code_hash'] as const).map((column) => [
    column,
    {
      one: prepared(`oidc_payloads_by_${column}`, `${SELECT} WHERE tenant_id = $1 AND kind = $2 AND ${column} = $3 AND ${LIVE}`),
      any: prepared(`oidc_payloads_by_${column}_any`, `${SELECT} WHERE tenant_id = $1 AND kind = $2 AND ${column} = ANY($3) AND ${LIVE}`),
    },
  ]),
) as Record<LookupColumn, { one: Prepared; any: Prepared }>;
const CONSUME = prepared('oidc_payloads_consume', 'UPDATE oidc_payloads SET consumed_at = now() WHERE tenant_id = $1 AND kind = $2 AND id_hash = $3');
const DESTROY = prepared('oidc_payloads_destroy', 'DELETE FROM oidc_payloads WHERE tenant_id = $1 AND kind = $2 AND id_hash = $3');
const FIND_MANY = prepared(
  'oidc_payloads_find_many',
  `SELECT tenant_id, kind, id_hash, payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads
   WHERE (tenant_id, kind, id_hash) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[])) AND ${LIVE}`,
);

/** A row to write, as UPSERT reads it from its JSON: tenant, kind, id hash, payload, grant id, user-code hash, uid, seconds to live. */
interface Write {
  t: string;
  k: string;
  h: string;
  p: Payload;
  g: string | null;
  u: string | null;
  i: string | null;
  e: number | null;
}

/**
 * The rows travel as one JSON document: one native JSON.stringify for the batch, where arrays of
 * text would be escaped character by character in JavaScript, payloads included.
 */
const UPSERT = prepared(
  'oidc_payloads_upsert_json',
  `INSERT INTO oidc_payloads (tenant_id, kind, id_hash, payload, grant_id, user_code_hash, uid, expires_at)
  SELECT t, k, h, p, g, u, i, CASE WHEN e IS NULL THEN NULL ELSE now() + make_interval(secs => e) END
  FROM jsonb_to_recordset($1::jsonb) AS v(t text, k text, h text, p jsonb, g text, u text, i text, e int)
  ON CONFLICT (tenant_id, kind, id_hash) DO UPDATE SET
    payload = excluded.payload, grant_id = excluded.grant_id, user_code_hash = excluded.user_code_hash,
    uid = excluded.uid, expires_at = excluded.expires_at`,
);

/**
 * Batches close at the end of the event loop's turn (setImmediate), not of the current tick
 * (DataLoader's default): each request's body is read in a tick of its own, so only a turn holds
 * the work of many concurrent requests. Nothing is cached between batches.
 */
const BATCHES = { cache: false, maxBatchSize: 100, batchScheduleFn: (send: () => void) => setImmediate(send) } as const;

/** One lookup by id: the tenant, the model and the id's hash. */
interface ById {
  tenantId: string;
  kind: string;
  idHash: string;
}

/**
 * The only code that reads or writes `oidc_payloads`: every oidc-provider model (sessions,
 * grants, codes, tokens, interactions…) of every issuer, in one table. Ids are unique only
 * within an issuer, hence the tenant in the key; the lookup columns beside the payload
 * (`grant_id`, `user_code_hash`, `uid`) serve the lookups by them. Every statement names its
 * tenant; expired rows read as absent even before the sweep removes them. Inside a
 * transaction, every method joins it.
 *
 * Nothing in the table works as a credential: a row is keyed by the SHA-256 of its id (the
 * token, code, session or interaction id), the payload never holds the id, and lookups hash
 * what the caller presents. Callers pass and get clear values.
 */
@Injectable()
export class OidcPayloadsStore {
  /** Key the user-code hashes: the same on every replica, never stored. The first hashes, all find (key-encryption key rotation). */
  private readonly userCodeKeys: Buffer[];

  /**
   * Lookups by id made in the same turn of the event loop go to the database as one statement:
   * introspection asks for a token as an access token, a client credentials token and a refresh
   * token at once, and the requests served in one turn share a round trip. Nothing is cached.
   */
  private readonly byId = new DataLoader<ById, Row | undefined, string>((keys) => this.findMany(keys), BATCHES);

  /** Writes made in the same turn of the event loop: one statement and one commit for all the requests served in it. */
  private readonly writes = new DataLoader<Write, void, string>((rows) => this.writeMany(rows), BATCHES);

  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
  ) {
    this.userCodeKeys = box.derive('oidc_payloads:user_code');
  }

  private async findMany(keys: readonly ById[]): Promise<Array<Row | undefined>> {
    if (keys.length === 1) {
      const [{ tenantId, kind, idHash }] = keys;
      const rows = await this.db.query<Row>(BY_COLUMN.id_hash.one, [tenantId, kind, idHash]);
      return [rows[0]];
    }
    const rows = await this.db.query<Row & { tenant_id: string; kind: string }>(FIND_MANY, [
      keys.map((key) => key.tenantId),
      keys.map((key) => key.kind),
      keys.map((key) => key.idHash),
    ]);
    const found = new Map(rows.map((row) => [`${row.tenant_id}\0${row.kind}\0${row.id_hash}`, row]));
    return keys.map((key) => found.get(`${key.tenantId}\0${key.kind}\0${key.idHash}`));
  }

  /** What a device code is found by, under the sealing key's user-code key; null for other payloads. */
  private userCodeHash(payload: Payload): string | null {
    return typeof payload.userCode === 'string' ? hashShortCode(this.userCodeKeys[0], payload.userCode) : null;
  }

  /** Additional data of a sealed member: a sealed value copied to another row, tenant or member does not open. */
  private static aad(tenantId: string, kind: string, idHash: string, path: string): string {
    return `oidc_payloads:${tenantId}:${kind}:${idHash}:${path}`;
  }

  /** What is stored of `payload`: without its id (the row's key), credentials of `SEALED` sealed. */
  private protect(tenantId: string, kind: string, idHash: string, payload: Payload): Payload {
    const sealed = SEALED[kind] ?? [];
    let stored = { ...payload };
    if (!sealed.includes('jti')) delete stored.jti;
    for (const path of sealed) {
      stored = mapPath(stored, path.split('.'), (value) => this.box.seal(value, OidcPayloadsStore.aad(tenantId, kind, idHash, path)));
    }
    return stored;
  }

  /**
   * The engine's payload back from a row: sealed members opened, `consumed` (epoch seconds,
   * which oidc-provider reads) from its column, and `jti` set to the id the caller presented.
   * A member that does not open (sealed under another key-encryption key) makes the row unreadable.
   */
  private reveal(tenantId: string, kind: string, row: Row | undefined, id?: string): Payload | undefined {
    if (!row) return undefined;
    let payload: Payload = row.consumed === null ? row.payload : { ...row.payload, consumed: Number(row.consumed) };
    try {
      for (const path of SEALED[kind] ?? []) {
        payload = mapPath(payload, path.split('.'), (value) => this.box.open(value, OidcPayloadsStore.aad(tenantId, kind, row.id_hash, path)));
      }
    } catch {
      return undefined;
    }
    return id === undefined ? payload : { ...payload, jti: id };
  }

  private async one(tenantId: string, kind: string, where: LookupColumn, value: string | string[], id?: string): Promise<Payload | undefined> {
    const rows = await this.db.query<Row>(BY_COLUMN[where][Array.isArray(value) ? 'any' : 'one'], [tenantId, kind, value]);
    return this.reveal(tenantId, kind, rows[0], id);
  }

  /**
   * The payload stored under `id`, expiring after `expiresInSeconds` (never when absent). Inside a
   * transaction, written in it; otherwise batched with the tick's other writes into one statement.
   */
  async upsert(tenantId: string, kind: string, id: string, payload: Payload, expiresInSeconds?: number): Promise<void> {
    const idHash = hashToken(id);
    const row: Write = {
      t: tenantId,
      k: kind,
      h: idHash,
      p: this.protect(tenantId, kind, idHash, payload),
      g: (payload.grantId as string | undefined) ?? null,
      u: this.userCodeHash(payload),
      i: (payload.uid as string | undefined) ?? null,
      e: expiresInSeconds ?? null,
    };
    if (this.db.inTransaction) await this.writeMany([row]);
    else await this.writes.load(row);
  }

  /**
   * Writes rows in one statement. A row written twice keeps its last payload (a statement may not
   * touch a row twice). When the statement fails, each row is written on its own, so a caller's bad
   * value (a NUL character) fails that caller alone.
   */
  private async writeMany(rows: readonly Write[]): Promise<Array<void | Error>> {
    const last = new Map(rows.map((row) => [`${row.t}\0${row.k}\0${row.h}`, row]));
    try {
      await this.db.execute(UPSERT, [JSON.stringify([...last.values()])]);
      return rows.map(() => undefined);
    } catch (error) {
      if (rows.length === 1) throw error;
      return Promise.all(
        rows.map((row) =>
          this.writeMany([row]).then(
            () => undefined,
            (failure: Error) => failure,
          ),
        ),
      );
    }
  }

  /** The payload stored under `id`, with `jti` set to `id`. Inside a transaction, read in it; otherwise batched with the tick's other lookups. */
  async find(tenantId: string, kind: string, id: string): Promise<Payload | undefined> {
    const idHash = hashToken(id);
    if (this.db.inTransaction) return this.one(tenantId, kind, 'id_hash', idHash, id);
    return this.reveal(tenantId, kind, await this.byId.load({ tenantId, kind, idHash }), id);
  }

  async findByUserCode(tenantId: string, kind: string, userCode: string): Promise<Payload | undefined> {
    return this.one(
      tenantId,
      kind,
      'user_code_hash',
      this.userCodeKeys.map((key) => hashShortCode(key, userCode)),
    );
  }

  /** How many sealed members of live rows each key-encryption key id seals (expired rows are left to the sweep). */
  async countBySealingKey(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ key_id: string; count: number }>(
      `SELECT ${sealedKeyIdSql('sealed')} AS key_id, count(*)::int AS count FROM (${SEALED_VALUES}) sealed_values GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.key_id, row.count]));
  }

  /**
   * Re-seals the sealed members of up to `limit` live rows that hold one not under the sealing
   * key, and re-keys their user-code hash, which is derived from it (see `resealRows`).
   */
  resealBatch(limit: number): Promise<Resealed> {
    return resealRows(this.db, {
      select: `SELECT tenant_id, kind, id_hash, payload FROM oidc_payloads
               WHERE (tenant_id, kind, id_hash) IN (SELECT tenant_id, kind, id_hash FROM (${SEALED_VALUES}) s WHERE ${sealedKeyIdSql('sealed')} <> $1 LIMIT $2)
               FOR UPDATE SKIP LOCKED`,
      params: [this.box.currentKeyId, limit],
      reseal: (row: { tenant_id: string; kind: string; id_hash: string; payload: Payload }) => {
        const payload = this.reveal(row.tenant_id, row.kind, { ...row, consumed: null });
        if (!payload) throw new Error('a sealed member does not open');
        return [JSON.stringify(this.protect(row.tenant_id, row.kind, row.id_hash, payload)), this.userCodeHash(payload)];
      },
      update: `UPDATE oidc_payloads o SET payload = v.payload::jsonb, user_code_hash = v.user_code_hash
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(tenant_id, kind, id_hash, payload, user_code_hash)
               WHERE o.tenant_id = v.tenant_id AND o.kind = v.kind AND o.id_hash = v.id_hash`,
      columns: (row) => [row.tenant_id, row.kind, row.id_hash],
    });
  }

  /** By the `uid` member (sessions): the payload comes without `jti`, which only its cookie knows. */
  async findByUid(tenantId: string, kind: string, uid: string): Promise<Payload | undefined> {
    return this.one(tenantId, kind, 'uid', uid);
  }

  /**
   * Deletes the row stored under `id`; whether there was a live one. Inside a transaction the
   * row stays locked until it ends, so of two callers racing for one row exactly one gets true:
   * what makes a token single use.
   */
  async take(tenantId: string, kind: string, id: string): Promise<boolean> {
    return (
      (await this.db.execute(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND kind = $2 AND id_hash = $3 AND ${LIVE}`, [tenantId, kind, hashToken(id)])) > 0
    );
  }

  /** Live rows of one kind in `id_hash` order, after `afterIdHash`: for the admin API's lists of tokens it issued. */
  async listByKind(tenantId: string, kind: string, { afterIdHash, limit }: { afterIdHash?: string; limit: number }): Promise<StoredPayload[]> {
    const rows = await this.db.query<{ id_hash: string; payload: Payload; expires_at: Date | null }>(
      `SELECT id_hash, payload, expires_at FROM oidc_payloads
       WHERE tenant_id = $1 AND kind = $2 AND ${LIVE} AND ($3::text IS NULL OR id_hash > $3)
       ORDER BY id_hash LIMIT $4`,
      [tenantId, kind, afterIdHash ?? null, limit],
    );
    return rows.map((row) => ({ idHash: row.id_hash, payload: row.payload, expiresAt: row.expires_at }));
  }

  /** Deletes the live row whose id hashes to `idHash` (a listing's key); what it held, or undefined when there was none. */
  async destroyByIdHash(tenantId: string, kind: string, idHash: string): Promise<StoredPayload | undefined> {
    const [row] = await this.db.query<{ id_hash: string; payload: Payload; expires_at: Date | null }>(
      `DELETE FROM oidc_payloads WHERE tenant_id = $1 AND kind = $2 AND id_hash = $3 AND ${LIVE} RETURNING id_hash, payload, expires_at`,
      [tenantId, kind, idHash],
    );
    return row && { idHash: row.id_hash, payload: row.payload, expiresAt: row.expires_at };
  }

  /** Deletes every row of `kind` issued to one client (its registration access tokens when it goes). */
  async destroyByClient(tenantId: string, kind: string, clientId: string): Promise<number> {
    return this.db.execute(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND kind = $2 AND payload->>'clientId' = $3`, [tenantId, kind, clientId]);
  }

  async consume(tenantId: string, kind: string, id: string): Promise<void> {
    await this.db.execute(CONSUME, [tenantId, kind, hashToken(id)]);
  }

  async destroy(tenantId: string, kind: string, id: string): Promise<void> {
    await this.db.execute(DESTROY, [tenantId, kind, hashToken(id)]);
  }

  async revokeByGrantId(tenantId: string, grantId: string): Promise<void> {
    await this.db.execute(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND grant_id = $2`, [tenantId, grantId]);
  }

  /** Live sessions in `uid` order, optionally of one account. */
  async listSessions(tenantId: string, { accountId, afterUid, limit }: { accountId?: string; afterUid?: string; limit: number }): Promise<StoredSession[]> {
    const rows = await this.db.query<{ uid: string; payload: Payload; expires_at: Date | null }>(
      `SELECT uid, payload, expires_at FROM oidc_payloads
       WHERE tenant_id = $1 AND kind = 'Session' AND ${LIVE}
         AND ($2::text IS NULL OR payload->>'accountId' = $2) AND ($3::text IS NULL OR uid > $3)
       ORDER BY uid LIMIT $4`,
      [tenantId, accountId ?? null, afterUid ?? null, limit],
    );
    return rows.map((row) => ({ uid: row.uid, payload: row.payload, expiresAt: row.expires_at }));
  }

  /**
   * Deletes the session with this uid and every grant (with its tokens and codes) made in it;
   * returns the session's payload (for whom to tell, back-channel), or undefined if there was
   * none. In one transaction, the caller's when one is open.
   */
  endSession(tenantId: string, uid: string): Promise<Payload | undefined> {
    return this.db.transaction(async () => {
      const rows = await this.db.query<{ payload: Payload }>(
        `DELETE FROM oidc_payloads WHERE tenant_id = $1 AND kind = 'Session' AND uid = $2 RETURNING payload`,
        [tenantId, uid],
      );
      const grantIds = rows.flatMap((row) => grantIdsOf(row.payload));
      if (grantIds.length) {
        await this.db.execute(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND (grant_id = ANY($2) OR (kind = 'Grant' AND id_hash = ANY($3)))`, [
          tenantId,
          grantIds,
          grantIds.map((grantId) => hashToken(grantId)),
        ]);
      }
      return rows[0]?.payload;
    });
  }

  /**
   * Deletes everything one account holds in this tenant: its sessions, grants, tokens, codes and
   * pending interactions, then every row made under one of those grants. Joins the caller's
   * transaction, so it commits with the change that called for it, or not at all.
   * Returns how many rows of each kind went.
   */
  async revokeAccount(tenantId: string, accountId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const tally = (rows: Array<{ kind: string }>) => rows.forEach(({ kind }) => (counts[kind] = (counts[kind] ?? 0) + 1));
    // The account appears as `accountId` in every model that has one (Session, Grant, tokens, codes,
    // device and CIBA requests) and only inside `session` or `result.login` in an Interaction.
    const own = await this.db.query<{ kind: string; grant_id: string | null; payload: Payload }>(
      `DELETE FROM oidc_payloads WHERE tenant_id = $1 AND (
         payload->>'accountId' = $2
         OR (kind = 'Interaction' AND $2 IN (payload#>>'{session,accountId}', payload#>>'{result,login,accountId}')))
       RETURNING kind, grant_id, payload`,
      [tenantId, accountId],
    );
    tally(own);
    // Then whatever was made under those grants. oidc-provider 9 also names the account in each of
    // these rows, so this finds nothing today; it keeps a model that names only its grant from surviving.
    const grantIds = [
      ...new Set(own.flatMap((row) => [row.grant_id, ...(row.kind === 'Session' ? grantIdsOf(row.payload) : [])]).filter((id): id is string => !!id)),
    ];
    if (grantIds.length) {
      tally(
        await this.db.query<{ kind: string }>(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND grant_id = ANY($2) RETURNING kind`, [tenantId, grantIds]),
      );
    }
    return counts;
  }

  /** Deletes up to `limit` expired rows of all tenants; returns how many. */
  async deleteExpired(limit: number): Promise<number> {
    return this.db.execute(`DELETE FROM oidc_payloads WHERE ctid IN (SELECT ctid FROM oidc_payloads WHERE expires_at < now() LIMIT $1)`, [limit]);
  }
}

/** The grants a session's authorizations were made under (one per client it signed in to). */
function grantIdsOf(session: Payload): string[] {
  const authorizations = (session.authorizations ?? {}) as Record<string, { grantId?: string }>;
  return Object.values(authorizations).flatMap(({ grantId }) => (grantId ? [grantId] : []));
}
