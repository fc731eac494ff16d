/**
 * The figures behind deploy/kubernetes' resources and shutdown settings, on loopback against
 * PostgreSQL, with Portcullis configured as the manifests configure it (production, rate-limit
 * counters in PostgreSQL, the limits counted but set too high to refuse the load):
 * - RSS idle, with BENCH_ISSUERS issuers warm, and its peak under load and during sign-ins;
 * - server CPU per request of the main request kinds, and per password sign-in;
 * - start to ready, on an empty and on a migrated database;
 * - SIGTERM to exit under load, with and without a slow request in flight, with no
 *   SHUTDOWN_DELAY_MS (the drain alone) and with the manifests' delay.
 *
 *   npm run bench:pod 2>pod.log     (BENCH_ISSUERS=100,1000 BENCH_SECONDS=5 BENCH_CONNECTIONS=50 BENCH_ROUNDS=3 BENCH_HEAP_MIB;
 *                                     the servers log at info, as deployed, under .bench/logs)
 *
 * A smoke run (BENCH_SMOKE=1) waits and loads for a second where a real one takes several, warms
 * a few issuers, and shuts down with a 1 s delay and a 1 s slow request: every step, in ~1 min.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { admin, cpuSeconds, createDatabase, dropDatabase, startPortcullis, stop, type Server } from './harness.js';
import { createIssuers, issuerIds, requestEach } from './issuers.js';
import { markdown, SMOKE, writeReport, type Table } from './results.js';
import { setUpSignIns } from './sign-in.js';
import { createIssuersAndClients, request, runScenario, scenarios, withOpaqueToken, type Fixtures } from './throughput.js';

/** Issuers warmed in two steps: the first count, then up to the second (PROVIDER_CACHE_SIZE's default). */
const ISSUERS = (process.env.BENCH_ISSUERS ?? (SMOKE ? '5,10' : '100,1000')).split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 1 : 3));
/** How long the slow issuer of the drain rounds holds its answer. */
const SLOW_MS = SMOKE ? 1_000 : 3_000;
/** Idle CPU is read over this long after start-up; memory settles this long after issuers warm up. */
const IDLE_MS = SMOKE ? 1_000 : 10_000;
const SETTLE_MS = SMOKE ? 500 : 3_000;
const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

/**
 * The V8 heap limit, in MiB, of a pod's memory limit: Node sizes its heap from the cgroup's limit
 * (measured with Node 24: 512 MiB gives a 259 MiB heap, 768 MiB gives 432 MiB), which a process
 * outside such a cgroup does not have. Unset: Node's own default for this machine.
 */
const HEAP_MIB = process.env.BENCH_HEAP_MIB;

