import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Database } from '../../database/database.js';
import type { Actor } from './actor.js';

export interface AuditEntry {
  /** `{resource}.{verb}`, e.g. `client.updated`, `login.failed`. */
  action: string;
  issuerId: string | null;
  resourceType: string;
  resourceId: string;
  before?: object | null;
  after?: object | null;
}

/** A row of `audit_events` as stored, snake_case, for the admin API to present. */
export interface AuditEventRow {
  seq: string;
  id: string;
  occurred_at: Date;
  issuer_id: string | null;
  actor_type: string;
  actor_id: string;
  actor_name: string | null;
  action: string;
  resource_type: string;
  resource_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
  ip: string | null;
}

export interface AuditEventFilter {
  issuerId?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  /** RFC 3339 bounds: `since` inclusive, `until` exclusive. */
  since?: string;
  until?: string;
  /** Exclusive upper bound on `seq`: the key of the previous page's last row. */
  beforeSeq?: string;
  /** Events before it are not shown: a re-created issuer_id never shows its predecessor's events. */
  notBefore?: Date;
  limit: number;
}

/** Members never written to the log, however deep: credentials and key material. */
const SECRET = /secret|password|hash|private|^key$/i;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET.test(key))
        .map(([key, member]) => [key, withoutSecrets(member)]),
    );
  }
  return value;
}

const json = (value: object | null | undefined) => (value ? JSON.stringify(withoutSecrets(value)) : null);

/** An RFC 3339 date-time (validated) as PostgreSQL reads it without doubt. */
const instant = (value: string | undefined) => (value === undefined ? null : new Date(value).toISOString());

/**
 * The only code that reads or writes `audit_events`. A change's event is written in the
 * change's own transaction (the caller's, which `record` joins), so the log holds an event
 * exactly when the change committed; outside a transaction it is written on its own.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly db: Database) {}

  async record(actor: Actor, entry: AuditEntry): Promise<void> {
    await this.db.execute(
      `INSERT INTO audit_events (id, issuer_id, actor_type, actor_id, actor_name, action, resource_type, resource_id, before, after, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`,
      [
        randomUUID(),
        entry.issuerId,
        actor.type,
        actor.id,
        actor.name,
        entry.action,
        entry.resourceType,
        entry.resourceId,
        json(entry.before),
        json(entry.after),
        actor.requestId ?? null,
        actor.ip ?? null,
      ],
    );
  }

  /**
   * The resource of the newest `action` at `issuerId` done by the system task `task`, or null:
   * what a task did once is remembered with the data it did it to, not in a process's files.
   */
  async lastResourceBy(task: string, action: string, issuerId: string): Promise<string | null> {
    const [row] = await this.db.query<{ resource_id: string }>(
      `SELECT resource_id FROM audit_events
        WHERE issuer_id = $1 AND action = $2 AND actor_type = 'system' AND actor_id = $3
        ORDER BY seq DESC
        LIMIT 1`,
      [issuerId, action, task],
    );
    return row?.resource_id ?? null;
  }

  /** Newest first (keyset on the insertion sequence); `limit` rows at most. */
  list(filter: AuditEventFilter): Promise<AuditEventRow[]> {
    return this.db.query<AuditEventRow>(
      `SELECT * FROM audit_events
        WHERE ($1::text IS NULL OR issuer_id = $1)
          AND ($2::text IS NULL OR resource_type = $2)
          AND ($3::text IS NULL OR resource_id = $3)
          AND ($4::text IS NULL OR action = $4)
          AND ($5::timestamptz IS NULL OR occurred_at >= $5)
          AND ($6::timestamptz IS NULL OR occurred_at < $6)
          AND ($7::bigint IS NULL OR seq < $7)
          AND ($8::timestamptz IS NULL OR occurred_at >= $8)
        ORDER BY seq DESC
        LIMIT $9`,
      [
        filter.issuerId ?? null,
        filter.resourceType ?? null,
        filter.resourceId ?? null,
        filter.action ?? null,
        instant(filter.since),
        instant(filter.until),
        filter.beforeSeq ?? null,
        filter.notBefore ?? null,
        filter.limit,
      ],
    );
  }
}
