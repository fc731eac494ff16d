import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const toInt = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));
const toBool = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

const isProduction = (env: Env) => env.NODE_ENV === 'production';

/** A 32-byte key as 64 hex digits or base64 (standard or URL-safe). */
const KEY_TEXT = '(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)';
const KEY = new RegExp(`^${KEY_TEXT}$`);
/** One `id:key` of KEY_ENCRYPTION_KEYS; ids as `KEY_ID_PATTERN` of the secret box. */
const KEY_ENTRY = `[a-z0-9][a-z0-9_-]{0,31}:${KEY_TEXT}`;

/** An optional integer variable within [min, max], with one message for every way it can be wrong. */
const IntBetween = (min: number, max: number) => {
  const message = `must be an integer between ${min} and ${max}`;
  return applyDecorators(toInt(), IsOptional(), IsInt({ message }), Min(min, { message }), Max(max, { message }));
};

/**
 * Every environment variable Portcullis reads, validated once at start by `loadConfig`.
 * `scripts/document-env.ts` copies these comment blocks into README.md and docs/operations.md: keep the first
 * line of each one a complete sentence, and name the default.
 */
export class Env {
  /** Runtime mode: `development`, `test` or `production`. Default `development`. Production refuses to start without `ADMIN_API_KEY` and `KEY_ENCRYPTION_KEY` (or `KEY_ENCRYPTION_KEYS`), and with an `http://` `PUBLIC_URL` unless `ALLOW_INSECURE_PUBLIC_URL=true`. */
  @IsOptional()
  @IsIn(['development', 'test', 'production'], { message: 'must be one of development, test, production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** TCP port of the HTTP server. Default `3000`; `0` picks a free port. */
  @IntBetween(0, 65535)
  PORT: number = 3000;

  /** Address the HTTP server binds. Default `127.0.0.1`; set `0.0.0.0` in a container. */
  @IsOptional()
  @IsString()
  HOST: string = '127.0.0.1';

  /** External base URL; every issuer is `PUBLIC_URL/{issuer_id}`. Default `http://localhost:PORT`. When it is `https://`, every response carries `Strict-Transport-Security: max-age=31536000` (without `includeSubDomains`, which is for the operator of the whole domain to set). */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_query_components: false, allow_fragments: false },
    { message: 'must be an absolute http(s) URL without query or fragment, e.g. https://id.example.com' },
  )
  PUBLIC_URL?: string;

  /** Lets `NODE_ENV=production` run with an `http://` `PUBLIC_URL` (`true`/`false`), for a deployment whose TLS ends in front of it on a private network it trusts; cookies then lose `Secure`. Default `false`: production refuses plain http. */
  @toBool()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  ALLOW_INSECURE_PUBLIC_URL: boolean = false;

  /** Which peers are proxies whose `X-Forwarded-For` is believed, as Express's `trust proxy` takes it: a hop count (`1` behind exactly one proxy) or a comma-separated list of addresses, CIDRs and the names `loopback`, `linklocal`, `uniquelocal`. Default: none, the client address is the socket's. `true` (trust everyone) is refused. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** PostgreSQL connection URL (`postgres://user:pass@host:5432/db`). Unset: the embedded store under `DATA_DIR`. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Size of the database connection pool. Default `10` on PostgreSQL, `4` on the embedded store. */
  @IntBetween(1, 100)
  DATABASE_POOL_SIZE?: number;

  /** Folder for the embedded store and the generated development secrets. Default `./data`. */
  @IsOptional()
  @IsString()
  DATA_DIR: string = './data';

  /** Bearer key of the admin API (at least 32 characters; in production at least 128 bits by a character-class estimate: length × log2 of the alphabet of the character classes it uses, or of fewer symbols when it uses fewer, and at least 8 different characters). Unset in development: generated into `DATA_DIR/admin-api-key` and printed once. Required in production. */
  @ValidateIf((env: Env) => isProduction(env) || env.ADMIN_API_KEY !== undefined)
  @IsDefined({ message: 'is required when NODE_ENV=production' })
  @IsString({ message: 'must be a string' })
  @MinLength(32, { message: 'must be at least 32 characters long' })
  @MaxLength(512, { message: 'must be at most 512 characters long' })
  ADMIN_API_KEY?: string;

