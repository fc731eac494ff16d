/**
 * Writes the OpenAPI document the code generates to `openapi/openapi.json` and its
 * TypeScript types to `openapi/openapi.d.ts`, or with `--check` fails when a committed file
 * differs. Either way it fails on a document that is not valid OpenAPI 3.1. The application
 * is built in Nest's preview mode: controllers are read, no provider runs, no database is needed.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/load-config.js';
import { buildOpenApiDocument } from '../src/openapi.js';
import { generateOpenApiTypes } from './openapi-types.js';
import { validateOpenApi } from './validate-openapi.js';

/** Scripts run from the project root (npm sets the working directory). */
export const OPENAPI_FILE = resolve('openapi/openapi.json');
export const OPENAPI_TYPES_FILE = resolve('openapi/openapi.d.ts');

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
  const text = await generateOpenApiText();
  const document = JSON.parse(text) as object;
  const problems = await validateOpenApi(document);
  if (problems.length) {
    process.stderr.write(`the generated document is not valid OpenAPI 3.1:\n${problems.map((p) => `  ${p}\n`).join('')}`);
    process.exit(1);
  }
  const files = [
    { path: OPENAPI_FILE, text },
    { path: OPENAPI_TYPES_FILE, text: await generateOpenApiTypes(document) },
  ];
  if (process.argv.includes('--check')) {
    const stale = [];
    for (const file of files) {
      if ((await readFile(file.path, 'utf8').catch(() => '')) !== file.text) stale.push(file.path);
    }
    if (stale.length) {
      process.stderr.write(`out of date: ${stale.join(', ')}: run \`npm run openapi:generate\` and commit the result.\n`);
      process.exit(1);
    }
    process.stdout.write('openapi/openapi.json is valid OpenAPI 3.1; it and openapi/openapi.d.ts match the code.\n');
    return;
  }
  for (const file of files) {
    await writeFile(file.path, file.text);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
