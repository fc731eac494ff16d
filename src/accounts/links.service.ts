import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ResourceNotFound } from '../common/errors/app-error.js';
import { Database } from '../database/database.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import type { UserLink } from '../stores/connections/connection.js';
import { ConnectionsStore } from '../stores/connections/connections.store.js';
import { UserLinksStore } from '../stores/connections/user-links.store.js';
import type { LinkDto, LinkListDto } from './dto/link.dto.js';
import { UsersService } from './users.service.js';

/** A user's links to upstream identities, for admins: listed, and removed one by one (the next sign-in there links afresh, or is refused). */
@Injectable()
export class LinksService {
  constructor(
    private readonly links: UserLinksStore,
    private readonly connections: ConnectionsStore,
    private readonly users: UsersService,
    private readonly db: Database,
    private readonly audit: AuditTrail,
  ) {}

  async list(issuerId: string, userId: string): Promise<LinkListDto> {
    await this.users.get(issuerId, userId);
    const links = await this.links.listForUser(issuerId, userId);
    const names = new Map((links.length ? await this.connections.list(issuerId) : []).map((c) => [c.connectionId, c.name]));
    return { items: links.map((link) => toDto(link, names.get(link.connectionId) ?? '')) };
  }

  async remove(issuerId: string, userId: string, linkId: string, actor: Actor): Promise<void> {
    const { items } = await this.list(issuerId, userId);
    const before = isUUID(linkId) ? items.find((link) => link.link_id === linkId) : undefined;
    if (!before) throw new ResourceNotFound('link', linkId);
    await this.db.transaction(async () => {
      if (!(await this.links.remove(issuerId, userId, linkId))) throw new ResourceNotFound('link', linkId);
      await this.audit.record(actor, { action: 'user.link_removed', issuerId, resourceType: 'user', resourceId: userId, before });
    });
  }
}

function toDto(link: UserLink, connectionName: string): LinkDto {
  return {
    link_id: link.linkId,
    connection_id: link.connectionId,
    connection_name: connectionName,
    subject: link.subject,
    email: link.email,
    created_at: link.createdAt.toISOString(),
    last_sign_in_at: link.lastSignInAt?.toISOString() ?? null,
  };
}
