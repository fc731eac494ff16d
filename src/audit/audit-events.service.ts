import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../common/errors/app-error.js';
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

  async list(query: ListAllAuditEventsQueryDto): Promise<Page<AuditEventDto>> {
    const before = decodeCursor(query.cursor);
    if (before !== undefined && !/^\d{1,18}$/.test(before)) throw new ValidationFailed([{ field: 'cursor', message: 'is not a cursor returned by this API' }]);
    const rows: AuditEventRow[] = await this.dataSource.query(
      `SELECT * FROM audit_events
        WHERE ($1::text IS NULL OR issuer_id = $1)
          AND ($2::text IS NULL OR resource_type = $2)
          AND ($3::text IS NULL OR resource_id = $3)
          AND ($4::text IS NULL OR action = $4)
          AND ($5::timestamptz IS NULL OR occurred_at >= $5)
          AND ($6::timestamptz IS NULL OR occurred_at < $6)
          AND ($7::bigint IS NULL OR seq < $7)
        ORDER BY seq DESC
        LIMIT $8`,
      [query.issuer_id ?? null, query.resource_type ?? null, query.resource_id ?? null, query.action ?? null, query.since ?? null, query.until ?? null, before ?? null, query.limit + 1],
    );
    return toPage(rows, query.limit, (row) => row.seq, toDto);
  }
}

function toDto({ seq: _seq, occurred_at, ...row }: AuditEventRow): AuditEventDto {
  return { ...row, occurred_at: occurred_at.toISOString() };
}
