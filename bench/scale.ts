/**
 * 100,000 issuers on one PostgreSQL database, in one run:
 * - bulk creation: a few issuers through the admin API, the rest cloned from them in SQL
 *   (bench/issuers.ts, `cloneIssuers`), timed;
 * - start: spawn → listening and → /readyz 200, and the start's CPU, with the templates only
 *   (about 10 issuers) and with all of them: the start must not depend on the count;
 * - one process at the default PROVIDER_CACHE_SIZE: discovery's first (cold) request to each of
 *   BENCH_SCALE_COLD distinct issuers, one at a time, then its RSS and V8 heap; the admin list
 *   (every page, filters, deep cursors) and the audit log's queries, p50/p99;
 * - a second process with the cache at the issuer count, warmed (bounded in time and RSS): its
 *   RSS and heap, and its idle CPU (what keeping that many warm costs);
 * - a change made on the first process (a tenant disabled, then enabled) until the second
 *   serves it: propagation, p50/p99.
 *
 *   npm run bench:scale    (BENCH_SCALE_ISSUERS=100000 BENCH_SCALE_COLD=10000 BENCH_SCALE_WARM_SECONDS=240
 *                           BENCH_SCALE_WARM_MAX_RSS_MIB=4096; BENCH_SMOKE=1: 1,000 issuers, 200 cold, seconds)
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { admin, ADMIN_KEY, cpuSeconds, CpuMeter, createDatabase, dropDatabase, spawnPortcullis, startPortcullis, stop, type Server } from './harness.js';
import type { CpuUse } from './cpu.js';
import { cloneIssuers, discoveryPath, issuerIds, percentile, requestEach } from './issuers.js';
import { markdown, SMOKE, writeReport, type Cell, type Table } from './results.js';

const env = (name: string, full: number, smoke: number) => Number(process.env[name] ?? (SMOKE ? smoke : full));
const ISSUERS = env('BENCH_SCALE_ISSUERS', 100_000, 1_000);
const COLD = Math.min(env('BENCH_SCALE_COLD', 10_000, 200), ISSUERS);
const TEMPLATES = 10;
/** Starts timed per database size; the median is reported. */
const STARTS = env('BENCH_SCALE_STARTS', 3, 1);
/** Samples of each repeated admin query. */
const SAMPLES = env('BENCH_SCALE_SAMPLES', 200, 10);
/** Bounds on warming the second process: time, and its RSS (the machine is shared). */
const WARM_SECONDS = env('BENCH_SCALE_WARM_SECONDS', 240, 3);
const WARM_MAX_RSS_MIB = env('BENCH_SCALE_WARM_MAX_RSS_MIB', 4096, 1024);
/** Issuers warmed between two checks of the bounds. */
const WARM_CHUNK = 250;
const PROPAGATIONS = env('BENCH_SCALE_PROPAGATIONS', 20, 2);
/** Longest a list walk may take, and its page count bound: every page of 100,000 at 200 a page is 500. */
const WALK_SECONDS = 60;
const WALK_PAGES = 1_000;

/** The second process's PROVIDER_CACHE_SIZE: every issuer, within the variable's bound (100,000). */
const BIG_CACHE = Math.min(ISSUERS, 100_000);
const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
/** What the harness gives every server (bench/harness.ts startPortcullis). */
const MiB = 2 ** 20;

