import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { trustedCas } from '../common/outbound/trusted-cas.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { AdapterPayload } from 'oidc-provider';
import { SignIn } from './sign-in/sign-in.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { ClientsStore } from '../stores/clients/clients.store.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { type TrustProxy } from '../common/http/client-address.js';
import { Metrics } from '../common/metrics/metrics.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SigningKeysStore } from '../stores/signing-keys/signing-keys.store.js';
import { loggableError } from '../database/database-errors.js';
import { ISSUER_ID_PATTERN, RESERVED_ISSUER_IDS } from '../stores/tenants/issuer-id.js';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import type { Tenant } from '../stores/tenants/tenant.js';
import { TenantsStore } from '../stores/tenants/tenants.store.js';
import { OidcPayloadsStore } from '../stores/oidc-payloads/oidc-payloads.store.js';
import { DocumentCache } from './document-cache.js';
import { brandingOf, type Branding } from './interactions/pages.js';
import { auditSecurityEvents } from './hooks/security-events.js';
import { logBackchannelFailures } from './hooks/backchannel-delivery.js';
import { countIssuedTokens } from './hooks/token-metrics.js';
import { onEscapedError } from './oidc-provider-internals.js';
import { createProvider } from './provider-factory.js';
import { createAdapterClass } from './oidc-adapter.js';
import { RegisteredClients } from './registration/registered-clients.js';

/** A built provider of an enabled issuer, with its request handler made once. */
export interface LiveIssuer {
  tenant: Tenant;
  provider: Provider;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Its discovery and JWKS documents, as first served. */
  documents: DocumentCache;
  /** Name, logo and colour of its pages, made once per version of the tenant. */
  branding: Branding;
}

/**
 * How long an unknown or disabled issuer_id is remembered: a flood of random ids costs one
 * database read per id per second, and an issuer created on another replica (whose
 * notification was missed) is found within a second anyway.
 */
const UNKNOWN_TTL_MS = 1_000;
const UNKNOWN_MAX = 10_000;

/**
 * Fallback for missed notifications: how often the versions of the cached issuers are compared
 * with the database. Keeps a change in force on every replica within the contract's 2 seconds.
 */
const VERSION_CHECK_INTERVAL_MS = 1_000;

/**
 * The live oidc-provider instances, one per issuer, built on first use from the database and
 * kept in a bounded LRU. A change announced for an issuer (locally, or by NOTIFY from another
 * replica) drops its instance; the next request builds a fresh one. Concurrent first requests
 * share one build. Eviction loses nothing: all state is in the database.
 */
