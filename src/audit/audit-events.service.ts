import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import type { AuditEventDto } from './dto/audit-event.dto.js';
import type { ListAllAuditEventsQueryDto } from './dto/list-audit-events-query.dto.js';

interface AuditEventRow {
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

/** Reads the audit log, newest first, a page at a time (keyset on the insertion sequence). */
@Injectable()
export class AuditEventsService {
  constructor(private readonly dataSource: DataSource) {}

  /** `notBefore`: the tenant route's lower bound, the tenant's creation, so a re-created issuer_id never shows its predecessor's events. */
  async list(query: ListAllAuditEventsQueryDto, notBefore?: Date): Promise<Page<AuditEventDto>> {
    const before = decodeCursor(query.cursor, (seq) => /^\d{1,18}$/.test(seq));
    const rows: AuditEventRow[] = await this.dataSource.query(
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
      [query.issuer_id ?? null, query.resource_type ?? null, query.resource_id ?? null, query.action ?? null, instant(query.since), instant(query.until), before ?? null, notBefore ?? null, query.limit + 1],
    );
    return toPage(rows, query.limit, (row) => row.seq, toDto);
  }
}

/** An RFC 3339 date-time (validated) as PostgreSQL reads it without doubt. */
const instant = (value: string | undefined) => (value === undefined ? null : new Date(value).toISOString());

function toDto({ seq: _seq, occurred_at, ...row }: AuditEventRow): AuditEventDto {
  return { ...row, occurred_at: occurred_at.toISOString() };
}
