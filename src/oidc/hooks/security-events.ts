import type { Logger } from '@nestjs/common';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { AuditTrail } from '../../stores/audit-events/audit-trail.store.js';
import { loggableError } from '../../database/database-errors.js';

/**
 * Public-side security events for the audit log. A refresh token presented again after it was
 * rotated means it leaked (or the client double-spent it): oidc-provider revokes the whole
 * grant; the log says which grant, which client and from where.
 */
export function auditSecurityEvents(provider: Provider, issuerId: string, audit: AuditTrail, logger: Logger): void {
  provider.on('grant.error', (ctx: KoaContextWithOIDC) => {
    const token = ctx.oidc?.entities.RefreshToken;
    if (!token?.consumed) return;
    const actor = {
      type: 'client' as const,
      id: ctx.oidc.client?.clientId ?? String(token.clientId),
      name: null,
      requestId: String((ctx.req as { id?: unknown }).id),
      ip: ctx.ip,
    };
    audit
      .record(actor, {
        action: 'refresh_token.reused',
        issuerId,
        resourceType: 'grant',
        resourceId: String(token.grantId),
        after: { user_id: token.accountId, grant_revoked: true },
      })
      .catch((error: unknown) => logger.error({ err: loggableError(error), issuer_id: issuerId }, 'audit event not written'));
  });
}
