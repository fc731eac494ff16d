import { Injectable } from '@nestjs/common';
import Provider, { errors, type AdapterPayload, type KoaContextWithOIDC } from 'oidc-provider';
import { hashToken } from '../../common/crypto/token-hash.js';
import type { FieldProblem } from '../../common/errors/app-error.js';
import type { Actor } from '../../stores/audit-events/actor.js';
import { AuditTrail } from '../../stores/audit-events/audit-trail.store.js';
import type { ClientMetadata } from '../../stores/clients/client.js';
import { ClientsStore } from '../../stores/clients/clients.store.js';
import { OidcPayloadsStore } from '../../stores/oidc-payloads/oidc-payloads.store.js';
import { TenantChanges } from '../../stores/tenants/tenant-changes.js';
import { TenantsStore } from '../../stores/tenants/tenants.store.js';
import { ClientUriPolicy } from '../client-uri-policy.js';
import { REGISTRATION_ROUTES as ROUTE } from '../oidc-provider-internals.js';
import { SINGLE_USE } from './registration-options.js';

/** Members the client table keeps apart from the metadata (the id and the sealed secret) or derives (its timestamps). */
const ASSIGNED = new Set(['client_id', 'client_secret', 'client_id_issued_at', 'client_secret_expires_at']);

/** RFC 7591 §2 defaults, stored explicitly as the admin API stores them: what is stored is what is in force. */
const EXPLICIT = ['grant_types', 'response_types', 'token_endpoint_auth_method'];

/**
 * Portcullis extensions that grant a privilege (tokens for an API, introspection of other
 * clients' tokens): an administrator gives them through the admin API; a client cannot give
 * them to itself, and keeps them when it updates its own registration.
 */
const PRIVILEGED = ['allowed_resources', 'resource_server_audiences'];

/**
 * What is stored of a registration: the members the client sent, as oidc-provider normalised
 * them, and the three RFC 7591 defaults; the defaults oidc-provider fills in for everything
 * else are left to it, as for clients made through the admin API.
 */
function storedMetadata(registered: AdapterPayload, sent: Record<string, unknown>): ClientMetadata {
  return Object.fromEntries(Object.entries(registered).filter(([key]) => !ASSIGNED.has(key) && (key in sent || EXPLICIT.includes(key))));
}

/** A problem of the URI policy as RFC 7591 §3.2.2 names it (`invalid_redirect_uri` for redirect_uris, else `invalid_client_metadata`). */
const refusal = (problem: FieldProblem) => new errors.InvalidClientMetadata(`${problem.field} ${problem.message}`);

/** Registration was switched off while this request was under way: as if the endpoint were gone. */
const notOffered = () =>
  Object.assign(new errors.OIDCProviderError(404, 'not_found'), { error_description: 'client registration is not offered at this issuer', expose: true });

/** The request in flight, which must be one of oidc-provider's registration routes. */
function registrationContext(allowed: string[]): KoaContextWithOIDC {
  const ctx = Provider.ctx;
  if (!ctx?.oidc || !allowed.includes(ctx.oidc.route)) throw new Error('clients are managed through the admin API');
  return ctx;
}

/** The client acting on its own registration, as the audit log names it. */
const actorOf = (ctx: KoaContextWithOIDC, clientId: string, clientName: string | null): Actor => {
  const requestId = (ctx.req as { id?: unknown }).id;
  return { type: 'client', id: clientId, name: clientName, requestId: typeof requestId === 'string' ? requestId : undefined, ip: ctx.ip };
};

/**
 * Where oidc-provider's `Client` model writes: a client that registers itself (RFC 7591) or
 * updates or deletes its registration (RFC 7592) goes to the clients table, like one made
 * through the admin API: the secret sealed by the store, the same URI rules (ClientUriPolicy),
 * the tenant's grant types decided under its lock, the change and its audit event in one
 * transaction that bumps the tenant's version (every replica reloads the client). The adapter
 * calls this only from the registration routes; any other write of a client is refused.
 */
@Injectable()
export class RegisteredClients {
  constructor(
    private readonly clients: ClientsStore,
    private readonly payloads: OidcPayloadsStore,
    private readonly tenants: TenantsStore,
    private readonly changes: TenantChanges,
    private readonly audit: AuditTrail,
    private readonly uris: ClientUriPolicy,
  ) {}

