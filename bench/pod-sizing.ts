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
 *                                     the server logs at info, as deployed, to stderr)
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { admin, cpuSeconds, createDatabase, dropDatabase, startPortcullis, stop, type Server } from './harness.js';
import { createIssuers, issuerIds, requestEach } from './issuers.js';
import { setUpSignIns } from './sign-in.js';
import { createIssuersAndClients, request, runScenario, scenarios, withOpaqueToken, type Fixtures } from './throughput.js';

/** Issuers warmed in two steps: the first count, then up to the second (PROVIDER_CACHE_SIZE's default). */
const ISSUERS = (process.env.BENCH_ISSUERS ?? '100,1000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** How long the slow issuer of the drain rounds holds its answer. */
const SLOW_MS = 3_000;
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
  SHUTDOWN_DELAY_MS: '10000',
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

const rows: string[] = [];
const row = (...cells: (string | number)[]) => {
  rows.push(`| ${cells.join(' | ')} |`);
  process.stderr.write(`${rows.at(-1)}\n`);
};

/** Resources: memory at rest and under load, CPU per request. */
async function sizing(server: Server): Promise<Fixtures> {
  const pid = server.process.pid!;
  const cpu = cpuSeconds(pid);
  await sleep(10_000);
  row('CPU idle, over 10 s after start-up', `${((cpuSeconds(pid) - cpu) * 100).toFixed(1)} millicores`);
  row('RSS idle, after start-up', `${memory(pid).rss.toFixed(0)} MiB`);

  const fixtures = await withOpaqueToken(server.url, await createIssuersAndClients(server.url));
  let warm = 0;
  for (const count of ISSUERS) {
    const ids = issuerIds(count).slice(warm);
    await createIssuers(server.url, ids);
    await requestEach(server.url, ids, 8);
    warm = count;
    await sleep(3_000);
    row(`RSS with ${count + 2} issuers warm (discovery document served once each)`, `${memory(pid).rss.toFixed(0)} MiB`);
  }

  for (const name of ['discovery', 'JWKS', 'client_credentials RS256 opaque', 'client_credentials ES256 JWT', 'introspection (opaque)']) {
    const result = await runScenario(
      { url: server.url, meter: server.meter, fixtures },
      scenarios.find((s) => s.name === name)!,
      SECONDS,
      CONNECTIONS,
    );
    row(`CPU per request: ${name} (${result.rps.toFixed(0)} req/s, ${result.errors} non-2xx)`, `${(1e6 / result.perCpu).toFixed(0)} µs`);
  }
  row(`RSS peak after ${CONNECTIONS}-connection loads`, `${memory(pid).peak.toFixed(0)} MiB`);

  const signIns = await setUpSignIns(server.url, 'bench-sign-in');
  const signInCpu = cpuSeconds(pid);
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (; performance.now() < deadline; done++) await signIns.signIn();
    }),
  );
  row(
    `CPU per password sign-in, whole code flow (${(done / SECONDS).toFixed(1)}/s, 8 at once)`,
    `${(((cpuSeconds(pid) - signInCpu) * 1000) / done).toFixed(1)} ms`,
  );
  row('RSS peak after sign-ins (argon2id, 19 MiB per hash)', `${memory(pid).peak.toFixed(0)} MiB`);
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
  row('Start → /readyz 200, database already migrated', `${(performance.now() - starting).toFixed(0)} ms`);
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
    .join(', ');
  const what = slow
    ? `a provider check in flight (issuer answers in ${SLOW_MS} ms, sent 500 ms before the listener closed): ${await check}`
    : 'no slow request';
  row(
    `SHUTDOWN_DELAY_MS=${delayMs}, ${CONNECTIONS} clients requesting tokens, ${what}; exit code ${code}; clients saw ${seen}`,
    `SIGTERM → exit ${ms.toFixed(0)} ms, listener closed → exit ${(ms - delayMs).toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  const database = `portcullis_pod_${Date.now()}`;
  const databaseUrl = await createDatabase(database);
  const slow = await slowIssuer();
  try {
    const starting = performance.now();
    const server = await startPortcullis(MAIN, databaseUrl, MANIFEST_ENV);
    row('Start → /readyz 200 on an empty database (every migration runs)', `${(performance.now() - starting).toFixed(0)} ms`);
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
  process.stdout.write(
    [
      `\nNode ${process.version}, V8 heap limit ${HEAP_MIB ? `${HEAP_MIB} MiB` : "Node's default"}, loopback, PostgreSQL; ${SECONDS} s per load, ${CONNECTIONS} connections; RSS from /proc/<pid>/status, CPU from /proc/<pid>/stat (server process only)\n`,
      '| measurement | value |',
      '|---|---:|',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
