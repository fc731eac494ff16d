/**
 * Discovery and JWKS at scale, against Portcullis on PostgreSQL, in one run:
 * - one hot issuer, beside a bare node:http server answering the same bytes (autocannon);
 * - BENCH_ISSUERS issuers (default 10,000): the first request to each (cold: tenant and keys
 *   read, provider built, document rendered) and the second (warm), with p50/p99 latency.
 *
 *   npm run bench:discovery     (BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_ISSUERS=10000 BENCH_CONNECTIONS=50)
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ADMIN_KEY, cpuSeconds, freePort, SERVER_URL, waitReady } from './harness.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ISSUERS = Number(process.env.BENCH_ISSUERS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `task` over `items` with `concurrency` in flight; returns each duration in ms. */
async function timed<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const started = performance.now();
        await task(item);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations.sort((a, b) => a - b);
}

async function get(url: string): Promise<void> {
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
}

const database = `portcullis_scale_${Date.now()}`;
const adminDb = new pg.Client({ connectionString: SERVER_URL });
await adminDb.connect();
await adminDb.query(`CREATE DATABASE ${database}`);
const children: ChildProcess[] = [];
try {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const portcullis = spawn(process.execPath, [fileURLToPath(new URL('../src/main.js', import.meta.url))], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      PORT: String(port),
      PUBLIC_URL: base,
      LOG_LEVEL: 'warn',
      KEY_ROTATION_CHECK_SECONDS: '0',
      DATABASE_URL: Object.assign(new URL(SERVER_URL), { pathname: `/${database}` }).toString(),
      ADMIN_API_KEY: ADMIN_KEY,
      KEY_ENCRYPTION_KEY: 'ab'.repeat(32),
      PROVIDER_CACHE_SIZE: String(ISSUERS + 10),
      RATE_LIMIT_METADATA_PER_MINUTE: '0',
      RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(portcullis);
  await waitReady(base);

  const started = performance.now();
  const ids = Array.from({ length: ISSUERS }, (_, i) => `scale-${i}`);
  await timed(ids, 16, async (id) => {
    const res = await fetch(`${base}/v1/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issuer_id: id, signing_alg: 'ES256' }),
    });
    if (res.status !== 201) throw new Error(`create ${id}: ${res.status}`);
  });
  process.stderr.write(`created ${ISSUERS} issuers in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  // The same bytes from bare node:http, in its own process like Portcullis.
  const hot = ids[0];
  const discovery = await (await fetch(`${base}/${hot}/.well-known/openid-configuration`)).text();
  const jwks = await (await fetch(`${base}/${hot}/jwks.json`)).text();
  const barePort = await freePort();
  const bare = spawn(
    process.execPath,
    [
      '-e',
      `
    const documents = { '/d': ${JSON.stringify(discovery)}, '/j': ${JSON.stringify(jwks)} };
    require('node:http').createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(documents[req.url]);
    }).listen(${barePort}, '127.0.0.1', () => console.log('ready'));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(bare);
  await new Promise((resolve) => bare.stdout.once('data', resolve));

  const measure = async (url: string, pid: number) => {
    const cpu = cpuSeconds(pid);
    const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
    return {
      rps: result.requests.average,
      perCpu: result.requests.total / Math.max(cpuSeconds(pid) - cpu, 0.01),
      p99: result.latency.p99,
      errors: result.non2xx + result.errors,
    };
  };
  /** Hot-issuer rows, bare and Portcullis in alternating rounds, medians: one run each in a fixed order is at the mercy of whatever else the two cores were doing. */
  const hotRows = async (warmIssuers: string): Promise<string[]> => {
    const rows: string[] = [];
    for (const [name, portcullisUrl, bareUrl] of [
      [`discovery (hot issuer; ${warmIssuers} warm)`, `${base}/${hot}/.well-known/openid-configuration`, `http://127.0.0.1:${barePort}/d`],
      [`JWKS (hot issuer; ${warmIssuers} warm)`, `${base}/${hot}/jwks.json`, `http://127.0.0.1:${barePort}/j`],
    ]) {
      const runs: { b: Awaited<ReturnType<typeof measure>>; p: Awaited<ReturnType<typeof measure>> }[] = [];
      for (let round = 0; round < ROUNDS; round++) runs.push({ b: await measure(bareUrl, bare.pid!), p: await measure(portcullisUrl, portcullis.pid!) });
      const median = (pick: (run: (typeof runs)[number]) => number) => runs.map(pick).sort((x, y) => x - y)[Math.floor(runs.length / 2)];
      const b = { rps: median((r) => r.b.rps), perCpu: median((r) => r.b.perCpu), errors: runs.reduce((n, r) => n + r.b.errors, 0) };
      const p = {
        rps: median((r) => r.p.rps),
        perCpu: median((r) => r.p.perCpu),
        p99: median((r) => r.p.p99),
        errors: runs.reduce((n, r) => n + r.p.errors, 0),
      };
      rows.push(
        `| ${name} | ${b.rps.toFixed(0)} | ${p.rps.toFixed(0)} | ${(p.rps / b.rps).toFixed(2)} | ${b.perCpu.toFixed(0)} | ${p.perCpu.toFixed(0)} | ${(p.perCpu / b.perCpu).toFixed(2)} | ${p.p99} ms | ${b.errors}/${p.errors} |`,
      );
    }
    return rows;
  };

  // First with only the hot issuer in memory, then with every issuer warm (a larger heap).
  const rows = await hotRows('1 issuer');
  const cold = await timed(ids, 1, (id) => get(`${base}/${id}/.well-known/openid-configuration`));
  const warm = await timed(ids, 8, (id) => get(`${base}/${id}/.well-known/openid-configuration`));
  rows.push(...(await hotRows(`${ISSUERS} issuers`)));
  const spread = (label: string, d: number[], inFlight: number) =>
    `| ${label} | ${ISSUERS} | ${(ISSUERS / (d.reduce((a, b) => a + b, 0) / inFlight / 1000)).toFixed(0)} | ${percentile(d, 50).toFixed(2)} ms | ${percentile(d, 99).toFixed(2)} ms | ${d[d.length - 1].toFixed(1)} ms |`;
  process.stdout.write(
    [
      `\n${ROUNDS} alternating rounds of ${SECONDS} s per side (medians), ${CONNECTIONS} connections, loopback, PostgreSQL; ${ISSUERS} ES256 issuers\n`,
      '| hot issuer | node:http req/s | Portcullis req/s | ratio | node:http req/CPU-s | Portcullis req/CPU-s | ratio (CPU) | Portcullis p99 | non-2xx |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      '| spread over issuers | requests | req/s | p50 | p99 | max |',
      '|---|---:|---:|---:|---:|---:|',
      spread('discovery, first request per issuer (cold, one at a time)', cold, 1),
      spread('discovery, second request per issuer (warm, 8 in flight)', warm, 8),
      '',
    ].join('\n'),
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await adminDb.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminDb.end();
}
