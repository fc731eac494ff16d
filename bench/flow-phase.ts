/**
 * Phases of whole flows (sign-ins, refresh grants), shared by `npm run bench:logins`,
 * `npm run bench:factors` and `npm run bench:federation`: a number of clients, each running one
 * flow after another for a number of seconds, the server's CPU (Node and PostgreSQL) metered
 * around them.
 */
import type { CpuMeter, CpuUse } from './cpu.js';
import { perRequest, type Measurement } from './harness.js';

/** One phase against one server. */
export interface Sample {
  /** Of each completed flow, in ms. */
  durations: number[];
  wall: number;
  cpu: CpuUse;
  errors: number;
}

export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

/**
 * Runs `work` in `workers` loops for `seconds` against the server `meter` watches: completions,
 * CPU, latency. `work` returns false when it ran no flow (it waited for something), which then
 * counts neither as a flow nor in the latencies. The first error is written to stderr after `label`.
 */
export async function runPhase(
  meter: CpuMeter,
  { label, workers, seconds }: { label: string; workers: number; seconds: number },
  work: (worker: number) => Promise<boolean | void>,
): Promise<Sample> {
  const durations: number[] = [];
  let errors = 0;
  await meter.start();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline) {
        const began = performance.now();
        try {
          if ((await work(worker)) !== false) durations.push(performance.now() - began);
        } catch (error) {
          if (errors++ === 0) process.stderr.write(`${label}: ${(error as Error).message}\n`);
        }
      }
    }),
  );
  const wall = (performance.now() - start) / 1000;
  return { durations, wall, cpu: await meter.stop(), errors };
}

/** Samples of several rounds as one measurement: flows, time and CPU added up, latencies pooled. */
export function combine(samples: Sample[]): Measurement {
  const durations = samples.flatMap((s) => s.durations).sort((a, b) => a - b);
  const sum = (pick: (s: Sample) => number) => samples.reduce((total, s) => total + pick(s), 0);
  const postgres = samples.some((s) => s.cpu.postgres === null) ? null : sum((s) => s.cpu.postgres ?? 0);
  return perRequest(
    durations.length,
    sum((s) => s.wall),
    { node: sum((s) => s.cpu.node), postgres },
    { p50: percentile(durations, 50), p99: percentile(durations, 99) },
    sum((s) => s.errors),
  );
}

/**
 * Phases of each kind of flow taking turns on one server, `rounds` times, the order reversed
 * every round (so that no kind always runs on the machine another just warmed); each kind's
 * samples combined. A line per phase on stderr.
 */
export async function alternate<K extends string>(
  meter: CpuMeter,
  kinds: readonly K[],
  flows: Record<K, (worker: number) => Promise<boolean | void>>,
  { workers, seconds, rounds }: { workers: number; seconds: number; rounds: number },
): Promise<Record<K, Measurement>> {
  const samples = Object.fromEntries(kinds.map((kind) => [kind, [] as Sample[]])) as Record<K, Sample[]>;
  for (let round = 0; round < rounds; round++) {
    for (const kind of round % 2 === 0 ? kinds : [...kinds].reverse()) {
      const sample = await runPhase(meter, { label: kind, workers, seconds }, (worker) => flows[kind](worker));
      samples[kind].push(sample);
      const m = combine([sample]);
      process.stderr.write(
        `round ${round + 1}/${rounds} ${kind}: ${m.perCpu.toFixed(1)}/Node CPU-s, ${m.perTotalCpu.toFixed(1)}/CPU-s with PostgreSQL, ${m.rps.toFixed(1)}/s, p50 ${m.p50.toFixed(0)} ms, ${m.errors} errors\n`,
      );
    }
  }
  return Object.fromEntries(kinds.map((kind) => [kind, combine(samples[kind])])) as Record<K, Measurement>;
}