  /** Failed admin API authentications (a wrong key) allowed per client address (an IPv6 client by its /64) within a 15-minute window before that address gets 429 for the rest of it; counted in `RATE_LIMIT_STORE`. Default `20`. */
  @IntBetween(1, 100000)
  ADMIN_AUTH_MAX_FAILURES_PER_IP: number = 20;

  /** Who may read `GET /metrics`: `public`, `admin` (an admin key above tenants, as a bearer token) or `off` (404). Default `public`, as Prometheus scrapes without credentials; in production, prefer `admin` or keep the path off the public ingress. */
  @IsOptional()
  @IsIn(['public', 'admin', 'off'], { message: 'must be one of public, admin, off' })
  METRICS_ACCESS: 'public' | 'admin' | 'off' = 'public';

  /** Who may read the API documentation (`/docs`, `/docs/openapi.json`, `/docs/openapi.yaml`): `public`, `admin` (an admin key above tenants, as a bearer token) or `off` (404). Default `public`: it describes the admin API, whose every route still needs a key, and the public protocol of every issuer. */
  @IsOptional()
  @IsIn(['public', 'admin', 'off'], { message: 'must be one of public, admin, off' })
  DOCS_ACCESS: 'public' | 'admin' | 'off' = 'public';

  /** 32-byte key (base64 or 64 hex digits) that encrypts signing keys and client secrets at rest (AES-256-GCM); every process on one database needs the same one, and a process whose key does not open the stored keys refuses to start. Its key id is `default` (see `KEY_ENCRYPTION_KEYS`). Unset in development: generated into `DATA_DIR/key-encryption-key`. Production needs this or `KEY_ENCRYPTION_KEYS`. */
  @ValidateIf((env: Env) => (isProduction(env) && env.KEY_ENCRYPTION_KEYS === undefined) || env.KEY_ENCRYPTION_KEY !== undefined)
  @IsDefined({ message: 'is required when NODE_ENV=production (or set KEY_ENCRYPTION_KEYS)' })
  @IsString({ message: 'must be a string' })
  @Matches(KEY, { message: 'must be 32 bytes as 64 hex digits or base64' })
  KEY_ENCRYPTION_KEY?: string;

  /** Key-encryption keys for rotation, instead of `KEY_ENCRYPTION_KEY`: a comma-separated list of `id:key` (id: lowercase letters, digits, `-`, `_`, up to 32; key: as `KEY_ENCRYPTION_KEY`). The first seals every new value, all of them open what names them; `default` is the id of what `KEY_ENCRYPTION_KEY` sealed. `GET /v1/key-encryption-keys` counts the values under each, `POST /v1/key-encryption-keys/re-encrypt` moves them to the first. Procedure: docs/operations.md. */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(new RegExp(`^${KEY_ENTRY}(?:,${KEY_ENTRY})*$`), {
    message: 'must be a comma-separated list of id:key, each id of lowercase letters, digits, - and _ (up to 32), each key 32 bytes as 64 hex digits or base64',
  })
  KEY_ENCRYPTION_KEYS?: string;

  /** Log level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. Default `info`. */
  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL: string = 'info';

  /** Largest accepted request body on the admin API, in bytes; larger bodies get 413. Default `1048576` (1 MiB). */
  @IntBetween(1024, 67108864)
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  /**
   * After SIGTERM, how long the process keeps serving with `/readyz` at 503 before it stops accepting connections, in milliseconds, so that
   * load balancers stop sending requests first (answers meanwhile carry `Connection: close`). Set it above the time your balancer takes to stop
   * routing to a terminating process: a few seconds for a Kubernetes Service's endpoints to reach kube-proxy and ingresses, a health check's
   * interval × unhealthy threshold for a balancer that follows `/readyz`. Default `0`.
   */
  @IntBetween(0, 600000)
  SHUTDOWN_DELAY_MS: number = 0;