/** As deploy/kubernetes/base/portcullis.env sets them, with limits no single load generator reaches. */
const MANIFEST_ENV = {
  ...(HEAP_MIB && { NODE_OPTIONS: `--max-old-space-size=${HEAP_MIB}` }),
  RATE_LIMIT_STORE: 'postgres',
  RATE_LIMIT_METADATA_PER_MINUTE: '10000000',
  RATE_LIMIT_PROTOCOL_PER_MINUTE: '10000000',
  LOGIN_MAX_FAILURES_PER_IP: '100000',
  LOGIN_MAX_FAILURES_PER_USER: '1000',
  KEY_ROTATION_CHECK_SECONDS: '60',
  LOG_LEVEL: 'info',
  SHUTDOWN_DELAY_MS: SMOKE ? '1000' : '10000',
  SHUTDOWN_TIMEOUT_MS: '10000',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident and peak resident memory of a process, in MiB, from /proc (VmRSS, VmHWM). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** An issuer on loopback whose metadata answers after SLOW_MS: a provider check of it is a request in flight for that long. */
function slowIssuer(): Promise<{ url: string; server: HttpServer }> {
  const server = createServer((req, res) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/jwks') return json({ keys: [] });
    setTimeout(() => json({ issuer: url, jwks_uri: `${url}/jwks`, authorization_endpoint: `${url}/a`, token_endpoint: `${url}/t` }), SLOW_MS);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

/** The report's tables, filled as the run goes. */
const memoryRows: Table['rows'] = [];
const cpuRows: Table['rows'] = [];
const startRows: Table['rows'] = [];
const drainRows: Table['rows'] = [];
const add = (rows: Table['rows'], row: Table['rows'][number]) => {
  rows.push(row);
  process.stderr.write(`${JSON.stringify(row)}\n`);
};

/** Resources: memory at rest and under load, CPU per request. */
async function sizing(server: Server): Promise<Fixtures> {
  const pid = server.process.pid!;
  const cpu = cpuSeconds(pid);
  await sleep(IDLE_MS);
  add(startRows, { what: `CPU idle, over ${IDLE_MS / 1000} s after start-up`, value: ((cpuSeconds(pid) - cpu) * 1e6) / IDLE_MS, unit: 'millicores' });
  add(memoryRows, { state: 'idle, after start-up', rss: memory(pid).rss });

  const fixtures = await withOpaqueToken(server.url, await createIssuersAndClients(server.url));
  let warm = 0;
  for (const count of ISSUERS) {
    const ids = issuerIds(count).slice(warm);
    await createIssuers(server.url, ids);
    await requestEach(server.url, ids, 8);
    warm = count;
    await sleep(SETTLE_MS);
    add(memoryRows, { state: `${count + 2} issuers warm (discovery served once each)`, rss: memory(pid).rss });
  }

  for (const name of ['discovery', 'JWKS', 'client_credentials RS256 opaque', 'client_credentials ES256 JWT', 'introspection (opaque)']) {
    const result = await runScenario(
      { url: server.url, meter: server.meter, fixtures },
      scenarios.find((s) => s.name === name)!,
      SECONDS,
      CONNECTIONS,
    );
    if (SMOKE && result.errors > 0) throw new Error(`${name}: ${result.errors} non-2xx answers`);
    add(cpuRows, {
      request: name,
      rps: result.rps,
      nodeUs: result.nodeUs,
      pgUs: result.pgUs,
      totalUs: result.nodeUs + (result.pgUs ?? 0),
      p50P99: `${result.p50}/${result.p99}`,
      errors: result.errors,
    });
  }
  add(memoryRows, { state: `peak after ${CONNECTIONS}-connection loads`, rss: memory(pid).peak });

  const signIns = await setUpSignIns(server.url, 'bench-sign-in');
  await server.meter.start();
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (; performance.now() < started + SECONDS * 1000; done++) await signIns.signIn();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = await server.meter.stop();
  add(cpuRows, {
    request: 'password sign-in, whole code flow (8 at once)',
    rps: done / seconds,
    nodeUs: (used.node * 1e6) / done,
    pgUs: used.postgres === null ? null : (used.postgres * 1e6) / done,
    totalUs: ((used.node + (used.postgres ?? 0)) * 1e6) / done,
    p50P99: null,
    errors: 0,
  });
  add(memoryRows, { state: 'peak after sign-ins (argon2id, 19 MiB per hash)', rss: memory(pid).peak });
  return fixtures;
}

/**
 * What the clients of a drain saw, by when the request was sent: before SIGTERM, during
 * SHUTDOWN_DELAY_MS (still served, `Connection: close`), or once the listener had closed; answers,
 * and failures by error code (ECONNREFUSED: a new connection to the closed listener; ECONNRESET and
 * UND_ERR_SOCKET: a kept-alive connection closed under a request).
 */
type Outcomes = Record<string, number>;

interface Clock {
  signalled?: number;
  delayMs: number;
  stopped: () => boolean;
}

/** CONNECTIONS loops sending `req` until each one's first failure or `stopped`; counts what they saw. */
async function load(url: string, req: ReturnType<typeof request>, clock: Clock): Promise<Outcomes> {
  const outcomes: Outcomes = {};
  const count = (sent: number, what: string) => {
    const closing = clock.signalled === undefined ? Infinity : clock.signalled + clock.delayMs;
    const phase =
      sent < (clock.signalled ?? Infinity)
        ? 'before SIGTERM'
        : sent >= closing
          ? 'after the listener closed'
          : sent >= closing - 100
            ? 'in the last 100 ms before the listener closed'
            : 'during the delay';
    outcomes[`${phase}: ${what}`] = (outcomes[`${phase}: ${what}`] ?? 0) + 1;
  };
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (!clock.stopped()) {
        const sent = performance.now();
        try {
          const res = await fetch(`${url}${req.path}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.body as string });
          await res.arrayBuffer();
          count(sent, res.ok ? 'answered' : `HTTP ${res.status}`);
        } catch (error) {
          count(sent, ((error as Error).cause as { code?: string } | undefined)?.code ?? (error as Error).message);
          return;
        }
      }
    }),
  );
  return outcomes;
}

/**
 * One shutdown under a client-credentials load on kept-alive connections, with SHUTDOWN_DELAY_MS
 * `delayMs`, and optionally a provider check of the slow issuer sent 500 ms before the listener
 * closes: how long from SIGTERM, and from the listener's close, until the process exits, and what
 * the clients saw.
 */
async function drain(databaseUrl: string, fixtures: Fixtures, delayMs: number, slow?: string): Promise<void> {
  const starting = performance.now();
  const server = await startPortcullis(MAIN, databaseUrl, { ...MANIFEST_ENV, SHUTDOWN_DELAY_MS: String(delayMs), PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true' });
  const readyMs = performance.now() - starting;
  let exited = false;
  const exit = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
  void exit.then(() => (exited = true));
  const started = performance.now();
  const clock: Clock = { delayMs, stopped: () => exited || performance.now() - started > delayMs + 20_000 };
  const clients = load(
    server.url,
    request(
      fixtures,
      scenarios.find((s) => s.name === 'client_credentials RS256 opaque')!,
    ),
    clock,
  );
  await sleep(1_000);
  const sendCheck = () => {
    const sent = performance.now();
    return admin(server.url, 'POST', '/v1/providers/discover', { issuer: slow }).then(
      (body: { status: string }) => `answered (${body.status}) after ${(performance.now() - sent).toFixed(0)} ms`,
      (error: Error) => `failed: ${error.message}`,
    );
  };
  let check: Promise<string> | undefined;
  if (slow && delayMs < 500) {
    check = sendCheck();
    await sleep(500 - delayMs);
  }
  const signalled = (clock.signalled = performance.now());
  server.process.kill('SIGTERM');
  if (slow && delayMs >= 500) check = sleep(delayMs - 500).then(sendCheck);
  const code = await exit;
  const ms = performance.now() - signalled;
  const seen = Object.entries(await clients)
    .sort()
    .map(([what, n]) => `${what} ${n}`)
    .join('; ');
  add(drainRows, {
    delayMs,
    slow: slow ? `provider check sent 500 ms before the listener closed: ${await check}` : 'none',
    readyMs,
    exitMs: ms,
    afterCloseMs: ms - delayMs,
    code,
    seen,
  });
  if (SMOKE && code !== 0) throw new Error(`SHUTDOWN_DELAY_MS=${delayMs}: the server exited with ${code}; its log: ${server.log}`);
}

async function main(): Promise<void> {
  const database = `portcullis_pod_${Date.now()}`;
  const databaseUrl = await createDatabase(database);
  const slow = await slowIssuer();
  try {
    const starting = performance.now();
    const server = await startPortcullis(MAIN, databaseUrl, MANIFEST_ENV);
    add(startRows, { what: 'start → /readyz 200 on an empty database (every migration runs)', value: performance.now() - starting, unit: 'ms' });
    let fixtures: Fixtures;
    try {
      fixtures = await sizing(server);
    } finally {
      await stop(server);
    }
    // The drain itself (no delay) a few times, then once as the manifests shut down.
    for (let round = 0; round < ROUNDS; round++) {
      await drain(databaseUrl, fixtures, 0);
      await drain(databaseUrl, fixtures, 0, slow.url);
    }
    await drain(databaseUrl, fixtures, Number(MANIFEST_ENV.SHUTDOWN_DELAY_MS));
    await drain(databaseUrl, fixtures, Number(MANIFEST_ENV.SHUTDOWN_DELAY_MS), slow.url);
  } finally {
    slow.server.close();
    await dropDatabase(database);
  }
  report();
}

function report(): void {
  const starts = drainRows.map((row) => row.readyMs as number).sort((a, b) => a - b);
  startRows.push({
    what: `start → /readyz 200, database already migrated (median of ${starts.length})`,
    value: starts[Math.floor(starts.length / 2)],
    unit: 'ms',
  });
  const heap = HEAP_MIB ? `V8 heap limit ${HEAP_MIB} MiB` : "Node's default V8 heap limit";
  const tables: Table[] = [
    {
      title: 'Memory',
      note: `Resident memory of the server process from /proc/<pid>/status (VmRSS; peaks: VmHWM), ${heap}.`,
      columns: [
        { key: 'state', label: 'server' },
        { key: 'rss', label: 'RSS', unit: 'MiB' },
      ],
      rows: memoryRows,
      chart: { title: 'Resident memory of one server process', label: 'state', values: ['rss'], unit: 'MiB' },
    },
    {
      title: 'CPU per request',
      note:
        `${SECONDS} s per load, ${CONNECTIONS} connections (autocannon; sign-ins: 8 clients running the whole code flow), loopback. ` +
        'CPU from /proc: the Node process, and the PostgreSQL backends connected to its database.',
      columns: [
        { key: 'request', label: 'request' },
        { key: 'rps', label: 'per second', digits: 1 },
        { key: 'nodeUs', label: 'Node', unit: 'µs' },
        { key: 'pgUs', label: 'PostgreSQL', unit: 'µs' },
        { key: 'totalUs', label: 'Node + PostgreSQL', unit: 'µs' },
        { key: 'p50P99', label: 'p50/p99', unit: 'ms' },
        { key: 'errors', label: 'non-2xx' },
      ],
      rows: cpuRows,
    },
    {
      title: 'Idle and start-up',
      columns: [
        { key: 'what', label: 'measurement' },
        { key: 'value', label: 'value', digits: 1 },
        { key: 'unit', label: 'unit' },
      ],
      rows: startRows,
    },
    {
      title: 'Shutdown under load',
      note:
        `Each row: a server started on the migrated database, ${CONNECTIONS} clients requesting tokens on kept-alive connections, then SIGTERM. ` +
        'What the clients saw is counted by when each request was sent: before SIGTERM, during SHUTDOWN_DELAY_MS (still served, with `Connection: close`), ' +
        'or once the listener had closed (ECONNREFUSED: a new connection to the closed listener; ECONNRESET, UND_ERR_SOCKET: a kept-alive connection closed under a request). ' +
        `The slow request is a provider check of an issuer on loopback that answers after ${SLOW_MS} ms.`,
      columns: [
        { key: 'delayMs', label: 'SHUTDOWN_DELAY_MS' },
        { key: 'slow', label: 'slow request in flight' },
        { key: 'readyMs', label: 'start → ready', unit: 'ms' },
        { key: 'exitMs', label: 'SIGTERM → exit', unit: 'ms' },
        { key: 'afterCloseMs', label: 'listener closed → exit', unit: 'ms' },
        { key: 'code', label: 'exit code' },
        { key: 'seen', label: 'clients saw' },
      ],
      rows: drainRows,
    },
  ];
  process.stdout.write(`\n${tables.map(markdown).join('\n')}`);
  const settings = { issuers: ISSUERS.join(','), seconds: SECONDS, connections: CONNECTIONS, rounds: ROUNDS, heapMiB: HEAP_MIB ?? null };
  process.stderr.write(`written to ${writeReport({ bench: 'pod', title: 'Pod sizing', command: 'npm run bench:pod', settings, tables })}\n`);
}

await main();
