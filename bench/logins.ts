/**
 * Password sign-ins (the whole code flow: authorize, sign-in page, password, consent, code
 * exchange) and rotating refresh-token grants, per CPU-second of Portcullis on PostgreSQL, with
 * the product's argon2id cost and sign-in limits as deployed (see harness.ts PRODUCTION_ENV):
 * BENCH_WORKERS clients at once, each signing in a user of its own, for BENCH_SECONDS per phase.
 * Beside them, the argon2id verification alone (in this process, with the same parameters), so
 * that what everything but the hash costs shows.
 *
 *   npm run bench:logins        (BENCH_SECONDS=10 BENCH_WORKERS=8; ARGON2_* as the server reads them)
 *   BENCH_BASE=<rev> npm run bench:logins
 *       also builds <rev> under .bench/ and runs it beside this tree, the phases alternating
 *       between the two for BENCH_ROUNDS rounds (default 2), and reports head ÷ base
 *   BENCH_SMOKE=1 npm run bench:logins     a few seconds in all: still signs in and refreshes
 *   BENCH_PROFILE=1 npm run bench:logins   writes each server's V8 CPU profile under .bench/profiles/
 *       and prints the PostgreSQL statements per flow of each phase (and no report)
 */
import argon2 from 'argon2';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { combine, runPhase, type Sample } from './flow-phase.js';
import { FLOW_COLUMNS, flowRow } from './flow-tables.js';
import { createDatabase, dropDatabase, startPortcullis, stop, type Measurement, type Server } from './harness.js';
import { markdown, SMOKE, writeReport, type Table } from './results.js';
import { setUpSignIns, type SignIns } from './sign-in.js';
import { Env } from '../src/config/env.js';
import { checkout, workingTree, type Revision } from '../test/helpers/revision.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 10));
const WORKERS = Number(process.env.BENCH_WORKERS ?? (SMOKE ? 2 : 8));
const BASE = process.env.BENCH_BASE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (BASE ? 2 : 1));
const PROFILE = process.env.BENCH_PROFILE === '1';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROFILES = join(ROOT, '.bench', 'profiles');
/** Unmeasured sign-ins per worker on a fresh server (each refresh ten times), so that no phase measures V8 compiling the path; the first also gives each worker its refresh token. */
const WARM_UP_FLOWS = SMOKE ? 0 : 3;
/** argon2id verifications timed alone. */
const HASHES = SMOKE ? 4 : 40;
const HASHES_AT_ONCE = Math.min(WORKERS, 4);
const PASSWORD = 'argon2 verification alone';

/** The server's argon2id parameters: its defaults unless this environment sets them, which the server is then given too. */
const defaults = new Env();
const argonEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('ARGON2_'))) as Record<string, string>;
const argon = {
  memoryCost: Number(argonEnv.ARGON2_MEMORY_KIB ?? defaults.ARGON2_MEMORY_KIB),
  timeCost: Number(argonEnv.ARGON2_TIME_COST ?? defaults.ARGON2_TIME_COST),
  parallelism: Number(argonEnv.ARGON2_PARALLELISM ?? defaults.ARGON2_PARALLELISM),
};
const argonLabel = `argon2id m=${argon.memoryCost} KiB, t=${argon.timeCost}, p=${argon.parallelism}`;

type Side = 'base' | 'head';
interface Target {
  side: Side;
  server: Server;
  flows: SignIns;
  /** Each worker's latest refresh token. */
  refreshTokens: string[];
}

/** Runs `work` in WORKERS loops for SECONDS against `target`'s server: completions, CPU, latency. */
async function phase(target: Target, work: (worker: number) => Promise<void>): Promise<Sample> {
  const sample = await runPhase(target.server.meter, { label: target.side, workers: WORKERS, seconds: SECONDS }, work);
  if (PROFILE) await printStatements(target, sample.durations.length);
  return sample;
}

/** Has a profiled server write its statement counts since the last phase; prints them per flow. */
async function printStatements(target: Target, flows: number): Promise<void> {
  const file = statementFile(target.side);
  target.server.process.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const counts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stderr.write(`${target.side}: ${(total / flows).toFixed(1)} statements per flow\n`);
  for (const [text, count] of Object.entries(counts).slice(0, 25)) process.stderr.write(`  ${(count / flows).toFixed(2).padStart(6)}  ${text}\n`);
}

/** A smoke run's server stops at once: the deployed shutdown delay (10 s of /readyz at 503 before draining) measures nothing here and would be most of a CI smoke. */
const SMOKE_ENV: Record<string, string> = SMOKE ? { SHUTDOWN_DELAY_MS: '0' } : {};

const statementFile = (side: Side) => join(PROFILES, `statements-${side}.json`);

