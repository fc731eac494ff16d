import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { ResourceNotFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { OidcPayloadsStore, type StoredSession } from '../stores/oidc-payloads/oidc-payloads.store.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import type { ListSessionsQueryDto, SessionDto } from './dto/session.dto.js';
import { textOf } from '../common/validation/text.js';

/** End-user sessions of an issuer, as oidc-provider stores them. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly payloads: OidcPayloadsStore,
    private readonly tenants: TenantsService,
    private readonly audit: AuditTrail,
    private readonly db: Database,
  ) {}

  async list(issuerId: string, query: ListSessionsQueryDto): Promise<Page<SessionDto>> {
    await this.tenants.find(issuerId);
    const rows = await this.payloads.listSessions(issuerId, { accountId: query.user_id, afterUid: decodeCursor(query.cursor), limit: query.limit + 1 });
    return toPage(rows, query.limit, (row) => row.uid, toDto);
  }

  /**
   * Ends the session and revokes every grant made in it, with their tokens. Providers hold
   * no session state in memory, so nothing else needs telling.
   */
  async end(issuerId: string, sessionId: string, actor: Actor): Promise<void> {
    await this.tenants.find(issuerId);
    await this.db.transaction(async () => {
      if (!(await this.payloads.endSession(issuerId, sessionId))) throw new ResourceNotFound('session', sessionId);
      await this.audit.record(actor, { action: 'session.ended', issuerId, resourceType: 'session', resourceId: sessionId });
    });
  }
}

function toDto({ uid, payload, expiresAt }: StoredSession): SessionDto {
  return {
    session_id: uid,
    user_id: textOf(payload.accountId),
    client_ids: Object.keys(payload.authorizations ?? {}),
    signed_in_at: new Date(Number(payload.loginTs ?? 0) * 1000).toISOString(),
    expires_at: expiresAt ? new Date(expiresAt).toISOString() : null,
  };
}
