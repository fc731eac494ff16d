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
import { BackchannelLogout, type EndedSession } from '../oidc/backchannel-logout.js';

/** End-user sessions of an issuer, as oidc-provider stores them. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly payloads: OidcPayloadsStore,
    private readonly tenants: TenantsService,
    private readonly audit: AuditTrail,
    private readonly db: Database,
    private readonly backchannel: BackchannelLogout,
  ) {}

  async list(issuerId: string, query: ListSessionsQueryDto): Promise<Page<SessionDto>> {
    await this.tenants.find(issuerId);
    const rows = await this.payloads.listSessions(issuerId, { accountId: query.user_id, afterUid: decodeCursor(query.cursor), limit: query.limit + 1 });
    return toPage(rows, query.limit, (row) => row.uid, toDto);
  }

  /**
   * Ends the session and revokes every grant made in it, with their tokens. Providers hold
   * no session state in memory, so nothing else in Portcullis needs telling; the session's
   * clients that registered a backchannel_logout_uri are sent a logout token once this is
   * committed (a client that cannot be reached is logged, the session stays ended), as
   * oidc-provider's end_session does. Answers after the deliveries, each bounded at 2.5 s.
   */
  async end(issuerId: string, sessionId: string, actor: Actor): Promise<void> {
    await this.tenants.find(issuerId);
    const ended = await this.db.transaction(async () => {
      const session = await this.payloads.endSession(issuerId, sessionId);
      if (!session) throw new ResourceNotFound('session', sessionId);
      await this.audit.record(actor, { action: 'session.ended', issuerId, resourceType: 'session', resourceId: sessionId });
      return session;
    });
    await this.backchannel.sessionEnded(issuerId, endedSession(ended));
  }
}

/** Who was signed in, and each client's `sid`, from a session payload as oidc-provider stored it. */
function endedSession(payload: Record<string, unknown>): EndedSession {
  const authorizations = (payload.authorizations ?? {}) as Record<string, { sid?: unknown }>;
  return {
    accountId: textOf(payload.accountId),
    authorizations: Object.fromEntries(
      Object.entries(authorizations).map(([clientId, { sid }]) => [clientId, { sid: typeof sid === 'string' ? sid : undefined }]),
    ),
  };
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
