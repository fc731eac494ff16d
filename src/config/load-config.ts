import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { resolve } from 'node:path';
import type { AppConfig } from './app-config.js';
import { generateAdminApiKey, generateKeyEncryptionKey, readOrCreateSecret } from './dev-secrets.js';
import { Env } from './env.js';
import { DEFAULT_KEY_ID, type KeyEncryptionKey } from '../common/crypto/secret-box.js';
import { compileTrustProxy, type TrustProxy } from '../common/http/client-address.js';

/** A configuration problem: one line per bad variable, printed without a stack trace. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((error) => {
    const constraints = error.constraints ?? {};
    // One message: a missing value fails every rule, and "is required" says it best;
    // otherwise the first, as the others usually restate it (`min`, `max`, `int`).
    return `${error.property} ${constraints.isDefined ?? Object.values(constraints)[0] ?? 'is invalid'}`;
  });
}

/** Below this, a key could be found by guessing (NIST SP 800-131A's 128-bit security floor). */
const MIN_ADMIN_KEY_BITS = 128;

/** Sizes of the character classes an admin key draws from; anything else counts as one of 33 ASCII symbols. */
const CHARACTER_CLASSES: [RegExp, number][] = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/[^a-zA-Z0-9]/, 33],
];

/** Fewer different characters than this, and no generator made the key (`aaaa…`, `abab…`). */
const MIN_DISTINCT_CHARACTERS = 8;

/**
 * A key's entropy if its characters were drawn at random from the alphabet it appears to come
 * from: length × log2(alphabet), the alphabet being the character classes it uses, or fewer when
 * it uses fewer characters than they hold (rounded up to a power of two, as generators' alphabets
 * are: a random hex key that happens to miss two digits still counts 4 bits a character). An
 * upper bound (a word is far weaker than its letters), so it only rejects keys short or plain
 * enough that no random generator would have made them.
 */
export function adminKeyBits(key: string): number {
  const distinct = new Set(key).size;
  if (distinct < MIN_DISTINCT_CHARACTERS) return 0;
  const classes = CHARACTER_CLASSES.filter(([pattern]) => pattern.test(key)).reduce((sum, [, size]) => sum + size, 0);
  return key.length * Math.log2(Math.min(classes, 2 ** Math.ceil(Math.log2(distinct))));
}

/** The 32-byte key from 64 hex digits or (url-safe) base64. */
function decodeKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64url');
}

/** KEY_ENCRYPTION_KEYS (its syntax already validated): `id:key,…`, ids unique. */
function parseKeyList(text: string): KeyEncryptionKey[] {
  const keys = text.split(',').map((entry) => {
    const at = entry.indexOf(':');
    return { id: entry.slice(0, at), key: decodeKey(entry.slice(at + 1)) };
  });
  const repeated = keys.map((key) => key.id).filter((id, index, ids) => ids.indexOf(id) !== index);
  if (repeated.length > 0) throw new ConfigError([`KEY_ENCRYPTION_KEYS names key id '${repeated[0]}' twice`]);
  return keys;
}

/**
 * Validates the environment and resolves it into an `AppConfig`. In development, a missing
 * admin key or encryption key is generated into `DATA_DIR` and reused on later starts.
 */