  /** Stores the client oidc-provider validated: a new one at the registration endpoint, a replacement at its client URL. */
  async save(issuerId: string, clientId: string, registered: AdapterPayload): Promise<void> {
    const ctx = registrationContext([ROUTE.register, ROUTE.update]);
    const creating = ctx.oidc.route === ROUTE.register;
    const metadata = storedMetadata(registered, ctx.oidc.body ?? {});
    const problems = await this.uris.problems(metadata);
    if (problems.length > 0) throw refusal(problems[0]);
    const secret = typeof registered.client_secret === 'string' ? registered.client_secret : null;
    const clientName = typeof metadata.client_name === 'string' ? metadata.client_name : null;
    const actor = actorOf(ctx, clientId, clientName);

    await this.changes.apply(issuerId, async () => {
      await this.assertRegistrable(issuerId, metadata);
      if (creating) {
        this.assertUnprivileged(metadata, {});
        const token = await this.takeSingleUseToken(issuerId, ctx);
        await this.clients.insert({ tenantId: issuerId, clientId, clientName, metadata, clientSecret: secret });
        const after = { client_id: clientId, ...metadata, ...(token ? { initial_access_token_id: token } : {}) };
        await this.audit.record(actor, { action: 'client.registered', issuerId, resourceType: 'client', resourceId: clientId, after });
        return;
      }
      const current = await this.clients.find(issuerId, clientId);
      if (!current) throw new errors.InvalidToken('client not found');
      this.assertUnprivileged(metadata, current.metadata);
      const kept = { ...metadata, ...Object.fromEntries(PRIVILEGED.filter((key) => key in current.metadata).map((key) => [key, current.metadata[key]])) };
      // oidc-provider carries the secret over, or makes one when the client now needs one.
      const secretChanged = secret !== (ctx.oidc.client?.clientSecret ?? null);
      await this.clients.update(issuerId, clientId, { metadata: kept, clientName, ...(secretChanged ? { clientSecret: secret } : {}) });
      await this.audit.record(actor, {
        action: 'client.updated',
        issuerId,
        resourceType: 'client',
        resourceId: clientId,
        before: { client_id: clientId, ...current.metadata },
        after: { client_id: clientId, ...kept },
      });
    });
  }

  /** Deletes the client whose registration access token was presented, and every such token it has. */
  async remove(issuerId: string, clientId: string): Promise<void> {
    const ctx = registrationContext([ROUTE.delete]);
    await this.changes.apply(issuerId, async () => {
      const current = await this.clients.find(issuerId, clientId);
      if (!current || !(await this.clients.delete(issuerId, clientId))) throw new errors.InvalidToken('client not found');
      await this.payloads.destroyByClient(issuerId, 'RegistrationAccessToken', clientId);
      await this.audit.record(actorOf(ctx, clientId, current.clientName), {
        action: 'client.deleted',
        issuerId,
        resourceType: 'client',
        resourceId: clientId,
        before: { client_id: clientId, ...current.metadata },
      });
    });
  }

  /**
   * Under the tenant's lock, so a policy switched off or a grant withdrawn meanwhile either sees
   * this client or is seen by it: registration is still on, and the grants are the tenant's.
   */
  private async assertRegistrable(issuerId: string, metadata: ClientMetadata): Promise<void> {
    const tenant = await this.tenants.lock(issuerId);
    if (!tenant || tenant.registration === 'off') throw notOffered();
    const refused = ((metadata.grant_types as string[] | undefined) ?? []).filter((grant) => !tenant.grantTypes.includes(grant));
    if (refused.length > 0) throw new errors.InvalidClientMetadata(`grant_types ${refused.join(', ')} is not allowed at this issuer`);
  }

  /** A privileged member the client sends must be what an administrator gave it. */
  private assertUnprivileged(metadata: ClientMetadata, current: ClientMetadata): void {
    for (const key of PRIVILEGED) {
      if (key in metadata && JSON.stringify(metadata[key]) !== JSON.stringify(current[key])) {
        throw new errors.InvalidClientMetadata(`${key} is granted by an administrator (admin API) and cannot be registered by the client`);
      }
    }
  }

  /**
   * Uses up a single-use initial access token in the registration's own transaction: of two
   * registrations racing with one token, exactly one commits. The token's id (the SHA-256
   * the admin API lists it by) when one was presented.
   */
  private async takeSingleUseToken(issuerId: string, ctx: KoaContextWithOIDC): Promise<string | undefined> {
    const token = ctx.oidc.entities.InitialAccessToken;
    if (!token?.jti) return undefined;
    if (token.policies?.includes(SINGLE_USE) && !(await this.payloads.take(issuerId, 'InitialAccessToken', token.jti))) {
      throw new errors.InvalidToken('initial access token already used');
    }
    return hashToken(token.jti);
  }
}