  /** Longest wait for in-flight requests once the listener is closed (after `SHUTDOWN_DELAY_MS`) before the process exits anyway, in milliseconds. Default `10000`. */
  @IntBetween(0, 600000)
  SHUTDOWN_TIMEOUT_MS: number = 10_000;

  /** Seconds between checks for signing keys due for scheduled rotation (and retired keys to prune); `0` disables the check. Default `60`. */
  @IntBetween(0, 86400)
  KEY_ROTATION_CHECK_SECONDS: number = 60;

  /** Most issuers whose OpenID Provider instance is kept warm in memory (least recently used are evicted and rebuilt on demand). Default `1000`. */
  @IntBetween(1, 100000)
  PROVIDER_CACHE_SIZE: number = 1000;

  /** `Cache-Control: max-age` of the discovery documents, in seconds. Default `3600`. */
  @IntBetween(0, 86400)
  DISCOVERY_CACHE_SECONDS: number = 3600;

  /** `Cache-Control: max-age` of the JWKS, in seconds; keep it well below the time between two key rotations, so relying parties hold the pre-published next key before it signs. Default `300`. */
  @IntBetween(0, 86400)
  JWKS_CACHE_SECONDS: number = 300;

  /** argon2id memory cost of password hashes, in KiB. Default `19456` (19 MiB, OWASP's second profile). */
  @IntBetween(1024, 1048576)
  ARGON2_MEMORY_KIB: number = 19_456;

  /** argon2id time cost (iterations). Default `2`. */
  @IntBetween(1, 10)
  ARGON2_TIME_COST: number = 2;

  /** argon2id parallelism. Default `1`. */
  @IntBetween(1, 8)
  ARGON2_PARALLELISM: number = 1;

  /** Failed sign-ins allowed per username within `LOGIN_LOCKOUT_SECONDS` before it is locked for that long. Default `5`. */
  @IntBetween(1, 1000)
  LOGIN_MAX_FAILURES_PER_USER: number = 5;

  /** Failed sign-ins allowed per client address (an IPv6 client by its /64) within `LOGIN_LOCKOUT_SECONDS` before it is locked for that long. Default `50`. */
  @IntBetween(1, 100000)
  LOGIN_MAX_FAILURES_PER_IP: number = 50;

  /** Window and lockout of sign-in throttling, in seconds. Default `900`. */
  @IntBetween(1, 86400)
  LOGIN_LOCKOUT_SECONDS: number = 900;

  /** Requests per minute one client address (an IPv6 client by its /64) may make to one issuer's discovery and JWKS documents; `0` = no limit. Default `1200`. */
  @IntBetween(0, 10_000_000)
  RATE_LIMIT_METADATA_PER_MINUTE: number = 1200;

  /** Requests per minute one client address (an IPv6 client by its /64) may make to one issuer's other public routes (token, authorize, the sign-in and consent pages, …); `0` = no limit. Default `3000`. */
  @IntBetween(0, 10_000_000)
  RATE_LIMIT_PROTOCOL_PER_MINUTE: number = 3000;

  /** Requests per minute one client address (an IPv6 client by its /64) may make to one issuer's client registration endpoints (RFC 7591 registration, RFC 7592 read, update and delete), counted apart from the other public routes; `0` = no limit. Default `30`. */
  @IntBetween(0, 10_000_000)
  RATE_LIMIT_REGISTRATION_PER_MINUTE: number = 30;

  /** Where rate-limit counters live: `memory` (per replica), `postgres` or `redis` (shared by all replicas). Shared public request budgets are counted in memory and added to the store every 200 ms, so a replica may admit what it counted since its last sync beyond the budget; sign-in lockouts and wrong admin keys are counted in the store at every attempt. Default `redis` when `REDIS_URL` is set, else `memory`. */
  @IsOptional()
  @IsIn(['memory', 'postgres', 'redis'], { message: 'must be one of memory, postgres, redis' })
  RATE_LIMIT_STORE?: 'memory' | 'postgres' | 'redis';

