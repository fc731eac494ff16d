import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Queryable } from '../audit/audit-trail.js';
import { PG_POOL } from '../database/database.module.js';

export type Payload = Record<string, unknown>;

/**
 * The only code that reads or writes `oidc_payloads`. Plain SQL on the DataSource's own `pg`
 * pool: these statements run on every token request, and TypeORM's per-query machinery
 * (a query runner per call) cost more CPU than the query itself. Every statement names its
 * tenant; expired rows read as absent even before the sweep removes them.
 */
export abstract class OidcPayloadsRepository {
  abstract upsert(tenantId: string, kind: string, id: string, payload: Payload, expiresInSeconds?: number): Promise<void>;
  abstract find(tenantId: string, kind: string, id: string): Promise<Payload | undefined>;
  abstract findByUserCode(tenantId: string, kind: string, userCode: string): Promise<Payload | undefined>;
  abstract findByUid(tenantId: string, kind: string, uid: string): Promise<Payload | undefined>;
  abstract consume(tenantId: string, kind: string, id: string): Promise<void>;
  abstract destroy(tenantId: string, kind: string, id: string): Promise<void>;
  abstract revokeByGrantId(tenantId: string, grantId: string): Promise<void>;
  /** Deletes up to `limit` expired rows of all tenants; returns how many. */
  abstract deleteExpired(limit: number): Promise<number>;
  /** Live sessions in `uid` order, optionally of one account. */
  abstract listSessions(tenantId: string, filter: { accountId?: string; afterUid?: string; limit: number }): Promise<StoredSession[]>;
  /** Deletes the session with this uid and every grant (with its tokens and codes) made in it; false if there was none. */
  /** `alsoDo` runs in the same transaction once the session is found (the audit record). */
  abstract endSession(tenantId: string, uid: string, alsoDo?: (db: pg.PoolClient) => Promise<void>): Promise<boolean>;
  /**
   * Deletes everything one account holds in this tenant: its sessions, grants, tokens, codes and
   * pending interactions, then every row made under one of those grants. Runs on `db`, so the
   * caller's transaction commits it with the change that called for it, or not at all.
   * Returns how many rows of each kind went.
   */
  abstract revokeAccount(tenantId: string, accountId: string, db: Queryable): Promise<Record<string, number>>;
}

export interface StoredSession {
  uid: string;
  payload: Payload;
  expiresAt: Date | null;
}

const SELECT = `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads`;
const LIVE = `(expires_at IS NULL OR expires_at > now())`;

type Row = { payload: Payload; consumed: string | null };
/** oidc-provider reads `consumed` (epoch seconds) from the payload. */
const toPayload = (rows: Row[]): Payload | undefined =>
  rows[0] && (rows[0].consumed === null ? rows[0].payload : { ...rows[0].payload, consumed: Number(rows[0].consumed) });

