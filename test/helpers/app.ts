import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { TEST_ADMIN_KEY, TEST_KEK } from './test-secrets.js';

export { TEST_ADMIN_KEY, TEST_KEK } from './test-secrets.js';

export interface RunningApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** `http://127.0.0.1:port` (or `http://localhost:port`, see startApp), no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export const tempDir = (prefix = 'portcullis-') => mkdtemp(join(tmpdir(), prefix));

/** A loopback port free right now: the app must know its port before it starts, since PUBLIC_URL contains it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Boots the real application on a free loopback port, with PUBLIC_URL pointing at it (so
 * relying parties can discover it). By default it uses the run's PostgreSQL database; pass
 * `DATABASE_URL: ''` and a `DATA_DIR` for the embedded store. With `host: 'localhost'`, PUBLIC_URL
 * (and `url`) name the port at `localhost`: WebAuthn needs a domain as RP ID, not an IP address.
 */
export async function startApp(env: Record<string, string> = {}, { host = '127.0.0.1' }: { host?: '127.0.0.1' | 'localhost' } = {}): Promise<RunningApp> {
  const port = await freePort();
  const config = await loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: `http://${host}:${port}`,
    KEY_ROTATION_CHECK_SECONDS: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: inject('databaseUrl'),
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    KEY_ENCRYPTION_KEY: TEST_KEK,
    DATA_DIR: await tempDir(),
    ...env,
  });
  const app = await createApp(config);
  await app.listen(config.port, '127.0.0.1');
  const url = `http://${host}:${config.port}`;
  return { app, config, url, close: () => app.close() };
}