  /** Redis URL (`redis://host:6379`) for shared rate-limit counters. Unset: none. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /**
   * Lets clients register, and the issuer fetch or post to, a `jwks_uri`, `sector_identifier_uri` or `backchannel_logout_uri` on a loopback, private or
   * link-local address, and register a `logo_uri`, `policy_uri`, `tos_uri`, `client_uri` or `initiate_login_uri` naming one (`true`/`false`). Default `false`.
   * IPv6 forms that embed an IPv4 address, unspecified and multicast addresses stay refused.
   */
  @toBool()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  CLIENT_URIS_ALLOW_PRIVATE: boolean = false;

  /** A PEM file of CA certificates that the issuer trusts besides Node's built-in ones when it fetches a client's `jwks_uri` or `sector_identifier_uri`: for clients behind a private CA. Unset by default. */
  @IsOptional()
  @IsString({ message: 'must be a file path' })
  CLIENT_URIS_CA_FILE?: string;

  /** Lets `POST /v1/providers/discover` reach loopback, private and link-local addresses (`true`/`false`). Default `false`. */
  @toBool()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  PROVIDER_DISCOVERY_ALLOW_PRIVATE: boolean = false;

  /** Longest time `POST /v1/providers/discover` waits to open a connection to an issuer's host, in milliseconds. Default `3000`. */
  @IntBetween(100, 60000)
  PROVIDER_DISCOVERY_CONNECT_TIMEOUT_MS: number = 3000;

  /** Longest time one fetch of `POST /v1/providers/discover` may take, redirects and body included, in milliseconds; a check makes at most five (two metadata locations, the JWKS HEAD, a GET if HEAD is refused, the JWKS GET). Default `5000`. */
  @IntBetween(100, 60000)
  PROVIDER_DISCOVERY_TIMEOUT_MS: number = 5000;

  /** Largest metadata or JWKS body `POST /v1/providers/discover` reads, in bytes; a larger one is a finding. Default `524288` (512 KiB). */
  @IntBetween(1024, 16777216)
  PROVIDER_DISCOVERY_MAX_BYTES: number = 512 * 1024;

  /** A PEM file of CA certificates that `POST /v1/providers/discover` trusts besides Node's built-in ones: for identity providers behind a private CA. Unset by default. */
  @IsOptional()
  @IsString({ message: 'must be a file path' })
  PROVIDER_DISCOVERY_CA_FILE?: string;

  /** Checks per minute one admin key may run with `POST /v1/providers/discover` (counted in `RATE_LIMIT_STORE`); `0` = no limit. Default `30`. */
  @IntBetween(0, 100000)
  PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: number = 30;

  /**
   * Base URL of an OpenTelemetry collector's OTLP/HTTP receiver (e.g. `http://otel-collector:4318`): when set, every request is traced and its
   * spans are sent as OTLP/JSON to `/v1/traces` below it, with the exporter's other standard `OTEL_EXPORTER_OTLP_*` variables (headers, timeout,
   * certificates) in force. Unset by default: no tracing, and its code is not even loaded. What a trace holds: docs/operations.md.
   */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true, allow_query_components: false, allow_fragments: false },
    { message: 'must be an absolute http(s) URL without credentials, query or fragment, e.g. http://otel-collector:4318' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** `service.name` of the traces (with `OTEL_EXPORTER_OTLP_ENDPOINT`). Default `portcullis`. */
  @IsOptional()
  @Matches(/^\S{1,255}$/, { message: 'must be 1 to 255 characters without spaces' })
  OTEL_SERVICE_NAME: string = 'portcullis';

  /** Milliseconds between two exports of finished spans (with `OTEL_EXPORTER_OTLP_ENDPOINT`); spans also leave when 512 are waiting, and on shutdown. Default `5000`. */
  @IntBetween(1, 600000)
  OTEL_BSP_SCHEDULE_DELAY: number = 5000;
}