const stderr = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Latencies in ms of `count` calls of `call`, one at a time (a server's latency, not a queue's), bounded by `seconds`. */
async function sequential(count: number, seconds: number, call: (i: number) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const started = performance.now();
    await call(i);
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

async function getJson(url: string): Promise<any> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_KEY}` }, signal: AbortSignal.timeout(30_000) });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** RSS from /proc (exact), V8's used and total heap from the process's own /metrics. */
async function memoryOf(server: Server): Promise<{ rssMiB: number; heapUsedMiB: number; heapTotalMiB: number; cached: number }> {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const metric = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
  return {
    rssMiB: rssKiB / 1024,
    heapUsedMiB: metric('nodejs_heap_size_used_bytes') / MiB,
    heapTotalMiB: metric('nodejs_heap_size_total_bytes') / MiB,
    cached: metric('portcullis_provider_cache_entries'),
  };
}

interface StartTiming {
  listeningMs: number;
  readyMs: number;
  cpuS: number;
  /** Of the PostgreSQL backends it opened while starting (migrations, start checks). */
  pgCpuS: number;
  readyzP50: number;
  readyzP99: number;
}

/**
 * Spawns Portcullis as startPortcullis does (same environment) and polls /readyz every 5 ms:
 * the first answer of any status is the moment it listens, the first 200 the moment it is
 * ready (startPortcullis polls every 100 ms, too coarse to time a start). Then /readyz itself,
 * 50 times; then it stops, unless kept: then it is returned as a Server, metered.
 */
async function timedStart(databaseUrl: string, keep = false): Promise<StartTiming & { server?: Server }> {
  const started = performance.now();
  const spawnedAt = new Date();
  const { url, child, log } = await spawnPortcullis(MAIN, databaseUrl);
  let kept = false;
  try {
    let listeningMs: number | undefined;
    let readyMs: number | undefined;
    while (readyMs === undefined) {
      if (child.exitCode !== null) throw new Error(`Portcullis exited with ${child.exitCode} while starting`);
      if (performance.now() - started > 60_000) throw new Error('not ready in 60 s');
      const res = await fetch(`${url}/readyz`).catch(() => null);
      if (res) {
        await res.arrayBuffer();
        listeningMs ??= performance.now() - started;
        if (res.status === 200) readyMs = performance.now() - started;
      } else await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const cpuS = cpuSeconds(child.pid!);
    const pgCpuS = await backendCpuSince(databaseUrl, spawnedAt);
    const readyz = await sequential(50, 10, async () => {
      const res = await fetch(`${url}/readyz`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/readyz: ${res.status}`);
    });
    const timing = { listeningMs: listeningMs!, readyMs, cpuS, pgCpuS, readyzP50: percentile(readyz, 50), readyzP99: percentile(readyz, 99) };
    if (!keep) return timing;
    const server = { url, process: child, meter: await CpuMeter.open(child.pid!, databaseUrl), log };
    kept = true;
    return { ...timing, server };
  } finally {
    if (!kept) await stop(child);
  }
}

/**
 * CPU seconds of the PostgreSQL backends of `databaseUrl`'s database opened since `since` (a
 * starting process's own: other processes' connections are older), from /proc; 0 when the
 * server is not on this machine.
 */
async function backendCpuSince(databaseUrl: string, since: Date): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_start >= $1',
      [since],
    );
    return rows.reduce((sum, { pid }) => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return sum + (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return sum;
      }
    }, 0);
  } finally {
    await db.end();
  }
}

/** The median of `STARTS` timed starts; the last one's process is kept (and returned) when `keep`. */
async function startTimings(databaseUrl: string, label: string, keep = false): Promise<{ row: Record<string, Cell>; server?: Server }> {
  const runs: Array<StartTiming & { server?: Server }> = [];
  for (let i = 0; i < STARTS; i++) runs.push(await timedStart(databaseUrl, keep && i === STARTS - 1));
  const pick = (key: keyof StartTiming) => round(median(runs.map((run) => run[key])), key.endsWith('CpuS') || key === 'cpuS' ? 2 : 1);
  return {
    row: {
      issuers: label,
      listening: pick('listeningMs'),
      ready: pick('readyMs'),
      cpu: pick('cpuS'),
      pgCpu: pick('pgCpuS'),
      readyzP50: pick('readyzP50'),
      readyzP99: pick('readyzP99'),
    },
    server: runs[runs.length - 1].server,
  };
}

/** Latencies in ms, sorted, and the CPU the server (Node, and its PostgreSQL backends) spent on them. */
interface Timed {
  durations: number[];
  cpu?: CpuUse;
}

/** Runs `work` with `server`'s meter around it. */
async function metered(server: Server, work: () => Promise<number[]>): Promise<Timed> {
  await server.meter.start();
  const durations = await work();
  return { durations, cpu: await server.meter.stop() };
}

