import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { inject } from 'vitest';
import { AdminKeysModule } from '../../src/admin-keys/admin-keys.module.js';
import { platformModules } from '../../src/app.module.js';
import { loadConfig } from '../../src/config/load-config.js';
import { TenantTransferModule } from '../../src/tenant-transfer/tenant-transfer.module.js';
import { TEST_ADMIN_KEY, TEST_KEK, tempDir } from './app.js';

/**
 * The admin services as the application wires them (the real modules: tenancy, keys, clients,
 * accounts and the engine below them, on the run's database), in a Nest application context
 * with no HTTP in front: for tests that call services directly. AdminKeysModule is there for
 * the guard its controllers' modules resolve. Close it after use.
 */
export async function openServices(): Promise<INestApplicationContext> {
  const config = await loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    DATABASE_URL: inject('databaseUrl'),
    ADMIN_API_KEY: TEST_ADMIN_KEY,
    KEY_ENCRYPTION_KEY: TEST_KEK,
    KEY_ROTATION_CHECK_SECONDS: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: await tempDir(),
  });
  const services = {
    module: class ServicesModule {},
    imports: [...platformModules(config), AdminKeysModule, TenantTransferModule],
  };
  return NestFactory.createApplicationContext(services, { logger: false, abortOnError: false });
}
