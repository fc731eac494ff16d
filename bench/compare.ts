/**
 * Two revisions of Portcullis side by side, in one run, on loopback: is the head slower than the
 * base by more than the run-to-run noise?
 *
 *   npm run bench:compare -- <base-rev> [<head-rev>] [--quick]
 *       (BENCH_ROUNDS=3 BENCH_SECONDS=5 BENCH_ISSUERS=1000 BENCH_CONNECTIONS=50;
 *        --quick: 2 rounds of 2 s, 200 issuers; BENCH_ONLY=<regular expression>: only the rows whose name it matches, case aside)
 *
 * The head is this working tree unless a head-rev is given; a revision is checked out and built
 * under .bench/ (see test/helpers/revision.ts). The load generator and the scenarios (those of `npm run bench`
 * and `npm run bench:discovery`) are this tree's for both sides, so only the server differs.
 * Every round starts, for each revision, a server process on a fresh database holding the
 * scenarios' issuers and clients and BENCH_ISSUERS more; then runs each scenario against base and
 * head back to back, their order swapped every round. Each cell is the median of the rounds with
 * their min–max beside it.
 *
 * A smoke run (BENCH_SMOKE=1, e.g. `HEAD --quick`) takes 2 rounds of 1 s per side, 20 issuers, two
 * of the throughput scenarios and the hot issuer once per round: every step (checkout and build,
 * both servers, each kind of row) in about a minute.
 */
import autocannon from 'autocannon';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, measure, perRequest, startPortcullis, type CpuMeter, stop, type Measurement, type Server } from './harness.js';
import { createIssuers, discoveryPath, issuerIds, jwksPath, percentile, requestEach } from './issuers.js';
import { markdown, SMOKE, SMOKE_SERVER_ENV, writeReport, type Table } from './results.js';
import { checkout, workingTree, type Revision } from '../test/helpers/revision.js';
import { createIssuersAndClients, request, runScenario, scenarios, withOpaqueToken, type Fixtures } from './throughput.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const [baseRev, headRev] = args.filter((arg) => !arg.startsWith('--'));
if (!baseRev) {
  process.stderr.write('usage: npm run bench:compare -- <base-rev> [<head-rev>] [--quick]\n');
  process.exit(2);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick || SMOKE ? 2 : 3));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : quick ? 2 : 5));
const ISSUERS = Number(process.env.BENCH_ISSUERS ?? (SMOKE ? 20 : quick ? 200 : 1000));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;
/** A smoke run's throughput scenarios: a token stored and one read back (the hot-issuer rows serve cached documents). */
const SMOKE_SCENARIOS = ['client_credentials ES256 opaque', 'introspection (opaque)'];
/** Unmeasured requests of every throughput scenario a fresh server answers first, so that no round measures V8 compiling the hot path. */
const WARM_UP_REQUESTS = SMOKE ? 20 : 200;
if (!(ROUNDS >= 2)) throw new Error('BENCH_ROUNDS: a spread needs at least 2 rounds');

const started = performance.now();
const elapsed = () => `[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]`;

type Side = 'base' | 'head';
interface Target {
  url: string;
  meter: CpuMeter;
  fixtures: Fixtures;
}
const sides = (round: number): Side[] => (round % 2 === 0 ? ['base', 'head'] : ['head', 'base']);
const selected = (name: string) => !ONLY || ONLY.test(name);
const throughputScenarios = scenarios.filter((scenario) => selected(scenario.name) && (!SMOKE || SMOKE_SCENARIOS.includes(scenario.name)));

/** Measurements by row, in the order the rows first ran. */
const results = new Map<string, Record<Side, Measurement[]>>();
function record(name: string, side: Side, measurement: Measurement, round: number): void {
  if (!results.has(name)) results.set(name, { base: [], head: [] });
  results.get(name)![side].push(measurement);
  process.stderr.write(
    `${elapsed()} round ${round + 1}/${ROUNDS} ${side} ${name}: ${measurement.perCpu.toFixed(0)} req/CPU-s, ${measurement.rps.toFixed(0)} req/s, ${measurement.errors} errors\n`,
  );
}

// Everything this run started, so that an interrupted run leaves no server or database behind.
const servers = new Set<Server>();
const databases = new Set<string>();
const runId = Date.now();

async function cleanUp(): Promise<void> {
  await Promise.all([...servers].map((server) => stop(server)));
  servers.clear();
  for (const name of databases) await dropDatabase(name);
  databases.clear();
}

// On a signal, stop the servers: the round under way then fails, and the one cleanup path below
// drops the databases before exiting.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    for (const server of servers) server.process.kill('SIGTERM');
  });
}