/** A latency row: requests, p50, p99, max, CPU per request, and the target when there is one. */
function latencyRow(query: string, { durations, cpu }: Timed, targetMs?: number): Record<string, Cell> {
  const p99 = percentile(durations, 99);
  const perRequest = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? null : round((seconds * 1e6) / durations.length, 0));
  return {
    query,
    requests: durations.length,
    p50: round(percentile(durations, 50)),
    p99: round(p99),
    max: round(durations[durations.length - 1]),
    nodeUs: perRequest(cpu?.node),
    pgUs: perRequest(cpu?.postgres),
    target: targetMs === undefined ? null : `< ${targetMs}`,
    met: targetMs === undefined ? null : p99 < targetMs ? 'yes' : 'NO',
  };
}

/** The latency table's columns. */
const latencyColumns = (first: string, target: string) => [
  { key: 'query', label: first },
  { key: 'requests', label: 'requests' },
  { key: 'p50', label: 'p50', unit: 'ms', digits: 2 },
  { key: 'p99', label: 'p99', unit: 'ms', digits: 2 },
  { key: 'max', label: 'max', unit: 'ms', digits: 1 },
  { key: 'nodeUs', label: 'Node CPU/req', unit: 'µs' },
  { key: 'pgUs', label: 'PostgreSQL CPU/req', unit: 'µs' },
  { key: 'target', label: target },
  { key: 'met', label: 'met' },
];

/** Follows `next_cursor` from `path` to the last page (within the walk's bounds); returns each page's latency and the cursors seen. */
async function walk(server: Server, path: string): Promise<Timed & { cursors: string[] }> {
  const base = server.url;
  const cursors: string[] = [];
  const durations: number[] = [];
  const separator = path.includes('?') ? '&' : '?';
  const deadline = performance.now() + WALK_SECONDS * 1000;
  let cursor: string | null = null;
  await server.meter.start();
  do {
    const started = performance.now();
    const page: { next_cursor: string | null } = await getJson(`${base}${path}${cursor ? `${separator}cursor=${cursor}` : ''}`);
    durations.push(performance.now() - started);
    cursor = page.next_cursor;
    if (cursor) cursors.push(cursor);
  } while (cursor && durations.length < WALK_PAGES && performance.now() < deadline);
  return { durations: durations.sort((x, y) => x - y), cpu: await server.meter.stop(), cursors };
}

/** `count` samples of GET `paths(i)`, one at a time, metered. */
const repeated = (server: Server, count: number, paths: (i: number) => string) =>
  metered(server, () =>
    sequential(count, WALK_SECONDS, async (i) => {
      await getJson(`${server.url}${paths(i)}`);
    }),
  );

/**
 * A change through `writer` (the tenant disabled, then enabled again), timed from the admin
 * API's answer (the change committed) until `reader` serves it, polled every 2 ms.
 */
