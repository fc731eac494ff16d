/**
 * Writes the OpenAPI document the code generates to `openapi/openapi.json`, or with
 * `--check` fails when the committed file differs from it. The application is built in
 * Nest's preview mode: controllers are read, no provider runs, no database is needed.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/load-config.js';
import { buildOpenApiDocument } from '../src/openapi.js';

/** Scripts run from the project root (npm sets the working directory). */
export const OPENAPI_FILE = resolve('openapi/openapi.json');

/** The document as committed: sorted keys, two-space indent, final newline. */
export async function generateOpenApiText(): Promise<string> {
  const config = await loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://preview@127.0.0.1/preview',
    ADMIN_API_KEY: 'preview-only-admin-key-not-used-anywhere',
    KEY_ENCRYPTION_KEY: '0'.repeat(64),
  });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const generated = await generateOpenApiText();
  if (process.argv.includes('--check')) {
    const committed = await readFile(OPENAPI_FILE, 'utf8').catch(() => '');
    if (committed !== generated) {
      process.stderr.write('openapi/openapi.json is out of date: run `npm run openapi:generate` and commit the result.\n');
      process.exit(1);
    }
    process.stdout.write('openapi/openapi.json matches the code.\n');
    return;
  }
  await writeFile(OPENAPI_FILE, generated);
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