const ids = issuerIds(ISSUERS);
const hot = ids[0];
// The throughput scenarios' two issuers are warm too by the time the hot issuer is measured.
const hotRows = (warm: number) => [
  { name: `discovery (hot issuer; ${warm} issuers warm)`, path: discoveryPath(hot) },
  { name: `JWKS (hot issuer; ${warm} issuers warm)`, path: jwksPath(hot) },
];
const passes = [
  { name: 'discovery, first request per issuer (cold, one at a time)', inFlight: 1, seconds: 0 },
  { name: `discovery, every issuer in turn for ${SECONDS} s (warm, 8 in flight)`, inFlight: 8, seconds: SECONDS },
];
const scaleSelected = [...hotRows(3), ...passes, ...hotRows(ISSUERS + 2)].some((row) => selected(row.name));

/** A fresh database and server for one revision and round, with every issuer the scenarios ask for. */
async function prepare(revision: Revision, name: string): Promise<Target> {
  const database = `portcullis_compare_${runId}_${name}`;
  databases.add(database);
  const server = await startPortcullis(revision.main, await createDatabase(database), { ...SMOKE_SERVER_ENV, PROVIDER_CACHE_SIZE: String(ISSUERS + 10) });
  servers.add(server);
  const fixtures = await withOpaqueToken(server.url, await createIssuersAndClients(server.url));
  if (scaleSelected) await createIssuers(server.url, ids);
  await autocannon({
    url: server.url,
    connections: 10,
    amount: WARM_UP_REQUESTS * scenarios.length,
    requests: scenarios.map((scenario) => request(fixtures, scenario)),
  });
  return { url: server.url, meter: server.meter, fixtures };
}

/**
 * Requests every issuer's discovery document, `inFlight` at a time, as one measurement: once,
 * or over and over for `seconds` (a single warm pass is over too quickly to time its CPU).
 */
async function requestAll(target: Target, inFlight: number, seconds: number): Promise<Measurement> {
  await target.meter.start();
  const start = performance.now();
  const durations: number[] = [];
  do durations.push(...(await requestEach(target.url, ids, inFlight)));
  while (performance.now() - start < seconds * 1000);
  const wall = (performance.now() - start) / 1000;
  durations.sort((a, b) => a - b);
  return perRequest(durations.length, wall, await target.meter.stop(), { p50: percentile(durations, 50), p99: percentile(durations, 99) }, 0);
}

