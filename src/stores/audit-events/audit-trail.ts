import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from './actor.js';

/** What can run a statement: a TypeORM EntityManager or DataSource, or a pg client in a transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface AuditEntry {
  /** `{resource}.{verb}`, e.g. `client.updated`, `login.failed`. */
  action: string;
  issuerId: string | null;
  resourceType: string;
  resourceId: string;
  before?: object | null;
  after?: object | null;
}

/** Members never written to the log, however deep: credentials and key material. */
const SECRET = /secret|password|hash|private|^key$/i;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET.test(key)).map(([key, member]) => [key, withoutSecrets(member)]));
  }
  return value;
}

const json = (value: object | null | undefined) => (value ? JSON.stringify(withoutSecrets(value)) : null);

/**
 * Writes audit events. A change's event goes through the change's own transaction (`record`
 * with its manager or client), so the log holds an event exactly when the change committed.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  async record(db: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
    await db.query(
      `INSERT INTO audit_events (id, issuer_id, actor_type, actor_id, actor_name, action, resource_type, resource_id, before, after, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`,
      [randomUUID(), entry.issuerId, actor.type, actor.id, actor.name, entry.action, entry.resourceType, entry.resourceId, json(entry.before), json(entry.after), actor.requestId ?? null, actor.ip ?? null],
    );
  }

  /** An event that changes nothing else (a failed sign-in, a reused refresh token): written on its own. */
  note(actor: Actor, entry: AuditEntry): Promise<void> {
    return this.record(this.dataSource, actor, entry);
  }
}