@Injectable()
export class SqlOidcPayloadsRepository extends OidcPayloadsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {
    super();
  }

  private query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    return this.pool.query(sql, params);
  }

  private async one(sql: string, params: unknown[]): Promise<Payload | undefined> {
    return toPayload((await this.pool.query<Row>(sql, params)).rows);
  }

  async upsert(tenantId: string, kind: string, id: string, payload: Payload, expiresInSeconds?: number): Promise<void> {
    await this.query(
      `INSERT INTO oidc_payloads (tenant_id, kind, id, payload, grant_id, user_code, uid, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::int IS NULL THEN NULL ELSE now() + make_interval(secs => $8::int) END)
       ON CONFLICT (tenant_id, kind, id) DO UPDATE SET
         payload = excluded.payload, grant_id = excluded.grant_id, user_code = excluded.user_code,
         uid = excluded.uid, expires_at = excluded.expires_at`,
      [tenantId, kind, id, payload, payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresInSeconds ?? null],
    );
  }

  async find(tenantId: string, kind: string, id: string): Promise<Payload | undefined> {
    return this.one(`${SELECT} WHERE tenant_id = $1 AND kind = $2 AND id = $3 AND ${LIVE}`, [tenantId, kind, id]);
  }

  async findByUserCode(tenantId: string, kind: string, userCode: string): Promise<Payload | undefined> {
    return this.one(`${SELECT} WHERE tenant_id = $1 AND kind = $2 AND user_code = $3 AND ${LIVE}`, [tenantId, kind, userCode]);
  }

  async findByUid(tenantId: string, kind: string, uid: string): Promise<Payload | undefined> {
    return this.one(`${SELECT} WHERE tenant_id = $1 AND kind = $2 AND uid = $3 AND ${LIVE}`, [tenantId, kind, uid]);
  }

  async consume(tenantId: string, kind: string, id: string): Promise<void> {
    await this.query(`UPDATE oidc_payloads SET consumed_at = now() WHERE tenant_id = $1 AND kind = $2 AND id = $3`, [tenantId, kind, id]);
  }

  async destroy(tenantId: string, kind: string, id: string): Promise<void> {
    await this.query(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND kind = $2 AND id = $3`, [tenantId, kind, id]);
  }

  async revokeByGrantId(tenantId: string, grantId: string): Promise<void> {
    await this.query(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND grant_id = $2`, [tenantId, grantId]);
  }

  async listSessions(tenantId: string, { accountId, afterUid, limit }: { accountId?: string; afterUid?: string; limit: number }): Promise<StoredSession[]> {
    const { rows } = await this.pool.query<{ uid: string; payload: Payload; expires_at: Date | null }>(
      `SELECT uid, payload, expires_at FROM oidc_payloads
       WHERE tenant_id = $1 AND kind = 'Session' AND ${LIVE}
         AND ($2::text IS NULL OR payload->>'accountId' = $2) AND ($3::text IS NULL OR uid > $3)
       ORDER BY uid LIMIT $4`,
      [tenantId, accountId ?? null, afterUid ?? null, limit],
    );
    return rows.map((row) => ({ uid: row.uid, payload: row.payload, expiresAt: row.expires_at }));
  }

  async endSession(tenantId: string, uid: string, alsoDo?: (db: pg.PoolClient) => Promise<void>): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ payload: Payload }>(
        `DELETE FROM oidc_payloads WHERE tenant_id = $1 AND kind = 'Session' AND uid = $2 RETURNING payload`,
        [tenantId, uid],
      );
      const grantIds = rows.flatMap((row) => Object.values((row.payload.authorizations ?? {}) as Record<string, { grantId?: string }>).map((a) => a.grantId)).filter(Boolean);
      if (grantIds.length) {
        await client.query(`DELETE FROM oidc_payloads WHERE tenant_id = $1 AND (grant_id = ANY($2) OR (kind = 'Grant' AND id = ANY($2)))`, [tenantId, grantIds]);
      }
      if (rows.length > 0) await alsoDo?.(client);
      await client.query('COMMIT');
      return rows.length > 0;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async revokeAccount(tenantId: string, accountId: string, db: Queryable): Promise<Record<string, number>> {
    // The rows of a SELECT run through a TypeORM manager (an array) or a pg client (a result).
    const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as pg.QueryResult).rows) as T[];
    const counts: Record<string, number> = {};
    const tally = (rows: Array<{ kind: string }>) => rows.forEach(({ kind }) => (counts[kind] = (counts[kind] ?? 0) + 1));
    // Each DELETE sits in a CTE under a SELECT, so a TypeORM manager and a pg client both return its rows.
    // The account appears as `accountId` in every model that has one (Session, Grant, tokens, codes,
    // device and CIBA requests) and only inside `session` or `result.login` in an Interaction.
    const own = rowsOf<{ kind: string; grant_id: string | null; grant_ids: string[] | null }>(
      await db.query(
        `WITH gone AS (
           DELETE FROM oidc_payloads WHERE tenant_id = $1 AND (
             payload->>'accountId' = $2
             OR (kind = 'Interaction' AND $2 IN (payload#>>'{session,accountId}', payload#>>'{result,login,accountId}')))
           RETURNING kind, grant_id, payload
         )
         SELECT kind, grant_id, CASE WHEN kind = 'Session' THEN
                  ARRAY(SELECT jsonb_path_query(payload, '$.authorizations.*.grantId') #>> '{}') END AS grant_ids
         FROM gone`,
        [tenantId, accountId],
      ),
    );
    tally(own);
    // Then whatever was made under those grants. oidc-provider 9 also names the account in each of
    // these rows, so this finds nothing today; it keeps a model that names only its grant from surviving.
    const grantIds = [...new Set(own.flatMap((row) => [row.grant_id, ...(row.grant_ids ?? [])]).filter((id): id is string => !!id))];
    if (grantIds.length) {
      tally(rowsOf(await db.query(`WITH gone AS (DELETE FROM oidc_payloads WHERE tenant_id = $1 AND grant_id = ANY($2) RETURNING kind) SELECT kind FROM gone`, [tenantId, grantIds])));
    }
    return counts;
  }

  async deleteExpired(limit: number): Promise<number> {
    const result = await this.query(
      `DELETE FROM oidc_payloads WHERE ctid IN (SELECT ctid FROM oidc_payloads WHERE expires_at < now() LIMIT $1)`,
      [limit],
    );
    return result.rowCount ?? 0;
  }
}
