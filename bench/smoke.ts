/**
 * Every bench for a second or two each (BENCH_SMOKE=1), one after another, so that a bench that
 * stops working fails CI: a bench fails when it exits non-zero, outlives its time bound (its whole
 * process group is then stopped), or writes no report with rows under .bench/smoke/. Then
 * `bench:report` draws the smoke reports (under .bench/smoke/report/), so every family's report
 * is known to render. One line per bench with its wall time; a failing bench's log tail after it.
 *
 *   npm run bench:smoke       (builds once; PostgreSQL as for the benches: DATABASE_URL or 127.0.0.1:5432)
 *
 * Logs: .bench/smoke/<bench>.log.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from './results.js';

interface Bench {
  /** Its npm script. */
  name: string;
  /** Under dist/bench/. */
  script: string;
  node?: string[];
  args?: string[];
  /** The time bound: a few times what it takes on a busy 2-core machine. */
  seconds: number;
}

/** Every bench, in the order they run. */
const BENCHES: Bench[] = [
  { name: 'bench', script: 'run.js', seconds: 120 },
  { name: 'bench:logins', script: 'logins.js', seconds: 120 },
  { name: 'bench:factors', script: 'factors.js', seconds: 90 },
  { name: 'bench:federation', script: 'federation.js', seconds: 90 },
  { name: 'bench:scale', script: 'scale.js', seconds: 180 },
  { name: 'bench:discovery', script: 'discovery-scale.js', seconds: 120 },
  { name: 'bench:heap', script: 'provider-heap.js', node: ['--expose-gc'], seconds: 90 },
  { name: 'bench:pod', script: 'pod-sizing.js', seconds: 150 },
  { name: 'bench:tracing', script: 'tracing.js', seconds: 120 },
  // HEAD (checked out and built under .bench/) beside this working tree: the checkout is the step most likely to break.
  { name: 'bench:compare', script: 'compare.js', args: ['HEAD', '--quick'], seconds: 240 },
];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist', 'bench');
const OUT = join(ROOT, '.bench', 'smoke');
/** How long a stopped bench gets to drop its databases before its process group is killed. */
const GRACE_MS = 10_000;

let running: { pid: number } | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (running) stopGroup(running.pid);
    process.exit(130);
  });
}

/** SIGTERM to the process group (the bench and the servers it started), SIGKILL after GRACE_MS. */
function stopGroup(pid: number): NodeJS.Timeout {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The group is gone already.
    }
  };
  signal('SIGTERM');
  return setTimeout(() => signal('SIGKILL'), GRACE_MS);
}

/** Runs one command in its own process group, its output to `log`; resolves with what went wrong, if anything. */
function run(command: string[], log: string, seconds: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const out = createWriteStream(log);
    const child = spawn(process.execPath, command, {
      cwd: ROOT,
      env: { ...process.env, BENCH_SMOKE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    running = { pid: child.pid! };
    let killer: NodeJS.Timeout | undefined;
    let outcome: string | undefined;
    const bound = setTimeout(() => (killer = stopGroup(child.pid!)), seconds * 1000);
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => {
      outcome = killer ? `still running after ${seconds} s: stopped` : code !== 0 ? `exited with ${code ?? signal}` : undefined;
      // Whatever the bench left running (a server holding its stderr open) is stopped too.
      if (killer === undefined) stopGroup(child.pid!).unref();
    });
    child.once('close', () => {
      clearTimeout(bound);
      running = undefined;
      out.end(() => resolve(outcome));
    });
  });
}

/** The reports written under OUT since `since` (ms), or what is wrong with them. */
function reportsSince(since: number): { names: string[]; problem?: string } {
  const names = readdirSync(OUT).filter((name) => name.endsWith('.json') && statSync(join(OUT, name)).mtimeMs >= since);
  if (names.length === 0) return { names, problem: 'wrote no report under .bench/smoke/' };
  for (const name of names) {
    const report = JSON.parse(readFileSync(join(OUT, name), 'utf8')) as Report;
    if (!Array.isArray(report.tables) || report.tables.length === 0) return { names, problem: `${name} has no table` };
    const empty = report.tables.find((table) => table.rows.length === 0);
    if (empty) return { names, problem: `${name}: "${empty.title}" has no rows` };
  }
  return { names };
}

const tail = (log: string, lines = 30) => readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const started = performance.now();
const failed: string[] = [];
const line = (ok: boolean, name: string, seconds: number, what: string) =>
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(16)} ${seconds.toFixed(1).padStart(6)} s  ${what}\n`);

for (const bench of BENCHES) {
  const script = join(DIST, bench.script);
  if (!existsSync(script)) {
    failed.push(bench.name);
    line(false, bench.name, 0, `dist/bench/${bench.script} does not exist: no bench/${bench.script.replace(/\.js$/, '.ts')} in this tree?`);
    continue;
  }
  const since = Date.now();
  const log = join(OUT, `${bench.name.replace(':', '-')}.log`);
  const problem = (await run([...(bench.node ?? []), script, ...(bench.args ?? [])], log, bench.seconds)) ?? reportsSince(since).problem;
  const seconds = (Date.now() - since) / 1000;
  if (problem) {
    failed.push(bench.name);
    line(false, bench.name, seconds, `${problem}; log: ${log}`);
    process.stdout.write(`${tail(log).replace(/^/gm, '      | ')}\n`);
  } else {
    line(true, bench.name, seconds, reportsSince(since).names.join(', '));
  }
}

// The smoke reports drawn as BENCHMARKS.md would draw them: a report the generator cannot read fails here.
const since = Date.now();
const log = join(OUT, 'bench-report.log');
const problem = await run([join(DIST, 'report.js'), '--results', OUT, '--out', join(OUT, 'report')], log, 60);
line(!problem, 'bench:report', (Date.now() - since) / 1000, problem ? `${problem}; log: ${log}` : '.bench/smoke/report/BENCHMARKS.md');
if (problem) failed.push('bench:report');

const total = (performance.now() - started) / 1000;
process.stdout.write(
  `${BENCHES.length + 1 - failed.length} of ${BENCHES.length + 1} passed in ${total.toFixed(0)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`,
);
process.exit(failed.length ? 1 : 0);