async function runRound(revisions: Record<Side, Revision>, round: number): Promise<void> {
  process.stderr.write(`${elapsed()} round ${round + 1}/${ROUNDS}: starting both servers\n`);
  const [base, head] = await Promise.all([prepare(revisions.base, `base_${round}`), prepare(revisions.head, `head_${round}`)]);
  const targets = { base, head };

  // The scenarios of `npm run bench`.
  for (const scenario of throughputScenarios) {
    for (const side of sides(round)) record(scenario.name, side, await runScenario(targets[side], scenario, SECONDS, CONNECTIONS), round);
  }

  // The scenarios of `npm run bench:discovery`: the hot issuer first with few issuers in memory,
  // then with every issuer warm (a larger heap). The passes in between make them warm, so they
  // run even when not reported.
  if (!scaleSelected) return;
  const hotRuns = async (warm: number) => {
    for (const row of hotRows(warm).filter((row) => selected(row.name))) {
      for (const side of sides(round))
        record(
          row.name,
          side,
          await measure(targets[side].meter, { url: `${targets[side].url}${row.path}`, connections: CONNECTIONS, duration: SECONDS }),
          round,
        );
    }
  };
  await hotRuns(3);
  for (const pass of passes) {
    for (const side of sides(round)) {
      const measurement = await requestAll(targets[side], pass.inFlight, pass.seconds);
      if (selected(pass.name)) record(pass.name, side, measurement, round);
    }
  }
  // The same rows on a larger heap: nothing a smoke run would not have seen already.
  if (!SMOKE) await hotRuns(ISSUERS + 2);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
};
const cell = (values: number[]) => `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
/** (max − min) / median: how far apart the rounds of one revision landed. */
const spread = (values: number[]) => (Math.max(...values) - Math.min(...values)) / median(values);

function table(revisions: Record<Side, Revision>, minutes: number): Table {
  const rows = [...results].map(([scenario, { base, head }]) => {
    const metric = (pick: (m: Measurement) => number) => {
      const [b, h] = [base.map(pick), head.map(pick)];
      const [ratio, noise] = [median(h) / median(b), Math.max(spread(b), spread(h))];
      // Base and head of one round ran back to back, so their ratio is free of what drifted between rounds.
      const paired = h.map((value, round) => value / b[round]);
      return {
        base: cell(b),
        head: cell(h),
        ratio,
        paired: `${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)}`,
        spread: noise * 100,
        verdict: ratio < 1 - noise ? 'slower' : ratio > 1 + noise ? 'faster' : undefined,
      };
    };
    const [cpu, wall, total] = [metric((m) => m.perCpu), metric((m) => m.rps), metric((m) => m.perTotalCpu)];
    const pgUs = (ms: Measurement[]) => (ms.every((m) => m.pgUs !== null) ? median(ms.map((m) => m.pgUs!)) : null);
    const verdict = [cpu.verdict && `**${cpu.verdict}** (CPU)`, wall.verdict && `**${wall.verdict}** (req/s)`].filter(Boolean).join(', ') || 'within noise';
    const errors = (ms: Measurement[]) => ms.reduce((n, m) => n + m.errors, 0);
    if (SMOKE && errors(base) + errors(head) > 0) throw new Error(`${scenario}: ${errors(base)}/${errors(head)} non-2xx answers`);
    return {
      scenario,
      baseCpu: cpu.base,
      headCpu: cpu.head,
      ratioCpu: cpu.ratio,
      pairedCpu: cpu.paired,
      spreadCpu: cpu.spread,
      basePgUs: pgUs(base),
      headPgUs: pgUs(head),
      ratioTotal: total.ratio,
      baseRps: wall.base,
      headRps: wall.head,
      ratioRps: wall.ratio,
      pairedRps: wall.paired,
      spreadRps: wall.spread,
      errors: `${errors(base)}/${errors(head)}`,
      verdict,
    };
  });
  const short = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);
  return {
    title: `${short(revisions.head.description)} beside ${short(revisions.base.description)}`,
    note:
      `${ROUNDS} interleaved rounds (order swapped each round), ${SECONDS} s per side and scenario, ${CONNECTIONS} connections, ${ISSUERS} issuers for the scale rows; ` +
      `loopback, PostgreSQL; ${minutes.toFixed(1)} min. Cells: median of the rounds (min–max); head/base: of the medians, and the range of each round's own. ` +
      'Spread: the wider (max − min)/median of the two revisions. Verdict: slower or faster when head/base is further from 1 than that spread.',
    columns: [
      { key: 'scenario', label: 'scenario' },
      { key: 'baseCpu', label: 'base req/Node CPU-s' },
      { key: 'headCpu', label: 'head req/Node CPU-s' },
      { key: 'ratioCpu', label: 'head/base (Node CPU)', unit: '×', digits: 2 },
      { key: 'pairedCpu', label: 'per round (CPU)', unit: '×' },
      { key: 'spreadCpu', label: 'spread (CPU)', unit: '%' },
      { key: 'basePgUs', label: 'base PostgreSQL per request', unit: 'µs' },
      { key: 'headPgUs', label: 'head PostgreSQL per request', unit: 'µs' },
      { key: 'ratioTotal', label: 'head/base (Node + PostgreSQL CPU)', unit: '×', digits: 2 },
      { key: 'baseRps', label: 'base req/s' },
      { key: 'headRps', label: 'head req/s' },
      { key: 'ratioRps', label: 'head/base (req/s)', unit: '×', digits: 2 },
      { key: 'pairedRps', label: 'per round (req/s)', unit: '×' },
      { key: 'spreadRps', label: 'spread (req/s)', unit: '%' },
      { key: 'errors', label: 'non-2xx base/head' },
      { key: 'verdict', label: 'verdict' },
    ],
    rows,
    chart: { title: 'Head ÷ base, medians of the rounds', label: 'scenario', values: ['ratioCpu', 'ratioTotal', 'ratioRps'], unit: '×' },
  };
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const revisions: Record<Side, Revision> = { base: checkout(root, baseRev), head: headRev ? checkout(root, headRev) : workingTree(root) };
try {
  for (let r = 0; r < ROUNDS && !interrupted; r++) {
    await runRound(revisions, r);
    await cleanUp();
  }
} catch (error) {
  if (!interrupted) throw error;
} finally {
  await cleanUp();
}
if (interrupted) process.exit(130);
const report = table(revisions, (performance.now() - started) / 60_000);
process.stdout.write(`\n${markdown(report)}`);
// The revisions name the table.
const settings = {
  rounds: ROUNDS,
  seconds: SECONDS,
  issuers: ISSUERS,
  connections: CONNECTIONS,
  only: ONLY?.source ?? null,
};
process.stderr.write(
  `written to ${writeReport({ bench: 'compare', title: 'Two revisions', command: `npm run bench:compare -- ${args.join(' ')}`, settings, tables: [report] })}\n`,
);
