import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ResourceConflict, ResourceNotFound, ValidationFailed, assertFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '../common/http/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { classifyDatabaseError, databaseErrorKind } from '../database/database-errors.js';
import { ProviderCheckService } from '../provider-check/provider-check.service.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { CONNECTION_NAME, DEFAULT_CLAIM_MAPPING, type Connection } from '../stores/connections/connection.js';
import { ConnectionsStore, type ConnectionChanges } from '../stores/connections/connections.store.js';
import { UserLinksStore } from '../stores/connections/user-links.store.js';
import { OidcPayloadsStore } from '../stores/oidc-payloads/oidc-payloads.store.js';
import { UsersStore } from '../stores/users/users.store.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { DEFAULT_SCOPES } from './dto/connection-fields.js';
import type { ConnectionDto, CreateConnectionDto, UpdateConnectionDto } from './dto/connection.dto.js';

/**
 * A tenant's connections to upstream OpenID Providers, for admins. An issuer is discovered
 * (under the provider check's address policy) whenever it is given, so a connection stored is
 * one whose upstream answered as an OpenID Provider of exactly that issuer. The client secret
 * goes in and never comes out.
 */
@Injectable()
export class ConnectionsService {
  constructor(
    private readonly connections: ConnectionsStore,
    private readonly links: UserLinksStore,
    private readonly payloads: OidcPayloadsStore,
    private readonly users: UsersStore,
    private readonly tenants: TenantsService,
    private readonly providers: ProviderCheckService,
    private readonly audit: AuditTrail,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(issuerId: string, dto: CreateConnectionDto, actor: Actor): Promise<ConnectionDto> {
    await this.tenants.find(issuerId);
    const emailDomains = dto.email_domains ?? [];
    const exclusive = dto.exclusive ?? false;
    assertExclusiveHasDomains(exclusive, emailDomains);
    await this.assertIsIssuer(dto.issuer);
    const connectionId = randomUUID();
    const created = await this.writing(issuerId, emailDomains, undefined, () =>
      this.db.transaction(async () => {
        if (await this.connections.findByName(issuerId, dto.name)) throw nameTaken(dto.name);
        await this.assertDomainsFree(issuerId, emailDomains);
        const connection = await this.connections.insert({
          tenantId: issuerId,
          connectionId,
          name: dto.name,
          displayName: dto.display_name,
          issuer: dto.issuer,
          clientId: dto.client_id,
          clientSecret: dto.client_secret,
          scopes: dto.scopes ?? DEFAULT_SCOPES,
          claimMapping: dto.claim_mapping ?? { ...DEFAULT_CLAIM_MAPPING },
          acrMapping: dto.acr_mapping ?? {},
          emailDomains,
          exclusive,
        });
        await this.audit.record(actor, {
          action: 'connection.created',
          issuerId,
          resourceType: 'connection',
          resourceId: connectionId,
          after: this.toDto(issuerId, connection),
        });
        return connection;
      }),
    );
    return this.toDto(issuerId, created);
  }

  async list(issuerId: string, query: PageQueryDto): Promise<Page<ConnectionDto>> {
    await this.tenants.find(issuerId);
    const after = decodeCursor(query.cursor, (name) => CONNECTION_NAME.test(name));
    const rows = await this.connections.list(issuerId, { after, limit: query.limit + 1 });
    return toPage(
      rows,
      query.limit,
      (connection) => connection.name,
      (connection) => this.toDto(issuerId, connection),
    );
  }

  async get(issuerId: string, connectionId: string): Promise<ConnectionDto> {
    return this.toDto(issuerId, await this.find(issuerId, connectionId));
  }

  /** Partial update: members given replace the stored ones; a new issuer is discovered first, a new secret sealed. */
  async update(issuerId: string, connectionId: string, dto: UpdateConnectionDto, actor: Actor): Promise<ConnectionDto> {
    const current = await this.find(issuerId, connectionId);
    const changes: ConnectionChanges = {
      displayName: dto.display_name,
      issuer: dto.issuer,
      clientId: dto.client_id,
      clientSecret: dto.client_secret,
      scopes: dto.scopes,
      claimMapping: dto.claim_mapping,
      acrMapping: dto.acr_mapping,
      emailDomains: dto.email_domains,
      exclusive: dto.exclusive,
    };
    assertExclusiveHasDomains(changes.exclusive ?? current.exclusive, changes.emailDomains ?? current.emailDomains);
    if (changes.issuer !== undefined && changes.issuer !== current.issuer) await this.assertIsIssuer(changes.issuer);
    const updated = await this.writing(issuerId, changes.emailDomains ?? [], connectionId, () =>
      this.db.transaction(async () => {
        if (changes.emailDomains) await this.assertDomainsFree(issuerId, changes.emailDomains, connectionId);
        const after = assertFound(await this.connections.update(issuerId, connectionId, changes), 'connection', connectionId);
        // Another upstream: the links name its predecessor's subjects, which at the new one could be anyone.
        if (after.issuer !== current.issuer)
          await this.signOut(issuerId, await this.links.removeAll(issuerId, connectionId), actor, 'connection_issuer_changed');
        await this.audit.record(actor, {
          action: 'connection.updated',
          issuerId,
          resourceType: 'connection',
          resourceId: connectionId,
          before: this.toDto(issuerId, current),
          // Whether the secret changed, never the secret (the audit log drops members named *secret* anyway).
          after: { ...this.toDto(issuerId, after), ...(dto.client_secret === undefined ? {} : { credentials_replaced: true }) },
        });
        return after;
      }),
    );
    return this.toDto(issuerId, updated);
  }

  /**
   * Deletes the connection with its domains and links, and signs out every user who was linked
   * through it (their sessions and grants end, as when a password changes), in one transaction.
   */
  async remove(issuerId: string, connectionId: string, actor: Actor): Promise<void> {
    const before = this.toDto(issuerId, await this.find(issuerId, connectionId));
    await this.db.transaction(async () => {
      const linked = await this.links.userIdsOf(issuerId, connectionId);
      if (!(await this.connections.delete(issuerId, connectionId))) throw new ResourceNotFound('connection', connectionId);
      await this.signOut(issuerId, linked, actor, 'connection_deleted');
      await this.audit.record(actor, { action: 'connection.deleted', issuerId, resourceType: 'connection', resourceId: connectionId, before });
    });
  }

  /**
   * Signs the users out everywhere, in the caller's transaction: their sessions, grants and tokens
   * end, and their credentials epoch moves, so a sign-in finishing meanwhile is not honoured either.
   */
  private async signOut(issuerId: string, userIds: string[], actor: Actor, reason: 'connection_deleted' | 'connection_issuer_changed'): Promise<void> {
    await this.users.expireSignIns(issuerId, userIds);
    for (const userId of userIds) {
      const revoked = await this.payloads.revokeAccount(issuerId, userId);
      if (Object.keys(revoked).length === 0) continue;
      await this.audit.record(actor, { action: 'user.signed_out', issuerId, resourceType: 'user', resourceId: userId, after: { reason, revoked } });
    }
  }

  /** The connection, or ResourceNotFound (for an unknown tenant first). */
  async find(issuerId: string, connectionId: string): Promise<Connection> {
    await this.tenants.find(issuerId);
    // Not a UUID: it cannot exist (and PostgreSQL would refuse the comparison).
    if (!isUUID(connectionId)) throw new ResourceNotFound('connection', connectionId);
    return assertFound(await this.connections.find(issuerId, connectionId), 'connection', connectionId);
  }

  /**
   * The upstream must answer discovery as exactly this issuer, with no error finding: a
   * connection whose metadata, endpoints or keys are broken could only fail each sign-in.
   */
  private async assertIsIssuer(issuer: string): Promise<void> {
    const found = await this.providers.discover(issuer);
    const problems = found.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message);
    if (found.discovery && found.discovery.issuer !== issuer) problems.push(`The metadata names the issuer ${found.discovery.issuer}, not ${issuer}.`);
    if (found.status === 'ok' && problems.length === 0) return;
    throw new ValidationFailed([{ field: 'issuer', message: `is not a usable OpenID Provider: ${problems.join(' ')}` }]);
  }

