import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditEventRow } from '../stores/audit-events/audit-trail.store.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import type { AuditEventDto } from './dto/audit-event.dto.js';
import type { ListAllAuditEventsQueryDto } from './dto/list-audit-events-query.dto.js';

/** Reads the audit log, newest first, a page at a time (keyset on the insertion sequence). */
@Injectable()
export class AuditEventsService {
  constructor(private readonly trail: AuditTrail) {}

  /** `notBefore`: the tenant route's lower bound, the tenant's creation, so a re-created issuer_id never shows its predecessor's events. */
  async list(query: ListAllAuditEventsQueryDto, notBefore?: Date): Promise<Page<AuditEventDto>> {
    const before = decodeCursor(query.cursor, (seq) => /^\d{1,18}$/.test(seq));
    const rows = await this.trail.list({
      issuerId: query.issuer_id,
      resourceType: query.resource_type,
      resourceId: query.resource_id,
      action: query.action,
      since: query.since,
      until: query.until,
      beforeSeq: before,
      notBefore,
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => row.seq, toDto);
  }
}

function toDto({ seq: _seq, occurred_at, ...row }: AuditEventRow): AuditEventDto {
  return { ...row, occurred_at: occurred_at.toISOString() };
}
