import { Injectable } from '@nestjs/common';
import { ResourceNotFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import { Database } from '../database/database.js';
import { InitialAccessTokens, type InitialAccessTokenInfo } from '../oidc/registration/initial-access-tokens.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import type {
  CreateInitialAccessTokenDto,
  InitialAccessTokenDto,
  InitialAccessTokenWithValueDto,
  ListInitialAccessTokensQueryDto,
} from './dto/initial-access-token.dto.js';

/** What an id of this list looks like (a SHA-256 in hex): anything else names no token. */
const TOKEN_ID = /^[0-9a-f]{64}$/;

/**
 * The admin side of initial access tokens: what the issuer's registration endpoint accepts
 * from a tenant whose `registration` is `initial_access_token`. Each issue and revocation is
 * written to the audit log in its own transaction.
 */
@Injectable()
export class InitialAccessTokensService {
  constructor(
    private readonly tokens: InitialAccessTokens,
    private readonly tenants: TenantsService,
    private readonly db: Database,
    private readonly audit: AuditTrail,
  ) {}

  async create(issuerId: string, dto: CreateInitialAccessTokenDto, actor: Actor): Promise<InitialAccessTokenWithValueDto> {
    return this.db.transaction(async () => {
      const issued = await this.tokens.issue(issuerId, { expiresIn: dto.expires_in, singleUse: dto.single_use ?? false });
      if (!issued) throw new ResourceNotFound('tenant', issuerId);
      const after = toDto(issued);
      await this.audit.record(actor, { action: 'initial_access_token.created', issuerId, resourceType: 'initial_access_token', resourceId: issued.id, after });
      return { ...after, initial_access_token: issued.value };
    });
  }

  async list(issuerId: string, query: ListInitialAccessTokensQueryDto): Promise<Page<InitialAccessTokenDto>> {
    await this.tenants.find(issuerId);
    const rows = await this.tokens.list(issuerId, { afterId: decodeCursor(query.cursor, (key) => TOKEN_ID.test(key)), limit: query.limit + 1 });
    return toPage(rows, query.limit, (token) => token.id, toDto);
  }

  /** The token stops working at once. */
  async revoke(issuerId: string, id: string, actor: Actor): Promise<void> {
    await this.tenants.find(issuerId);
    await this.db.transaction(async () => {
      const revoked = TOKEN_ID.test(id) ? await this.tokens.revoke(issuerId, id) : undefined;
      if (!revoked) throw new ResourceNotFound('initial access token', id);
      await this.audit.record(actor, {
        action: 'initial_access_token.revoked',
        issuerId,
        resourceType: 'initial_access_token',
        resourceId: id,
        before: toDto(revoked),
      });
    });
  }
}

const toDto = (token: InitialAccessTokenInfo): InitialAccessTokenDto => ({
  id: token.id,
  single_use: token.singleUse,
  created_at: token.createdAt.toISOString(),
  expires_at: token.expiresAt?.toISOString() ?? null,
});