@Injectable()
export class ProviderRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ProviderRegistry');
  private readonly live: LRUCache<string, Promise<LiveIssuer | null>>;
  /**
   * Settled, live entries: for `peek`, and their tenant versions for the periodic check. Kept
   * in step with `live` by its dispose hook and `invalidate`.
   */
  private readonly ready = new Map<string, LiveIssuer>();
  private readonly unknown = new LRUCache<string, true>({ max: UNKNOWN_MAX, ttl: UNKNOWN_TTL_MS });
  private readonly reserved = new Set(RESERVED_ISSUER_IDS);
  private readonly publicUrl: string;
  private readonly trustProxy: TrustProxy;
  private readonly clientUrisAllowPrivate: boolean;
  /** Node's CAs plus CLIENT_URIS_CA_FILE's, for what the issuer fetches on a client's behalf; undefined for Node's alone. */
  private readonly clientUrisCa?: string[];
  private timer?: NodeJS.Timeout;
  private stopListening?: () => void;
  /** Lookups since start (see ProviderCacheStats), counted in plain fields: a hit is on every public request's path. */
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(
    private readonly tenants: TenantsStore,
    private readonly keys: SigningKeysStore,
    private readonly clients: ClientsStore,
    private readonly payloads: OidcPayloadsStore,
    private readonly changes: TenantChanges,
    private readonly box: SecretBox,
    private readonly signIn: SignIn,
    private readonly audit: AuditTrail,
    private readonly metrics: Metrics,
    private readonly registered: RegisteredClients,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicUrl = config.publicUrl;
    this.trustProxy = config.trustProxy;
    this.clientUrisAllowPrivate = config.clientUrisAllowPrivate;
    this.clientUrisCa = trustedCas(config.clientUrisCaFile);
    this.live = new LRUCache({
      max: config.providerCacheSize,
      dispose: (_value, issuerId, reason) => {
        this.ready.delete(issuerId);
        if (reason === 'evict') this.evictions++;
      },
    });
    metrics.watchProviderCache(() => ({ entries: this.live.size, hits: this.hits, misses: this.misses, evictions: this.evictions }));
  }

  onModuleInit(): void {
    this.stopListening = this.changes.onChange((issuerId) => this.invalidate(issuerId));
    this.timer = setInterval(() => void this.checkVersions(), VERSION_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.stopListening?.();
  }

  /**
   * The issuer's provider if it is built already, without waiting: the hot path of every
   * public request, which then costs no promise and no microtask.
   */
  peek(issuerId: string): LiveIssuer | undefined {
    const issuer = this.ready.get(issuerId);
    if (issuer) this.hits++;
    return issuer;
  }

  /** The issuer's live provider, or null when it does not exist or is disabled. */
  async get(issuerId: string): Promise<LiveIssuer | null> {
    if (!ISSUER_ID_PATTERN.test(issuerId) || this.reserved.has(issuerId) || this.unknown.has(issuerId)) return null;
    let entry = this.live.get(issuerId);
    if (entry) this.hits++;
    else {
      this.misses++;
      const built = this.build(issuerId);
      entry = built;
      this.live.set(issuerId, built);
      // Ready only while this build still owns the entry; a change that landed while building
      // is caught by the next version check.
      built.then(
        (issuer) => issuer && this.live.peek(issuerId) === built && this.ready.set(issuerId, issuer),
        () => undefined,
      );
    }
    try {
      const issuer = await entry;
      if (!issuer && this.live.get(issuerId) === entry) {
        this.live.delete(issuerId);
        this.unknown.set(issuerId, true);
      }
      return issuer;
    } catch (error) {
      if (this.live.get(issuerId) === entry) this.live.delete(issuerId);
      throw error;
    }
  }

  /** A provider for the issuer whatever its state, uncached: to judge client metadata by its rules. */
  async forValidation(issuerId: string): Promise<Provider | null> {
    const tenant = await this.tenants.find(issuerId);
    return tenant && (await this.assemble(tenant)).provider;
  }

  /**
   * A provider for the issuer as it is when registration requires initial access tokens,
   * uncached, or null when there is no such tenant: tokens are made for that mode (their
   * policies judged by it) whatever the tenant's mode is now, so they can be issued before
   * the mode is switched on.
   */
  async forInitialAccessTokens(issuerId: string): Promise<Provider | null> {
    const tenant = await this.tenants.find(issuerId);
    return tenant && (await this.assemble({ ...tenant, registration: 'initial_access_token' })).provider;
  }

  /** Drops what is known of the issuer; the next request rebuilds it. */
  invalidate(issuerId: string): void {
    this.live.delete(issuerId);
    this.ready.delete(issuerId);
    this.unknown.delete(issuerId);
  }

  private async build(issuerId: string): Promise<LiveIssuer | null> {
    const tenant = await this.tenants.find(issuerId);
    if (!tenant || !tenant.enabled) return null;
    return this.assemble(tenant);
  }

  private async assemble(tenant: Tenant): Promise<LiveIssuer> {
    const issuerId = tenant.issuerId;
    const branding = brandingOf(tenant);
    const provider = createProvider({
      tenant,
      branding,
      issuer: `${this.publicUrl}/${issuerId}`,
      jwks: await this.keys.privateJwks(issuerId),
      cookieKeys: this.box.derive(`cookies:${issuerId}`).map((key) => key.toString('base64url')),
      Adapter: createAdapterClass(issuerId, this.payloads, {
        find: (clientId) => this.loadClient(issuerId, clientId),
        save: (clientId, metadata) => this.registered.save(issuerId, clientId, metadata),
        remove: (clientId) => this.registered.remove(issuerId, clientId),
      }),
      findAccount: (accountId) => this.signIn.find(issuerId, accountId),
      serviceDocumentation: `${this.publicUrl}/docs`,
      trustProxy: this.trustProxy,
      clientUrisAllowPrivate: this.clientUrisAllowPrivate,
      clientUrisCa: this.clientUrisCa,
    });
    // oidc-provider answers unexpected failures with a bare server_error; the cause goes to the log.
    provider.on('server_error', (ctx: { req: { id?: unknown } }, error: Error) => {
      this.logger.error({ err: loggableError(error), req_id: ctx.req.id, issuer_id: issuerId }, 'provider error');
    });
    auditSecurityEvents(provider, issuerId, this.audit, this.logger);
    logBackchannelFailures(provider, issuerId, this.logger);
    countIssuedTokens(provider, this.metrics);
    // Errors that escaped oidc-provider's handler (see hooks/public-errors.ts); a listener also keeps Koa from printing them as text.
    onEscapedError(provider, (error, ctx) => {
      this.logger.error({ err: loggableError(error), req_id: ctx?.req?.id, issuer_id: issuerId }, 'provider error');
    });
    return { tenant, provider, handle: provider.callback(), documents: new DocumentCache(), branding };
  }

  /**
   * A client as oidc-provider wants it: its metadata, client_id and plain secret, with the
   * RFC 7591 members the registration endpoints answer with (when it was issued, and a secret
   * that does not expire).
   */
  private async loadClient(issuerId: string, clientId: string): Promise<AdapterPayload | undefined> {
    const client = await this.clients.findWithSecret(issuerId, clientId);
    if (!client) return undefined;
    return {
      ...client.metadata,
      client_id: clientId,
      client_id_issued_at: Math.floor(client.createdAt.getTime() / 1000),
      ...(client.clientSecret ? { client_secret: client.clientSecret, client_secret_expires_at: 0 } : {}),
    };
  }

  private async checkVersions(): Promise<void> {
    if (this.ready.size === 0) return;
    try {
      const current = await this.tenants.versionsOf([...this.ready.keys()]);
      for (const [issuerId, { tenant }] of this.ready) {
        if (current.get(issuerId) !== tenant.version) this.invalidate(issuerId);
      }
    } catch (error) {
      this.logger.warn(`version check failed: ${(error as Error).message}`);
    }
  }
}