/** What a profiled server is given besides the operator's settings: profiler, statement counter, no shutdown delay (the profile is written at exit). */
const profileEnv = (side: Side): Record<string, string> =>
  PROFILE
    ? {
        NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(PROFILES, side)} --import=${new URL('./statement-count.js', import.meta.url).href}`,
        STATEMENT_COUNT_FILE: statementFile(side),
        SHUTDOWN_DELAY_MS: '0',
      }
    : {};

const signIns = (target: Target) =>
  phase(target, async (worker) => {
    target.refreshTokens[worker] = await target.flows.signIn(worker);
  });
const refreshes = (target: Target) =>
  phase(target, async (worker) => {
    target.refreshTokens[worker] = await target.flows.refresh(target.refreshTokens[worker]);
  });

/**
 * CPU (all threads of this process: argon2 runs on libuv's pool) of one argon2id verification,
 * with as many at once as the server runs (its libuv pool: 4 threads, or fewer workers), since
 * hashes side by side contend for memory bandwidth and cost a little more each.
 */
async function hashAlone(): Promise<{ cpuMs: number; wallMs: number }> {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, ...argon });
  await argon2.verify(hash, PASSWORD);
  const cpu = process.cpuUsage();
  const start = performance.now();
  let started = 0;
  await Promise.all(
    Array.from({ length: HASHES_AT_ONCE }, async () => {
      while (started++ < HASHES) if (!(await argon2.verify(hash, PASSWORD))) throw new Error('argon2 verify failed');
    }),
  );
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / HASHES, wallMs: (performance.now() - start) / HASHES };
}

const databases: string[] = [];
const servers: Server[] = [];

/** A server of `revision` on a fresh database with the bench's tenant, warmed up. */
async function prepare(side: Side, revision: Revision): Promise<Target> {
  const database = `portcullis_logins_${Date.now()}_${side}`;
  databases.push(database);
  if (PROFILE) mkdirSync(join(PROFILES, side), { recursive: true });
  const server = await startPortcullis(revision.main, await createDatabase(database), { ...argonEnv, ...SMOKE_ENV, ...profileEnv(side) });
  servers.push(server);
  const target: Target = { side, server, flows: await setUpSignIns(server.url, 'bench', WORKERS), refreshTokens: [] };
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      target.refreshTokens[worker] = await target.flows.signIn(worker);
      for (let n = 1; n < WARM_UP_FLOWS; n++) target.refreshTokens[worker] = await target.flows.signIn(worker);
      for (let n = 0; n < WARM_UP_FLOWS * 10; n++) target.refreshTokens[worker] = await target.flows.refresh(target.refreshTokens[worker]);
    }),
  );
  // The warm-up's statements are not a phase's.
  if (PROFILE) await printStatements(target, 1).catch(() => undefined);
  return target;
}

function rows(results: Record<'signIn' | 'refresh', Measurement>, hash: { cpuMs: number; wallMs: number }): Table['rows'] {
  return [
    flowRow('password sign-in: whole code flow with consent and code exchange', results.signIn),
    flowRow('refresh-token grant (rotating)', results.refresh),
    {
      flow: `${argonLabel} verification alone (in-process)`,
      rps: 1000 / hash.wallMs,
      nodeMs: hash.cpuMs,
      pgMs: null,
      totalMs: hash.cpuMs,
      perNodeCpu: 1000 / hash.cpuMs,
      perTotalCpu: 1000 / hash.cpuMs,
      p50: null,
      p99: null,
      errors: 0,
    },
  ];
}

async function main(): Promise<Table[]> {
  const revisions: Partial<Record<Side, Revision>> = { head: workingTree(ROOT), ...(BASE && { base: checkout(ROOT, BASE) }) };
  const sides = Object.keys(revisions) as Side[];
  const hash = await hashAlone();
  process.stderr.write(`${argonLabel}: ${hash.cpuMs.toFixed(1)} ms CPU, ${hash.wallMs.toFixed(1)} ms per verification\n`);
  const targets = {} as Record<Side, Target>;
  for (const side of sides) targets[side] = await prepare(side, revisions[side]!);
  const results = Object.fromEntries(sides.map((side) => [side, { signIn: [] as Sample[], refresh: [] as Sample[] }])) as Record<
    Side,
    { signIn: Sample[]; refresh: Sample[] }
  >;
  for (let round = 0; round < ROUNDS; round++) {
    // The order swaps every round, so that neither side always runs on the machine the other just warmed.
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const [kind, run] of [
      ['signIn', signIns],
      ['refresh', refreshes],
    ] as const) {
      for (const side of order) {
        const sample = await run(targets[side]);
        results[side][kind].push(sample);
        const m = combine([sample]);
        process.stderr.write(
          `round ${round + 1}/${ROUNDS} ${side} ${kind}: ${m.perCpu.toFixed(1)}/Node CPU-s, ${m.perTotalCpu.toFixed(1)}/CPU-s with PostgreSQL, ${m.rps.toFixed(1)}/s, ${m.errors} errors\n`,
        );
      }
    }
  }
  const merged = (side: Side) => ({ signIn: combine(results[side].signIn), refresh: combine(results[side].refresh) });
  const head = merged('head');
  const settings = `${SECONDS} s per phase${ROUNDS > 1 ? ` × ${ROUNDS} rounds` : ''}, ${WORKERS} clients at once, each signing in a user of its own, loopback, PostgreSQL, ${argonLabel}.`;
  const tables: Table[] = [
    {
      title: 'Password sign-ins and refresh grants, per flow',
      note:
        `${settings} CPU from /proc: the Node process (all its threads, argon2's included) and the PostgreSQL backends of its database. ` +
        `The verification alone is timed in the benchmark process with the same parameters, ${HASHES_AT_ONCE} at a time (as many as the server runs at once).`,
      columns: FLOW_COLUMNS,
      rows: rows(head, hash),
      chart: { title: 'Flows per CPU-second', label: 'flow', values: ['perNodeCpu', 'perTotalCpu'], unit: 'flows/CPU-s' },
    },
  ];
  const signInMs = head.signIn.nodeUs / 1000;
  tables.push({
    title: 'Where a password sign-in’s Node CPU goes',
    note: 'Everything but the hash: the Node CPU of a whole sign-in flow less one argon2id verification.',
    columns: [
      { key: 'part', label: 'part' },
      { key: 'ms', label: 'Node CPU per flow', unit: 'ms', digits: 2 },
      { key: 'share', label: 'share of the flow', unit: '%', digits: 0 },
    ],
    rows: [
      { part: 'argon2id verification', ms: hash.cpuMs, share: (100 * hash.cpuMs) / signInMs },
      {
        part: 'everything else (pages, sessions, consent, tokens, limits, logs)',
        ms: signInMs - hash.cpuMs,
        share: (100 * (signInMs - hash.cpuMs)) / signInMs,
      },
      { part: 'PostgreSQL backends (beside Node)', ms: (head.signIn.pgUs ?? 0) / 1000, share: null },
    ],
  });
  if (BASE) {
    const base = merged('base');
    const compare = (flow: string, b: Measurement, h: Measurement) => ({
      flow,
      baseNode: b.perCpu,
      headNode: h.perCpu,
      ratioNode: h.perCpu / b.perCpu,
      baseTotal: b.perTotalCpu,
      headTotal: h.perTotalCpu,
      ratioTotal: h.perTotalCpu / b.perTotalCpu,
    });
    tables.push({
      title: 'This tree ÷ the base revision, measured in the same run',
      note: `base: ${revisions.base!.description}; head: ${revisions.head!.description}. ${settings} The phases alternate between the two servers.`,
      columns: [
        { key: 'flow', label: 'flow' },
        { key: 'baseNode', label: 'base per Node CPU-s', digits: 1 },
        { key: 'headNode', label: 'head per Node CPU-s', digits: 1 },
        { key: 'ratioNode', label: 'head ÷ base (Node)', unit: '×', digits: 2 },
        { key: 'baseTotal', label: 'base per Node + PostgreSQL CPU-s', digits: 1 },
        { key: 'headTotal', label: 'head per Node + PostgreSQL CPU-s', digits: 1 },
        { key: 'ratioTotal', label: 'head ÷ base (Node + PostgreSQL)', unit: '×', digits: 2 },
      ],
      rows: [compare('password sign-in', base.signIn, head.signIn), compare('refresh-token grant', base.refresh, head.refresh)],
      chart: { title: 'Per CPU-second, head ÷ base', label: 'flow', values: ['ratioNode', 'ratioTotal'], unit: '×' },
    });
  }
  return tables;
}

let tables: Table[] = [];
try {
  tables = await main();
} finally {
  await Promise.all(servers.map((server) => stop(server)));
  for (const database of databases) await dropDatabase(database);
}
for (const table of tables) process.stdout.write(`\n${markdown(table)}`);
// A profiled server pays for its profiler: its figures are for finding costs, not for the report.
if (!PROFILE) {
  const path = writeReport({
    bench: 'logins',
    title: 'Password sign-ins and refresh grants',
    command: 'npm run bench:logins',
    settings: { seconds: SECONDS, workers: WORKERS, rounds: ROUNDS, argon2: argonLabel, base: BASE ?? null },
    tables,
  });
  process.stderr.write(`written to ${path}\n`);
}
// A flow that failed is a bench (or product) that no longer works: CI's smoke run must say so.
if (tables[0].rows.some((row) => Number(row.errors) > 0)) process.exit(1);
