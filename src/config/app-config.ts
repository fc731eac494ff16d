import type { KeyEncryptionKey } from '../common/crypto/secret-box.js';
import type { TrustProxy } from '../common/http/client-address.js';

/** Who may read an operator endpoint (`/metrics`, `/docs`): anyone, admin keys above tenants only, or nobody (404). */
type EndpointAccess = 'public' | 'admin' | 'off';

/** The resolved, validated configuration the application runs with. Built once by `loadConfig`. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** No trailing slash; an issuer is `${publicUrl}/${issuer_id}`. */
  publicUrl: string;
  /** TRUST_PROXY compiled: which peers' X-Forwarded-For is believed, for Express and the issuer gateway alike. */
  trustProxy: TrustProxy;
  /** Absolute path. */
  dataDir: string;
  /** `undefined` selects the embedded store. */
  databaseUrl?: string;
  databasePoolSize: number;
  adminApiKey: string;
  /** The sealing key first; at least one. */
  keyEncryptionKeys: KeyEncryptionKey[];
  logLevel: string;
  bodyLimitBytes: number;
  shutdownDelayMs: number;
  shutdownTimeoutMs: number;
  /** Wrong admin keys allowed per client address within the admin-auth window (15 minutes). */
  adminAuthMaxFailuresPerIp: number;
  metricsAccess: EndpointAccess;
  docsAccess: EndpointAccess;
  providerDiscovery: { allowPrivate: boolean; connectTimeoutMs: number; timeoutMs: number; maxBytes: number; perMinute: number; caFile?: string };
  /** Whether a client's jwks_uri may be on a loopback, private or link-local address (CLIENT_URIS_ALLOW_PRIVATE). */
  clientUrisAllowPrivate: boolean;
  /** CLIENT_URIS_CA_FILE: more CAs for what the issuer fetches on a client's behalf. */
  clientUrisCaFile?: string;
  keyRotationCheckSeconds: number;
  providerCacheSize: number;
  discoveryCacheSeconds: number;
  jwksCacheSeconds: number;
  rateLimits: {
    metadataPerMinute: number;
    protocolPerMinute: number;
    registrationPerMinute: number;
    store: 'memory' | 'postgres' | 'redis';
    redisUrl?: string;
  };
  argon2: { memoryKib: number; timeCost: number; parallelism: number };
  loginThrottle: { maxFailuresPerUser: number; maxFailuresPerIp: number; lockoutSeconds: number };
  /** OpenTelemetry tracing, when OTEL_EXPORTER_OTLP_ENDPOINT is set; undefined: off. */
  tracing?: TracingConfig;
  /** Development secrets kept in `dataDir`: where they are, and which were generated on this start (to be shown once). */
  devSecrets: { adminApiKeyFile?: string; generatedAdminApiKey?: string; keyEncryptionKeyFile?: string; generatedKeyEncryptionKeyFile?: string };
}

export interface TracingConfig {
  /** The collector's base URL; the exporter appends `/v1/traces`. */
  endpoint: string;
  serviceName: string;
  scheduleDelayMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
