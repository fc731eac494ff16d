import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminKeyBits, ConfigError, loadConfig } from './load-config.js';

const dataDir = () => mkdtemp(join(tmpdir(), 'portcullis-config-'));
const KEY = 'kZ3x9Qp7Lm2Vw8Rt4Yb6Nc1Hj5Gf0DsXa';
const KEK = 'ab'.repeat(32);

describe(loadConfig.name, () => {
  it('applies the documented defaults', async () => {
    const config = await loadConfig({ DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      databasePoolSize: 4,
      logLevel: 'info',
      bodyLimitBytes: 1_048_576,
      providerDiscovery: { allowPrivate: false, connectTimeoutMs: 3000, timeoutMs: 5000, maxBytes: 524_288, perMinute: 30 },
    });
    expect(config.keyEncryptionKeys).toEqual([{ id: 'default', key: Buffer.from(KEK, 'hex') }]);
  });

  it('derives PUBLIC_URL from PORT and strips a trailing slash from an explicit one', async () => {
    const base = { DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK };
    expect((await loadConfig({ ...base, PORT: '8080' })).publicUrl).toBe('http://localhost:8080');
    expect((await loadConfig({ ...base, PUBLIC_URL: 'https://id.example.com/' })).publicUrl).toBe('https://id.example.com');
  });

  it('refuses a PUBLIC_URL with a path: issuers hang directly off the origin', async () => {
    const error = await loadConfig({ DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK, PUBLIC_URL: 'https://h.example/auth' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems[0]).toMatch(/^PUBLIC_URL must be an origin without a path/);
  });

  it('treats an empty variable as unset', async () => {
    const config = await loadConfig({ DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK, PORT: '', DATABASE_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('turns tracing on with OTEL_EXPORTER_OTLP_ENDPOINT only, and refuses an endpoint that is no plain http(s) URL', async () => {
    const base = { DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK };
    expect((await loadConfig({ ...base, OTEL_SERVICE_NAME: 'idp', OTEL_BSP_SCHEDULE_DELAY: '100' })).tracing).toBeUndefined();
    expect((await loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' })).tracing).toEqual({
      endpoint: 'http://otel-collector:4318',
      serviceName: 'portcullis',
      scheduleDelayMs: 5000,
    });
    for (const endpoint of ['otel-collector:4318', 'grpc://otel:4317', 'https://user:pass@otel.example.com', 'http://otel:4318/?x=1']) {
      const error = (await loadConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }).catch((e: unknown) => e)) as ConfigError;
      expect(error.problems, endpoint).toEqual([
        'OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http(s) URL without credentials, query or fragment, e.g. http://otel-collector:4318',
      ]);
    }
  });

  it('accepts a base64 key-encryption key', async () => {
    const key = Buffer.alloc(32, 7);
    const config = await loadConfig({ DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: key.toString('base64') });
    expect(config.keyEncryptionKeys).toEqual([{ id: 'default', key }]);
  });

  it('reads KEY_ENCRYPTION_KEYS as id:key pairs, the sealing key first, and refuses it beside KEY_ENCRYPTION_KEY, with a repeated id or a bad entry', async () => {
    const next = Buffer.alloc(32, 9);
    const base = { DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY };
    const config = await loadConfig({ ...base, KEY_ENCRYPTION_KEYS: `2026-12:${next.toString('base64')},default:${KEK}` });
    expect(config.keyEncryptionKeys).toEqual([
      { id: '2026-12', key: next },
      { id: 'default', key: Buffer.from(KEK, 'hex') },
    ]);
    expect((await loadConfig({ ...base, KEY_ENCRYPTION_KEY: KEK, KEY_ENCRYPTION_KEYS: `k2:${KEK}` }).catch((e) => e)).problems).toEqual([
      "set KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEYS, not both (KEY_ENCRYPTION_KEY is the key with id 'default')",
    ]);
    expect((await loadConfig({ ...base, KEY_ENCRYPTION_KEYS: `k2:${KEK},k2:${KEK}` }).catch((e) => e)).problems).toEqual([
      "KEY_ENCRYPTION_KEYS names key id 'k2' twice",
    ]);
    for (const bad of [KEK, `K2:${KEK}`, `k2:${'ab'.repeat(16)}`, `k.2:${KEK}`, `k2:${KEK},`]) {
      const error = await loadConfig({ ...base, KEY_ENCRYPTION_KEYS: bad }).catch((e) => e);
      expect(error.problems, bad).toEqual([expect.stringMatching(/^KEY_ENCRYPTION_KEYS must be a comma-separated list of id:key/)]);
    }
  });

  it('reports every bad variable, one line each', async () => {
    const error = await loadConfig({ PORT: '-1', DATABASE_URL: 'mysql://x', PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'yes' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual([
      'PORT must be an integer between 0 and 65535',
      'DATABASE_URL must be a postgres:// or postgresql:// URL',
      'PROVIDER_DISCOVERY_ALLOW_PRIVATE must be true or false',
    ]);
  });

  it('in development, generates the admin key and encryption key once into DATA_DIR, owner-only, and reuses them', async () => {
    const dir = await dataDir();
    const first = await loadConfig({ DATA_DIR: dir });
    expect(first.devSecrets.generatedAdminApiKey).toBe(first.adminApiKey);
    expect((await readFile(join(dir, 'admin-api-key'), 'utf8')).trim()).toBe(first.adminApiKey);
    expect((await stat(join(dir, 'admin-api-key'))).mode & 0o077).toBe(0);
    const second = await loadConfig({ DATA_DIR: dir });
    expect(second.devSecrets.generatedAdminApiKey).toBeUndefined();
    expect(second.adminApiKey).toBe(first.adminApiKey);
    expect(second.keyEncryptionKeys).toEqual(first.keyEncryptionKeys);
  });

  it('in production, requires both keys and writes nothing', async () => {
    const dir = await dataDir();
    const error = await loadConfig({ NODE_ENV: 'production', DATA_DIR: dir }).catch((e) => e);
    expect(error.problems).toEqual([
      'ADMIN_API_KEY is required when NODE_ENV=production',
      'KEY_ENCRYPTION_KEY is required when NODE_ENV=production (or set KEY_ENCRYPTION_KEYS)',
    ]);
    await expect(stat(join(dir, 'admin-api-key'))).rejects.toThrow();
  });

  it('trusts no proxy by default; TRUST_PROXY takes a hop count or a list, and refuses true', async () => {
    const base = { DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK };
    const trust = async (value?: string) => (await loadConfig({ ...base, TRUST_PROXY: value })).trustProxy;
    expect((await trust())('127.0.0.1', 0)).toBe(false);
    expect((await trust('0'))('127.0.0.1', 0)).toBe(false);
    const oneHop = await trust('1');
    expect([oneHop('203.0.113.1', 0), oneHop('203.0.113.1', 1)]).toEqual([true, false]);
    const listed = await trust('loopback, 10.0.0.0/8');
    expect([listed('127.0.0.1', 0), listed('10.1.2.3', 1), listed('192.168.1.1', 0)]).toEqual([true, true, false]);
    for (const [value, message] of [
      ['true', /^TRUST_PROXY must not be true/],
      ['10.0.0.0/8, ingress', /^TRUST_PROXY must be a hop count or a comma-separated list/],
    ] as const) {
      const error = await loadConfig({ ...base, TRUST_PROXY: value }).catch((e) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.problems[0]).toMatch(message);
    }
  });

  it('in production, refuses an http PUBLIC_URL unless ALLOW_INSECURE_PUBLIC_URL=true', async () => {
    const production = { NODE_ENV: 'production', DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK };
    const error = await loadConfig({ ...production, PUBLIC_URL: 'http://id.example.com' }).catch((e) => e);
    expect(error.problems).toEqual([expect.stringMatching(/^PUBLIC_URL must be https:\/\/ when NODE_ENV=production .*ALLOW_INSECURE_PUBLIC_URL=true/)]);
    expect((await loadConfig({ ...production, PUBLIC_URL: 'http://id.example.com', ALLOW_INSECURE_PUBLIC_URL: 'true' })).publicUrl).toBe(
      'http://id.example.com',
    );
    expect((await loadConfig({ ...production, PUBLIC_URL: 'https://id.example.com' })).publicUrl).toBe('https://id.example.com');
    // Development keeps http.
    expect((await loadConfig({ DATA_DIR: production.DATA_DIR, ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK })).publicUrl).toBe('http://localhost:3000');
  });

  it('in production, refuses an admin key below 128 bits by its character classes', async () => {
    expect(adminKeyBits('0123456789'.repeat(3) + '01')).toBeLessThan(128); // 32 digits: ~106 bits
    expect(adminKeyBits('a'.repeat(32))).toBe(0); // one symbol, however long
    expect(adminKeyBits('ab'.repeat(64))).toBe(0); // two symbols: no generator's output
    expect(adminKeyBits('abcdefgh'.repeat(4))).toBe(96); // eight symbols: 3 bits each
    expect(adminKeyBits('3f9a0c7e51b23a4a6c0e9f3a7b1532ca')).toBe(128); // openssl rand -hex 16 that uses 14 of the 16 digits
    expect(adminKeyBits('Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5')).toBeGreaterThan(128);
    const production = { NODE_ENV: 'production', DATA_DIR: await dataDir(), KEY_ENCRYPTION_KEY: KEK, PUBLIC_URL: 'https://id.example.com' };
    const error = await loadConfig({ ...production, ADMIN_API_KEY: '1'.repeat(38) }).catch((e) => e);
    expect(error.problems).toEqual([expect.stringMatching(/^ADMIN_API_KEY is too easy to guess \(about 0 bits; production needs 128\)/)]);
    const digits = '0123456789'.repeat(4).slice(0, 39); // 39 digits: ~129 bits
    expect((await loadConfig({ ...production, ADMIN_API_KEY: digits })).adminApiKey).toBe(digits);
    // Development takes any key of the required length.
    expect((await loadConfig({ DATA_DIR: production.DATA_DIR, KEY_ENCRYPTION_KEY: KEK, ADMIN_API_KEY: '1'.repeat(32) })).adminApiKey).toBe('1'.repeat(32));
  });
});
