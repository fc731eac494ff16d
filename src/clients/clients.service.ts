import { Injectable } from '@nestjs/common';
import type { Actor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { AppError, ResourceNotFound, ValidationFailed, assertFound } from '../common/errors/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/http/pagination.js';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { ClientMetadataValidator, type ClientRules } from '../oidc/client-metadata.validator.js';
import { newClientId, newClientSecret } from '../oidc/client-credentials.js';
import { ClientUriPolicy } from '../oidc/client-uri-policy.js';
import type { Client, ClientMetadata } from '../stores/clients/client.js';
import { ClientsStore } from '../stores/clients/clients.store.js';
import { OidcPayloadsStore } from '../stores/oidc-payloads/oidc-payloads.store.js';
import type { ClientMetadataDto } from './dto/client-metadata.dto.js';
import type { ClientDto, ClientWithSecretDto } from './dto/client.dto.js';
import type { ListClientsQueryDto } from './dto/list-clients-query.dto.js';

/** RFC 7591 §2 defaults, made explicit so what is stored is what is in force. */
function withDefaults(metadata: ClientMetadata): ClientMetadata {
  const grantTypes = (metadata.grant_types as string[] | undefined) ?? ['authorization_code'];
  const machineOnly = grantTypes.every((grant) => grant === 'client_credentials');
  return {
    grant_types: grantTypes,
    response_types: machineOnly ? [] : ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    ...metadata,
  };
}

/** Drops `undefined` (absent) and `null` (removed in an update) members. */
const compact = (metadata: ClientMetadata) => Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined && value !== null));

@Injectable()
export class ClientsService {
  constructor(
    private readonly clients: ClientsStore,
    private readonly tenants: TenantsService,
    private readonly changes: TenantChanges,
    private readonly validator: ClientMetadataValidator,
    private readonly uris: ClientUriPolicy,
    private readonly audit: AuditTrail,
    private readonly payloads: OidcPayloadsStore,
  ) {}

  /** The issuer's client rules, for callers that register many clients at once. */
  rulesOf(issuerId: string): Promise<ClientRules> {
    return this.validator.rulesOf(issuerId);
  }

  /**
   * Registers a client. `clientId` is given only when a client moves in from an export, and
   * `rules` when the caller has the issuer's rules already.
   */
  async create(issuerId: string, dto: ClientMetadataDto, actor: Actor, given: { clientId?: string; rules?: ClientRules } = {}): Promise<ClientWithSecretDto> {
    const clientId = given.clientId ?? newClientId();
    const rules = given.rules ?? (await this.validator.rulesOf(issuerId));
    const metadata = withDefaults(compact({ ...dto }));
    const secret = rules.needsSecret(metadata) ? newClientSecret() : undefined;
    await rules.validate({ ...metadata, client_id: clientId, client_secret: secret });
    await this.uris.check(metadata);

    const client = await this.changes.apply(issuerId, async () => {
      await this.assertGrantsAllowed(issuerId, metadata);
      const created = await this.clients.insert({
        tenantId: issuerId,
        clientId,
        clientName: (metadata.client_name as string | undefined) ?? null,
        metadata,
        clientSecret: secret ?? null,
      });
      await this.audit.record(actor, { action: 'client.created', issuerId, resourceType: 'client', resourceId: clientId, after: this.toDto(created) });
      return created;
    });
    return { ...this.toDto(client), ...secretFields(secret) };
  }

  async list(issuerId: string, query: ListClientsQueryDto): Promise<Page<ClientDto>> {
    await this.tenants.find(issuerId);
    const rows = await this.clients.list(issuerId, { after: decodeCursor(query.cursor), clientName: query.client_name, limit: query.limit + 1 });
    return toPage(
      rows,
      query.limit,
      (client) => client.clientId,
      (client) => this.toDto(client),
    );
  }

  async get(issuerId: string, clientId: string): Promise<ClientDto> {
    return this.toDto(await this.find(issuerId, clientId));
  }

