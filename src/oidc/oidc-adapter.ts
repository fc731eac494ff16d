import type { Adapter, AdapterPayload } from 'oidc-provider';
import { unlessAbsent, unlessUnavailable } from './hooks/public-errors.js';
import type { OidcPayloadsStore } from '../stores/oidc-payloads/oidc-payloads.store.js';

/** The `Client` model's storage: the clients table, read by id and written only by dynamic registration. */
export interface ClientAccess {
  /** A client's metadata, with its plain secret. */
  find(clientId: string): Promise<AdapterPayload | undefined>;
  /** Stores a client that registered itself or updated its registration (RFC 7591/7592). */
  save(clientId: string, metadata: AdapterPayload): Promise<void>;
  /** Deletes a client at its own request (RFC 7592). */
  remove(clientId: string): Promise<void>;
}

/**
 * Most clients one issuer keeps in memory. Client lookups happen on every token request;
 * the cache lives as long as the provider instance, which is rebuilt whenever a client changes.
 */
const CLIENT_CACHE_SIZE = 500;

/**
 * The oidc-provider adapter class of one issuer: every call is one store call scoped to
 * the tenant; a database out of reach answers 503 `temporarily_unavailable`. A value PostgreSQL
 * cannot hold (a NUL character) matches nothing when looked up and is `invalid_request` when
 * stored (see public-errors). Clients live in the clients table, written here only by dynamic
 * registration (`ClientAccess`); everything else lives in `oidc_payloads`. Ids go to the store and come back in clear:
 * it alone hashes and seals them.
 * @see https://github.com/panva/node-oidc-provider/blob/main/example/my_adapter.js
 */
export function createAdapterClass(tenantId: string, payloads: OidcPayloadsStore, clients: ClientAccess) {
  const clientCache = new Map<string, Promise<AdapterPayload | undefined>>();

  return class TenantAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.kind === 'Client') {
        clientCache.delete(id);
        return unlessUnavailable(clients.save(id, payload));
      }
      await unlessUnavailable(payloads.upsert(tenantId, this.kind, id, payload as Record<string, unknown>, expiresIn));
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.kind !== 'Client') return unlessAbsent(payloads.find(tenantId, this.kind, id) as Promise<AdapterPayload | undefined>);
      let cached = clientCache.get(id);
      if (!cached) {
        if (clientCache.size >= CLIENT_CACHE_SIZE) clientCache.delete(clientCache.keys().next().value!);
        cached = clients.find(id);
        clientCache.set(id, cached);
        cached.catch(() => clientCache.delete(id));
      }
      return unlessAbsent(cached);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return unlessAbsent(payloads.findByUserCode(tenantId, this.kind, userCode) as Promise<AdapterPayload | undefined>);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return unlessAbsent(payloads.findByUid(tenantId, this.kind, uid) as Promise<AdapterPayload | undefined>);
    }

    async consume(id: string): Promise<void> {
      await unlessAbsent(payloads.consume(tenantId, this.kind, id));
    }

    async destroy(id: string): Promise<void> {
      if (this.kind === 'Client') {
        clientCache.delete(id);
        return unlessUnavailable(clients.remove(id));
      }
      await unlessAbsent(payloads.destroy(tenantId, this.kind, id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await unlessAbsent(payloads.revokeByGrantId(tenantId, grantId));
    }
  };
}
