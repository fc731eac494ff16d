/**
 * Heap per warm issuer: creates N issuers, then builds their providers (one discovery request
 * each) in four steps, reading the heap after a full GC before the first and after each step.
 *
 *   npm run bench:heap        (BENCH_ISSUERS=200 by default; PostgreSQL as in run.ts)
 */
import 'reflect-metadata';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/load-config.js';
import { SERVER_URL } from './harness.js';
import { markdown, SMOKE, writeReport, type Table } from './results.js';

const ISSUERS = Number(process.env.BENCH_ISSUERS ?? (SMOKE ? 20 : 200));
const STEPS = 4;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const MIB = 1024 * 1024;
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
    const res = await fetch(`${base}/v1/tenants`, { method: 'POST', headers, body });
    if (res.status !== 201) throw new Error(`create heap-${i}: ${res.status} ${await res.text()}`);
  }

  const before = heap();
  const rows: Table['rows'] = [];
  let warm = 0;
  let last = { warm: 0, grown: 0 };
  for (let step = 1; step <= STEPS; step++) {
    for (const until = Math.round((ISSUERS * step) / STEPS); warm < until; warm++) {
      const res = await fetch(`${base}/heap-${warm}/.well-known/openid-configuration`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`discovery of heap-${warm}: ${res.status}`);
    }
    const grown = heap() - before;
    rows.push({
      warm,
      heapMiB: grown / MIB,
      perIssuerKiB: grown / warm / 1024,
      stepKiB: (grown - last.grown) / (warm - last.warm) / 1024,
      rssMiB: process.memoryUsage().rss / MIB,
    });
    last = { warm, grown };
    process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
  }
  await app.close();

  const table: Table = {
    title: 'Heap of warm issuers',
    note:
      `${ISSUERS} ES256 issuers in one process (the app in the bench's own process, PostgreSQL), their providers built one discovery request ` +
      `at a time in ${STEPS} steps; heap growth over the heap before the first, each reading after three full GCs. A step's own figure (after the first) leaves out what the first providers built once for all: compiled code, shared caches. RSS is the whole process's, load generator included.`,
    columns: [
      { key: 'warm', label: 'warm issuers' },
      { key: 'heapMiB', label: 'heap growth', unit: 'MiB', digits: 1 },
      { key: 'perIssuerKiB', label: 'heap per issuer, all so far', unit: 'KiB', digits: 1 },
      { key: 'stepKiB', label: 'heap per issuer, this step', unit: 'KiB', digits: 1 },
      { key: 'rssMiB', label: 'RSS', unit: 'MiB' },
    ],
    rows,
    chart: { title: 'Heap per warm issuer (provider, keys, cached documents)', label: 'warm', values: ['perIssuerKiB', 'stepKiB'], unit: 'KiB' },
  };
  process.stdout.write(`\n${markdown(table)}`);
  process.stderr.write(
    `written to ${writeReport({ bench: 'heap', title: 'Memory per issuer', command: 'npm run bench:heap', settings: { issuers: ISSUERS }, tables: [table] })}\n`,
  );
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