export async function loadConfig(source: NodeJS.ProcessEnv): Promise<AppConfig> {
  // An empty variable means "unset", as in a shell, so the default applies.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(Env, given, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(describe(errors));

  const dataDir = resolve(env.DATA_DIR);
  const devSecrets: AppConfig['devSecrets'] = {};

  let adminApiKey = env.ADMIN_API_KEY;
  if (!adminApiKey) {
    const secret = await readOrCreateSecret(dataDir, 'admin-api-key', generateAdminApiKey);
    adminApiKey = secret.value;
    devSecrets.adminApiKeyFile = secret.file;
    if (secret.created) devSecrets.generatedAdminApiKey = secret.value;
  }

  if (env.KEY_ENCRYPTION_KEY && env.KEY_ENCRYPTION_KEYS) {
    throw new ConfigError([`set KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEYS, not both (KEY_ENCRYPTION_KEY is the key with id '${DEFAULT_KEY_ID}')`]);
  }
  let keyEncryptionKey = env.KEY_ENCRYPTION_KEY;
  if (!keyEncryptionKey && !env.KEY_ENCRYPTION_KEYS) {
    const secret = await readOrCreateSecret(dataDir, 'key-encryption-key', generateKeyEncryptionKey);
    keyEncryptionKey = secret.value;
    devSecrets.keyEncryptionKeyFile = secret.file;
    if (secret.created) devSecrets.generatedKeyEncryptionKeyFile = secret.file;
  }
  if (env.PUBLIC_URL && !['', '/'].includes(new URL(env.PUBLIC_URL).pathname)) {
    throw new ConfigError(['PUBLIC_URL must be an origin without a path (issuers are PUBLIC_URL/{issuer_id}), e.g. https://id.example.com']);
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  if (env.NODE_ENV === 'production' && publicUrl.startsWith('http://') && !env.ALLOW_INSECURE_PUBLIC_URL) {
    throw new ConfigError([
      `PUBLIC_URL must be https:// when NODE_ENV=production (over http, cookies lose Secure); got ${publicUrl}. Set ALLOW_INSECURE_PUBLIC_URL=true to run over http anyway`,
    ]);
  }
  if (env.NODE_ENV === 'production' && adminKeyBits(adminApiKey) < MIN_ADMIN_KEY_BITS) {
    throw new ConfigError([
      `ADMIN_API_KEY is too easy to guess (about ${Math.floor(adminKeyBits(adminApiKey))} bits; production needs ${MIN_ADMIN_KEY_BITS}): use a random key, e.g. openssl rand -base64 32`,
    ]);
  }
  let trustProxy: TrustProxy;
  try {
    trustProxy = compileTrustProxy(env.TRUST_PROXY);
  } catch (error) {
    throw new ConfigError([`TRUST_PROXY ${(error as Error).message}`]);
  }
  if (env.RATE_LIMIT_STORE === 'redis' && !env.REDIS_URL) throw new ConfigError(['RATE_LIMIT_STORE=redis needs REDIS_URL']);
  const keyEncryptionKeys = keyEncryptionKey ? [{ id: DEFAULT_KEY_ID, key: decodeKey(keyEncryptionKey) }] : parseKeyList(env.KEY_ENCRYPTION_KEYS!);

  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    trustProxy,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE ?? (env.DATABASE_URL ? 10 : 4),
    adminApiKey,
    keyEncryptionKeys,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    adminAuthMaxFailuresPerIp: env.ADMIN_AUTH_MAX_FAILURES_PER_IP,
    metricsAccess: env.METRICS_ACCESS,
    docsAccess: env.DOCS_ACCESS,
    providerDiscovery: {
      allowPrivate: env.PROVIDER_DISCOVERY_ALLOW_PRIVATE,
      connectTimeoutMs: env.PROVIDER_DISCOVERY_CONNECT_TIMEOUT_MS,
      timeoutMs: env.PROVIDER_DISCOVERY_TIMEOUT_MS,
      maxBytes: env.PROVIDER_DISCOVERY_MAX_BYTES,
      perMinute: env.PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE,
      caFile: env.PROVIDER_DISCOVERY_CA_FILE || undefined,
    },
    clientUrisAllowPrivate: env.CLIENT_URIS_ALLOW_PRIVATE,
    clientUrisCaFile: env.CLIENT_URIS_CA_FILE || undefined,
    keyRotationCheckSeconds: env.KEY_ROTATION_CHECK_SECONDS,
    providerCacheSize: env.PROVIDER_CACHE_SIZE,
    discoveryCacheSeconds: env.DISCOVERY_CACHE_SECONDS,
    jwksCacheSeconds: env.JWKS_CACHE_SECONDS,
    rateLimits: {
      metadataPerMinute: env.RATE_LIMIT_METADATA_PER_MINUTE,
      protocolPerMinute: env.RATE_LIMIT_PROTOCOL_PER_MINUTE,
      registrationPerMinute: env.RATE_LIMIT_REGISTRATION_PER_MINUTE,
      store: env.RATE_LIMIT_STORE ?? (env.REDIS_URL ? 'redis' : 'memory'),
      redisUrl: env.REDIS_URL,
    },
    argon2: { memoryKib: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST, parallelism: env.ARGON2_PARALLELISM },
    loginThrottle: {
      maxFailuresPerUser: env.LOGIN_MAX_FAILURES_PER_USER,
      maxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      lockoutSeconds: env.LOGIN_LOCKOUT_SECONDS,
    },
    tracing: env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME, scheduleDelayMs: env.OTEL_BSP_SCHEDULE_DELAY }
      : undefined,
    devSecrets,
  };
}
