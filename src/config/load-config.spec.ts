import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

const dataDir = () => mkdtemp(join(tmpdir(), 'portcullis-config-'));
const KEY = 'k'.repeat(40);
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
    expect(config.keyEncryptionKey).toEqual(Buffer.from(KEK, 'hex'));
  });

  it('derives PUBLIC_URL from PORT and strips a trailing slash from an explicit one', async () => {
    const base = { DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK };
    expect((await loadConfig({ ...base, PORT: '8080' })).publicUrl).toBe('http://localhost:8080');
    expect((await loadConfig({ ...base, PUBLIC_URL: 'https://id.example.com/' })).publicUrl).toBe('https://id.example.com');
  });

  it('refuses a PUBLIC_URL with a path: issuers hang directly off the origin', async () => {
    const error = await loadConfig({ DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK, PUBLIC_URL: 'https://h.example/auth' }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems[0]).toMatch(/^PUBLIC_URL must be an origin without a path/);
  });

  it('treats an empty variable as unset', async () => {
    const config = await loadConfig({ DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: KEK, PORT: '', DATABASE_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('accepts a base64 key-encryption key', async () => {
    const key = Buffer.alloc(32, 7);
    const config = await loadConfig({ DATA_DIR: await dataDir(), ADMIN_API_KEY: KEY, KEY_ENCRYPTION_KEY: key.toString('base64') });
    expect(config.keyEncryptionKey).toEqual(key);
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
    expect(second.keyEncryptionKey).toEqual(first.keyEncryptionKey);
  });

  it('in production, requires both keys and writes nothing', async () => {
    const dir = await dataDir();
    const error = await loadConfig({ NODE_ENV: 'production', DATA_DIR: dir }).catch((e) => e);
    expect(error.problems).toEqual([
      'ADMIN_API_KEY is required when NODE_ENV=production',
      'KEY_ENCRYPTION_KEY is required when NODE_ENV=production',
    ]);
    await expect(stat(join(dir, 'admin-api-key'))).rejects.toThrow();
  });
});
