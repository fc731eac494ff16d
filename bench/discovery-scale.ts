/**
 * Discovery and JWKS at scale, against Portcullis on PostgreSQL, in one run:
 * - one hot issuer, beside a bare node:http server answering the same bytes (autocannon);
 * - BENCH_ISSUERS issuers (default 10,000): the first request to each (cold: tenant and keys
 *   read, provider built, document rendered) and the second (warm), with p50/p99 latency.
 *
 *   npm run bench:discovery     (BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_ISSUERS=10000 BENCH_CONNECTIONS=50)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CpuMeter, createDatabase, dropDatabase, freePort, measure, startPortcullis, stop, type Measurement } from './harness.js';
import { createIssuers, discoveryPath, issuerIds, jwksPath, percentile, requestEach } from './issuers.js';
import { markdown, SMOKE, writeReport, type Table } from './results.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 5));
const ISSUERS = Number(process.env.BENCH_ISSUERS ?? (SMOKE ? 50 : 10_000));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 1 : 3));

const database = `portcullis_scale_${Date.now()}`;
const databaseUrl = await createDatabase(database);
const children: ChildProcess[] = [];
const meters: CpuMeter[] = [];
try {
  const portcullis = await startPortcullis(fileURLToPath(new URL('../src/main.js', import.meta.url)), databaseUrl, {
    PROVIDER_CACHE_SIZE: String(ISSUERS + 10),
  });
  children.push(portcullis.process);
  meters.push(portcullis.meter);
  const base = portcullis.url;

  const started = performance.now();
  const ids = issuerIds(ISSUERS);
  await createIssuers(base, ids);
  process.stderr.write(`created ${ISSUERS} issuers in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  // The same bytes from bare node:http, in its own process like Portcullis.
  const hot = ids[0];
  const discovery = await (await fetch(`${base}${discoveryPath(hot)}`)).text();
  const jwks = await (await fetch(`${base}${jwksPath(hot)}`)).text();
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
  const bareMeter = await CpuMeter.open(bare.pid!);
  meters.push(bareMeter);

  const hotRun = (url: string, meter: CpuMeter) => measure(meter, { url, connections: CONNECTIONS, duration: SECONDS });
  /** Hot-issuer rows, bare and Portcullis in alternating rounds, medians: one run each in a fixed order is at the mercy of whatever else the two cores were doing. */
  const hotRows = async (warmIssuers: string): Promise<Table['rows']> => {
    const rows: Table['rows'] = [];
    for (const [name, portcullisUrl, bareUrl] of [
      [`discovery (hot issuer; ${warmIssuers} warm)`, `${base}${discoveryPath(hot)}`, `http://127.0.0.1:${barePort}/d`],
      [`JWKS (hot issuer; ${warmIssuers} warm)`, `${base}${jwksPath(hot)}`, `http://127.0.0.1:${barePort}/j`],
    ]) {
      const runs: { b: Measurement; p: Measurement }[] = [];
      for (let round = 0; round < ROUNDS; round++) runs.push({ b: await hotRun(bareUrl, bareMeter), p: await hotRun(portcullisUrl, portcullis.meter) });
      const median = (pick: (run: (typeof runs)[number]) => number) => runs.map(pick).sort((x, y) => x - y)[Math.floor(runs.length / 2)];
      const errors = runs.reduce((n, r) => n + r.b.errors + r.p.errors, 0);
      if (SMOKE && errors > 0) throw new Error(`${name}: ${errors} non-2xx answers`);
      rows.push({
        scenario: name,
        bareRps: Math.round(median((r) => r.b.rps)),
        rps: Math.round(median((r) => r.p.rps)),
        barePerCpu: Math.round(median((r) => r.b.perCpu)),
        perCpu: Math.round(median((r) => r.p.perCpu)),
        ratioCpu: median((r) => r.p.perCpu) / median((r) => r.b.perCpu),
        pgUs: median((r) => r.p.pgUs ?? 0),
        p99: median((r) => r.p.p99),
        errors,
      });
      process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
    }
    return rows;
  };

  // First with only the hot issuer in memory, then with every issuer warm (a larger heap).
  const rows = await hotRows('1 issuer');
  const cold = await requestEach(base, ids, 1);
  const warm = await requestEach(base, ids, 8);
  rows.push(...(await hotRows(`${ISSUERS} issuers`)));
  const spread = (label: string, d: number[], inFlight: number) => ({
    pass: label,
    requests: d.length,
    rps: Math.round(d.length / (d.reduce((a, b) => a + b, 0) / inFlight / 1000)),
    p50: percentile(d, 50),
    p99: percentile(d, 99),
    max: d[d.length - 1],
  });
  const hotTable: Table = {
    title: "A hot issuer's documents beside bare node:http answering the same bytes",
    note: `${ROUNDS} alternating rounds of ${SECONDS} s per side (medians), ${CONNECTIONS} connections, loopback, PostgreSQL; ${ISSUERS} ES256 issuers. Requests per CPU-second of each server process; PostgreSQL's CPU per Portcullis request beside.`,
    columns: [
      { key: 'scenario', label: 'hot issuer' },
      { key: 'bareRps', label: 'node:http req/s' },
      { key: 'rps', label: 'Portcullis req/s' },
      { key: 'barePerCpu', label: 'node:http req/CPU-s' },
      { key: 'perCpu', label: 'Portcullis req/Node CPU-s' },
      { key: 'ratioCpu', label: 'ratio (Node CPU)', unit: '×', digits: 2 },
      { key: 'pgUs', label: 'PostgreSQL per request', unit: 'µs' },
      { key: 'p99', label: 'Portcullis p99', unit: 'ms' },
      { key: 'errors', label: 'non-2xx' },
    ],
    rows,
    chart: { title: 'Hot issuer: Portcullis ÷ node:http serving the same bytes, per CPU-second', label: 'scenario', values: ['ratioCpu'], unit: '×' },
  };
  const spreadTable: Table = {
    title: `Discovery across ${ISSUERS} issuers`,
    note: 'The first request per issuer builds its provider (cold, one at a time); the second is answered from it (warm, 8 in flight).',
    columns: [
      { key: 'pass', label: 'pass' },
      { key: 'requests', label: 'requests' },
      { key: 'rps', label: 'req/s' },
      { key: 'p50', label: 'p50', unit: 'ms', digits: 2 },
      { key: 'p99', label: 'p99', unit: 'ms', digits: 2 },
      { key: 'max', label: 'max', unit: 'ms', digits: 1 },
    ],
    rows: [spread('first request per issuer (cold, one at a time)', cold, 1), spread('second request per issuer (warm, 8 in flight)', warm, 8)],
  };
  process.stdout.write(`\n${markdown(hotTable)}\n${markdown(spreadTable)}`);
  process.stderr.write(
    `written to ${writeReport({ bench: 'discovery', title: 'Discovery at scale', command: 'npm run bench:discovery', settings: { seconds: SECONDS, rounds: ROUNDS, issuers: ISSUERS, connections: CONNECTIONS }, tables: [hotTable, spreadTable] })}\n`,
  );
} finally {
  await Promise.all(meters.map((meter) => meter.close()));
  await Promise.all(children.map(stop));
  await dropDatabase(database);
}