  private async assertDomainsFree(issuerId: string, domains: string[], except?: string): Promise<void> {
    if (domains.length === 0) return;
    const [served] = await this.connections.domainsServed(issuerId, domains, except);
    if (served) throw domainTaken(served);
  }

  /** Runs a write; a name or domain taken meanwhile by a concurrent write (the database's unique violation) is a 409 naming it. */
  private async writing<T>(issuerId: string, domains: string[], except: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (databaseErrorKind(error) !== 'unique_violation') throw error;
      const { constraint } = classifyDatabaseError(error);
      if (constraint === 'connection_domains_pkey') {
        const [served] = await this.connections.domainsServed(issuerId, domains, except);
        throw served ? domainTaken(served) : new ResourceConflict('an email domain is served by another connection of this tenant');
      }
      throw new ResourceConflict('a connection of this tenant has this name');
    }
  }

  toDto(issuerId: string, connection: Connection): ConnectionDto {
    return {
      connection_id: connection.connectionId,
      name: connection.name,
      display_name: connection.displayName,
      issuer: connection.issuer,
      client_id: connection.clientId,
      scopes: connection.scopes,
      claim_mapping: connection.claimMapping,
      acr_mapping: connection.acrMapping,
      email_domains: connection.emailDomains,
      exclusive: connection.exclusive,
      redirect_uri: `${this.config.publicUrl}/${issuerId}/federation/${connection.name}/callback`,
      created_at: connection.createdAt.toISOString(),
      updated_at: connection.updatedAt.toISOString(),
    };
  }
}

function assertExclusiveHasDomains(exclusive: boolean, domains: string[]): void {
  if (exclusive && domains.length === 0)
    throw new ValidationFailed([{ field: 'exclusive', message: 'exclusive needs at least one email domain (email_domains)' }]);
}

const nameTaken = (name: string) => new ResourceConflict(`a connection named '${name}' exists in this tenant`);
const domainTaken = ({ domain, name }: { domain: string; name: string }) =>
  new ResourceConflict(`email domain '${domain}' is served by connection '${name}' of this tenant`);
