import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';

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
}

const SELECT = `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM oidc_payloads`;
const LIVE = `(expires_at IS NULL OR expires_at > now())`;

type Row = { payload: Payload; consumed: string | null };
/** oidc-provider reads `consumed` (epoch seconds) from the payload. */
const toPayload = (rows: Row[]): Payload | undefined =>
  rows[0] && (rows[0].consumed === null ? rows[0].payload : { ...rows[0].payload, consumed: Number(rows[0].consumed) });

@Injectable()
export class SqlOidcPayloadsRepository extends OidcPayloadsRepository {
  private readonly pool: pg.Pool;

  constructor(dataSource: DataSource) {
    super();
    // TypeORM's postgres driver keeps its pg.Pool as `master` once initialised.
    this.pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
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

  async deleteExpired(limit: number): Promise<number> {
    const result = await this.query(
      `DELETE FROM oidc_payloads WHERE ctid IN (SELECT ctid FROM oidc_payloads WHERE expires_at < now() LIMIT $1)`,
      [limit],
    );
    return result.rowCount ?? 0;
  }
}