  /**
   * Partial update: given members replace stored ones, `null` removes one. A client that now
   * needs a secret and had none gets one, shown in this answer only.
   */
  async update(issuerId: string, clientId: string, dto: ClientMetadataDto, actor: Actor): Promise<ClientWithSecretDto> {
    const current = await this.clients.findWithSecret(issuerId, clientId);
    if (!current) throw new ResourceNotFound('client', clientId);
    const rules = await this.validator.rulesOf(issuerId);
    const metadata = withDefaults(compact({ ...current.metadata, ...dto }));
    const needsSecret = rules.needsSecret(metadata);
    const existing = current.clientSecret ?? undefined;
    const fresh = needsSecret && !existing ? newClientSecret() : undefined;
    const secret = needsSecret ? (existing ?? fresh) : undefined;
    await rules.validate({ ...metadata, client_id: clientId, client_secret: secret });
    await this.uris.check(metadata);

    await this.changes.apply(issuerId, async () => {
      await this.assertGrantsAllowed(issuerId, metadata);
      const updated = await this.clients.update(issuerId, clientId, {
        metadata,
        clientName: (metadata.client_name as string | undefined) ?? null,
        // Unchanged, the stored secret is left as it is.
        ...(secret === existing ? {} : { clientSecret: secret ?? null }),
      });
      if (!updated) throw new ResourceNotFound('client', clientId);
      const before = this.toDto(current);
      await this.audit.record(actor, {
        action: 'client.updated',
        issuerId,
        resourceType: 'client',
        resourceId: clientId,
        before,
        after: this.toDto({ ...current, metadata }),
      });
    });
    return { ...(await this.get(issuerId, clientId)), ...secretFields(fresh) };
  }

  /** A new secret replaces the old one at once; shown only in this answer. */
  async rotateSecret(issuerId: string, clientId: string, actor: Actor): Promise<ClientWithSecretDto> {
    const client = await this.find(issuerId, clientId);
    if (!(await this.validator.rulesOf(issuerId)).needsSecret(client.metadata)) {
      throw new AppError(409, 'conflict', `client '${clientId}' authenticates with ${String(client.metadata.token_endpoint_auth_method)} and has no secret`);
    }
    const secret = newClientSecret();
    await this.changes.apply(issuerId, async () => {
      if (!(await this.clients.update(issuerId, clientId, { clientSecret: secret }))) throw new ResourceNotFound('client', clientId);
      await this.audit.record(actor, { action: 'client.secret_rotated', issuerId, resourceType: 'client', resourceId: clientId });
    });
    return { ...(await this.get(issuerId, clientId)), ...secretFields(secret) };
  }

  async remove(issuerId: string, clientId: string, actor: Actor): Promise<void> {
    const before = this.toDto(await this.find(issuerId, clientId));
    await this.changes.apply(issuerId, async () => {
      if (!(await this.clients.delete(issuerId, clientId))) throw new ResourceNotFound('client', clientId);
      // A client that registered itself (RFC 7591) loses its registration access tokens with it.
      await this.payloads.destroyByClient(issuerId, 'RegistrationAccessToken', clientId);
      await this.audit.record(actor, { action: 'client.deleted', issuerId, resourceType: 'client', resourceId: clientId, before });
    });
  }

  /** The tenant's grant types, its row locked: a concurrent withdrawal of a grant either sees this client or is seen by it. */
  private async assertGrantsAllowed(issuerId: string, metadata: Record<string, unknown>): Promise<void> {
    const { grantTypes: allowed } = await this.tenants.lock(issuerId);
    const refused = ((metadata.grant_types as string[] | undefined) ?? []).filter((grant) => !allowed.includes(grant));
    if (refused.length > 0) throw new ValidationFailed([{ field: 'grant_types', message: `the tenant does not allow ${refused.join(', ')}` }]);
  }

  private async find(issuerId: string, clientId: string): Promise<Client> {
    await this.tenants.find(issuerId);
    return assertFound(await this.clients.find(issuerId, clientId), 'client', clientId);
  }

  private toDto(client: Client): ClientDto {
    return {
      client_id: client.clientId,
      client_id_issued_at: Math.floor(client.createdAt.getTime() / 1000),
      // Clients registered before the member existed have none: theirs is the default.
      require_pkce: false,
      ...(client.metadata as Partial<ClientDto>),
      created_at: client.createdAt.toISOString(),
      updated_at: client.updatedAt.toISOString(),
    };
  }
}

const secretFields = (secret: string | undefined) => (secret ? { client_secret: secret, client_secret_expires_at: 0 } : {});
