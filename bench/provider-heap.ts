/**
 * Heap per warm issuer: creates N issuers, then measures the heap before and after each one's
 * provider is built (one discovery request each), with a full GC around both readings.
 *
 *   npm run bench:heap        (BENCH_ISSUERS=200 by default; PostgreSQL as in run.ts)
 */
import 'reflect-metadata';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';

const ISSUERS = Number(process.env.BENCH_ISSUERS ?? 200);
import { SERVER_URL } from './harness.js';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const heap = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};

const database = `portcullis_heap_${Date.now()}`;
const admin = new pg.Client({ connectionString: SERVER_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
try {
  const config = await loadConfig({
    NODE_ENV: 'production',
    ALLOW_INSECURE_PUBLIC_URL: 'true',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: Object.assign(new URL(SERVER_URL), { pathname: `/${database}` }).toString(),
    ADMIN_API_KEY: 'heap-bench-admin-key-0123456789abcdefghij',
    KEY_ENCRYPTION_KEY: 'cd'.repeat(32),
    KEY_ROTATION_CHECK_SECONDS: '0',
    PROVIDER_CACHE_SIZE: String(ISSUERS * 2),
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const headers = { authorization: `Bearer ${config.adminApiKey}`, 'content-type': 'application/json' };
  for (let i = 0; i < ISSUERS; i++) {
    const body = JSON.stringify({ issuer_id: `heap-${i}`, signing_alg: 'ES256' });
    await (await fetch(`${base}/v1/tenants`, { method: 'POST', headers, body })).text();
  }
  const before = heap();
  for (let i = 0; i < ISSUERS; i++) await (await fetch(`${base}/heap-${i}/.well-known/openid-configuration`)).text();
  const after = heap();
  process.stdout.write(
    `${ISSUERS} warm issuers: heap +${((after - before) / 1024 / 1024).toFixed(1)} MiB, ` +
      `${((after - before) / ISSUERS / 1024).toFixed(1)} KiB per issuer; RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB\n`,
  );
  await app.close();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