async function propagation(writer: Server, reader: Server, issuerId: string, count: number): Promise<number[]> {
  const url = `${reader.url}${discoveryPath(issuerId)}`;
  const status = async () => {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.status;
  };
  if ((await status()) !== 200) throw new Error(`${issuerId} is not served by the reader`);
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const enabled = i % 2 === 1;
    await admin(writer.url, 'PATCH', `/v1/tenants/${issuerId}`, { enabled });
    const changed = performance.now();
    const expected = enabled ? 200 : 404;
    while ((await status()) !== expected) {
      if (performance.now() - changed > 10_000) throw new Error(`change to ${issuerId} not served by the reader in 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    durations.push(performance.now() - changed);
  }
  // Left enabled.
  if (count % 2 === 1) await admin(writer.url, 'PATCH', `/v1/tenants/${issuerId}`, { enabled: true });
  return durations.sort((a, b) => a - b);
}

/** Every issuer's discovery document once, 8 in flight, until all are warm, `WARM_SECONDS` pass or RSS passes `WARM_MAX_RSS_MIB`. */
async function warm(server: Server, ids: string[]): Promise<{ warmed: number; seconds: number; stoppedBy: string }> {
  const started = performance.now();
  let warmed = 0;
  for (let i = 0; i < ids.length; i += WARM_CHUNK) {
    if (performance.now() - started > WARM_SECONDS * 1000) return { warmed, seconds: (performance.now() - started) / 1000, stoppedBy: 'time' };
    if ((await memoryOf(server)).rssMiB > WARM_MAX_RSS_MIB) return { warmed, seconds: (performance.now() - started) / 1000, stoppedBy: 'RSS' };
    await requestEach(server.url, ids.slice(i, i + WARM_CHUNK), 8);
    warmed = Math.min(ids.length, i + WARM_CHUNK);
  }
  return { warmed, seconds: (performance.now() - started) / 1000, stoppedBy: 'all warm' };
}

/** A deterministic spread of `count` of `ids` (every k-th), so cold requests hit the whole table, not its first pages. */
const spread = (ids: string[], count: number) => {
  const step = Math.max(1, Math.floor(ids.length / count));
  return Array.from({ length: Math.min(count, ids.length) }, (_, i) => ids[(i * step + 7) % ids.length]);
};

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' ');
  stderr(`bench:scale: ${ISSUERS} issuers${SMOKE ? ' (smoke)' : ''}; load ${load()}`);
  const database = `portcullis_scale_${Date.now()}`;
  const databaseUrl = await createDatabase(database);
  const servers: Server[] = [];
  const started = async (extra: Record<string, string> = {}) => {
    const server = await startPortcullis(MAIN, databaseUrl, extra);
    servers.push(server);
    return server;
  };
  try {
    // The second process (its cache as large as the issuer count) makes the templates through the
    // admin API, as an operator creates issuers, and serves on while the rest are cloned.
    const apiStarted = performance.now();
    const b = await started({ PROVIDER_CACHE_SIZE: String(BIG_CACHE) });
    const templates = Array.from({ length: TEMPLATES }, (_, i) => `template-${i}`);
    const algs = ['ES256', 'ES256', 'EdDSA', 'ES256', 'RS256'];
    for (const [i, id] of templates.entries()) await admin(b.url, 'POST', '/v1/tenants', { issuer_id: id, signing_alg: algs[i % algs.length] });
    const apiSeconds = (performance.now() - apiStarted) / 1000;

    stderr(`start with ${TEMPLATES} issuers`);
    const startFew = (await startTimings(databaseUrl, `${TEMPLATES}`)).row;

    const ids = issuerIds(ISSUERS - TEMPLATES);
    const enabled = ids.filter((_, i) => i % 100 !== 99);
    const beforeClone = new Date().toISOString();
    const cloneStarted = performance.now();
    await cloneIssuers(databaseUrl, templates, ids, 'http://127.0.0.1');
    const cloneSeconds = (performance.now() - cloneStarted) / 1000;
    stderr(`cloned ${ids.length} issuers in ${cloneSeconds.toFixed(1)} s`);

    // The last timed start goes on as the first process, at the default cache size.
    stderr(`start with ${ISSUERS} issuers`);
    const many = await startTimings(databaseUrl, `${ISSUERS}`, true);
    const startMany = many.row;
    const a = many.server!;
    servers.push(a);
    const idle = await memoryOf(a);
    stderr(`cold discovery, ${COLD} issuers`);
    const coldIds = spread(enabled, COLD);
    await a.meter.start();
    const cold = await requestEach(a.url, coldIds, 1);
    const coldCpu = await a.meter.stop();
    const afterCold = await memoryOf(a);
    // The same requests answered from the cache: the machine's latency floor, beside the cold ones.
    const recent = coldIds.slice(-Math.min(coldIds.length, 500));
    const warmAgain = await metered(a, () => requestEach(a.url, recent, 1));

    stderr('admin list and audit queries');
    const list = await walk(a, '/v1/tenants?limit=200');
    const deep = list.cursors.slice(Math.floor(list.cursors.length * 0.9));
    const deepCursor = (i: number) => deep[i % deep.length];
    const listRows = [
      latencyRow('GET /v1/tenants (first page, 50)', await repeated(a, SAMPLES, () => '/v1/tenants'), 50),
      latencyRow('GET /v1/tenants?limit=200, every page in turn', list, 50),
      latencyRow(
        'GET /v1/tenants?limit=200&cursor= (last 10% of pages)',
        await repeated(a, SAMPLES, (i) => `/v1/tenants?limit=200&cursor=${deepCursor(i)}`),
        50,
      ),
      latencyRow('GET /v1/tenants?enabled=true&cursor= (deep)', await repeated(a, SAMPLES, (i) => `/v1/tenants?enabled=true&cursor=${deepCursor(i)}`), 50),
      latencyRow('GET /v1/tenants?enabled=false (first page; 1% disabled)', await repeated(a, SAMPLES, () => '/v1/tenants?enabled=false'), 50),
      latencyRow('GET /v1/tenants?enabled=false, every page in turn', await walk(a, '/v1/tenants?enabled=false&limit=200'), 50),
      latencyRow('GET /v1/tenants/{id}', await repeated(a, SAMPLES, (i) => `/v1/tenants/${ids[(i * 7919) % ids.length]}`), 50),
    ];
    const events = await walk(a, '/v1/audit-events?limit=200');
    const auditRows = [
      latencyRow('GET /v1/audit-events (first page, 50)', await repeated(a, SAMPLES, () => '/v1/audit-events'), 50),
      latencyRow('GET /v1/audit-events?limit=200, every page in turn', events, 50),
      latencyRow('GET /v1/tenants/{id}/audit-events', await repeated(a, SAMPLES, (i) => `/v1/tenants/${ids[(i * 7919) % ids.length]}/audit-events`), 50),
      latencyRow('GET /v1/audit-events?issuer_id={id}', await repeated(a, SAMPLES, (i) => `/v1/audit-events?issuer_id=${ids[(i * 104729) % ids.length]}`), 50),
      latencyRow('GET /v1/audit-events?action=tenant.created', await repeated(a, SAMPLES, () => '/v1/audit-events?action=tenant.created'), 50),
      latencyRow('GET /v1/audit-events?action=tenant.deleted (none)', await repeated(a, SAMPLES, () => '/v1/audit-events?action=tenant.deleted'), 50),
      latencyRow('GET /v1/audit-events?resource_type=key (none)', await repeated(a, SAMPLES, () => '/v1/audit-events?resource_type=key'), 50),
      latencyRow(
        'GET /v1/audit-events?since=&until= (before the bulk load)',
        await repeated(a, SAMPLES, () => `/v1/audit-events?since=2000-01-01T00:00:00Z&until=${encodeURIComponent(beforeClone)}`),
        50,
      ),
    ];

    const watched = enabled[enabled.length - 1];
    await requestEach(b.url, [watched], 1);
    stderr('propagation');
    const propagatedFew = await propagation(a, b, watched, PROPAGATIONS);
    stderr(`warming the second process (up to ${WARM_SECONDS} s, ${WARM_MAX_RSS_MIB} MiB)`);
    const beforeWarm = await memoryOf(b);
    const warmed = await warm(b, enabled);
    const afterWarm = await memoryOf(b);
    const idleSeconds = SMOKE ? 1 : 10;
    await b.meter.start();
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const idleCpu = await b.meter.stop();
    const propagatedMany = await propagation(a, b, watched, PROPAGATIONS);

    const perWarmIssuerMiB = (afterWarm.heapUsedMiB - beforeWarm.heapUsedMiB) / Math.max(1, afterWarm.cached - beforeWarm.cached);
    const worst = (rows: Array<Record<string, Cell>>) => Math.max(...rows.map((row) => Number(row.p99)));
    const startRatio = (Number(startMany.cpu) + Number(startMany.pgCpu)) / (Number(startFew.cpu) + Number(startFew.pgCpu));
    const coldP99 = percentile(cold, 99);
    const propagationP99 = Math.max(percentile(propagatedFew, 99), percentile(propagatedMany, 99));
    const summary: Array<[string, string, boolean]> = [
      ['RSS, default cache, after cold requests to many issuers < 1 GiB', `${afterCold.rssMiB.toFixed(0)} MiB`, afterCold.rssMiB < 1024],
      ['discovery cold p99 < 20 ms', `${coldP99.toFixed(1)} ms`, coldP99 < 20],
      [
        `start independent of the issuer count (start CPU, Node + PostgreSQL, with ${ISSUERS} / with ${TEMPLATES} < 1.25)`,
        `${startRatio.toFixed(2)}× (ready in ${startMany.ready} ms vs ${startFew.ready} ms)`,
        startRatio < 1.25,
      ],
      ['admin list (GET /v1/tenants) p99 < 50 ms, worst query', `${worst(listRows).toFixed(1)} ms`, worst(listRows) < 50],
      ['audit queries p99 < 50 ms, worst query', `${worst(auditRows).toFixed(1)} ms`, worst(auditRows) < 50],
      ['propagation to a second process p99 < 2 s (the contract: within seconds)', `${propagationP99.toFixed(1)} ms`, propagationP99 < 2000],
    ];
    const tables: Table[] = [
      {
        title: `Targets with ${ISSUERS} issuers`,
        note: `Machine load average at the end: ${load()} (2 cores shared): latency percentiles are at its mercy; CPU per request and start CPU are steadier.`,
        columns: [
          { key: 'target', label: 'target' },
          { key: 'measured', label: 'measured' },
          { key: 'met', label: 'met' },
        ],
        rows: summary.map(([target, measured, met]) => ({ target, measured, met: met ? 'yes' : 'NO' })),
      },
      {
        title: `Creating ${ISSUERS} issuers`,
        note: `${TEMPLATES} through POST /v1/tenants (fresh keys: ES256, EdDSA, RS256), then ${ids.length} cloned from them in SQL: tenant rows, signing keys (the templates' key pairs under new kids, each private JWK sealed again for its row), tenant.created audit events; then VACUUM ANALYZE. Every 100th clone is disabled.`,
        columns: [
          { key: 'step', label: 'step' },
          { key: 'issuers', label: 'issuers' },
          { key: 'seconds', label: 'time', unit: 's', digits: 1 },
        ],
        rows: [
          { step: 'admin API (a server started, then the creations)', issuers: TEMPLATES, seconds: round(apiSeconds, 1) },
          { step: 'SQL clone, keys re-sealed', issuers: ids.length, seconds: round(cloneSeconds, 1) },
        ],
      },
      {
        title: 'Start: spawn to listening and to /readyz 200',
        note: `Median of ${STARTS} start(s) per database size, polled every 5 ms; CPU is the process's own until ready; /readyz p50/p99 over 50 requests right after.`,
        columns: [
          { key: 'issuers', label: 'issuers in the database' },
          { key: 'listening', label: 'listening', unit: 'ms' },
          { key: 'ready', label: '/readyz 200', unit: 'ms' },
          { key: 'cpu', label: 'start CPU, Node', unit: 's', digits: 2 },
          { key: 'pgCpu', label: 'start CPU, PostgreSQL', unit: 's', digits: 2 },
          { key: 'readyzP50', label: '/readyz p50', unit: 'ms', digits: 1 },
          { key: 'readyzP99', label: '/readyz p99', unit: 'ms', digits: 1 },
        ],
        rows: [startFew, startMany],
        chart: { title: 'Start time by issuer count', label: 'issuers', values: ['listening', 'ready'], unit: 'ms' },
      },
      {
        title: `Memory of one process, ${ISSUERS} issuers in the database`,
        note: `RSS from /proc; heap from the process's /metrics. Second process: warmed ${warmed.warmed} issuers in ${warmed.seconds.toFixed(0)} s (${warmed.stoppedBy}), ${((perWarmIssuerMiB * MiB) / 1024).toFixed(1)} KiB of heap per warm issuer; idle CPU over ${idleSeconds} s after warming: Node ${((idleCpu.node / idleSeconds) * 100).toFixed(1)}%, PostgreSQL ${idleCpu.postgres === null ? '–' : `${((idleCpu.postgres / idleSeconds) * 100).toFixed(1)}%`} of a core.`,
        columns: [
          { key: 'state', label: 'process' },
          { key: 'cached', label: 'providers cached' },
          { key: 'rss', label: 'RSS', unit: 'MiB' },
          { key: 'heap', label: 'V8 heap used', unit: 'MiB' },
          { key: 'target', label: 'target' },
          { key: 'met', label: 'met' },
        ],
        rows: [
          { state: 'default cache, just started', cached: idle.cached, rss: round(idle.rssMiB, 0), heap: round(idle.heapUsedMiB, 0), target: null, met: null },
          {
            state: `default cache, after ${COLD} cold issuers`,
            cached: afterCold.cached,
            rss: round(afterCold.rssMiB, 0),
            heap: round(afterCold.heapUsedMiB, 0),
            target: '< 1024 MiB RSS',
            met: afterCold.rssMiB < 1024 ? 'yes' : 'NO',
          },
          {
            state: `cache ${BIG_CACHE}, ${warmed.warmed} warm`,
            cached: afterWarm.cached,
            rss: round(afterWarm.rssMiB, 0),
            heap: round(afterWarm.heapUsedMiB, 0),
            target: null,
            met: null,
          },
          {
            state: `cache ${BIG_CACHE}, ${ISSUERS} warm (projected from the heap per warm issuer)`,
            cached: ISSUERS,
            rss: round(afterWarm.rssMiB + perWarmIssuerMiB * (ISSUERS - afterWarm.cached), 0),
            heap: round(afterWarm.heapUsedMiB + perWarmIssuerMiB * (ISSUERS - afterWarm.cached), 0),
            target: null,
            met: null,
          },
        ],
        chart: { title: 'Memory by cache state', label: 'state', values: ['rss', 'heap'], unit: 'MiB' },
      },
      {
        title: `Discovery with ${ISSUERS} issuers: first request to each of ${coldIds.length} distinct issuers`,
        note: 'One at a time, on a process with the default cache: each builds the issuer (tenant and keys read, private keys opened, provider built, document rendered).',
        columns: latencyColumns('request', 'target p99 (ms)'),
        rows: [
          latencyRow('discovery, cold', { durations: cold, cpu: coldCpu }, 20),
          latencyRow(`discovery, warm (the last ${recent.length} again, cached)`, warmAgain),
        ],
      },
      {
        title: `Admin API with ${ISSUERS} tenants`,
        note: `One request at a time; ${SAMPLES} samples of each repeated query; walks follow next_cursor to the last page.`,
        columns: latencyColumns('query', 'target p99 (ms)'),
        rows: [...listRows, ...auditRows],
        chart: { title: 'Admin API p50/p99', label: 'query', values: ['p50', 'p99'], unit: 'ms' },
      },
      {
        title: 'Propagation of a change to a second process',
        note: 'PATCH /v1/tenants/{id} {enabled} on the first process; time from its answer until the second serves discovery with the new state (404 or 200), polled every 2 ms.',
        columns: latencyColumns('second process', 'target (ms)'),
        rows: [
          latencyRow('1 issuer warm', { durations: propagatedFew }, 2000),
          latencyRow(`${afterWarm.cached} issuers warm`, { durations: propagatedMany }, 2000),
        ],
      },
    ];
    const path = writeReport({
      bench: 'scale',
      title: `${ISSUERS} issuers`,
      command: `${SMOKE ? 'BENCH_SMOKE=1 ' : ''}npm run bench:scale`,
      settings: {
        issuers: ISSUERS,
        cold: COLD,
        templates: TEMPLATES,
        starts: STARTS,
        samples: SAMPLES,
        warmSeconds: WARM_SECONDS,
        warmMaxRssMiB: WARM_MAX_RSS_MIB,
        propagations: PROPAGATIONS,
        load: load(),
      },
      tables,
    });
    process.stdout.write(`\n${tables.map(markdown).join('\n')}\nload average ${load()}; report: ${path}\n`);
  } finally {
    await Promise.all(servers.map(stop));
    await dropDatabase(database);
  }
}

await main();
