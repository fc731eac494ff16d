/**
 * The columns and rows of the tables of whole flows, shared by `npm run bench:logins`,
 * `npm run bench:factors` and `npm run bench:federation`: per flow (rate, CPU per flow, flows
 * per CPU-second, latency, errors), and each flow ÷ a baseline flow measured in the same run.
 */
import type { Measurement } from './harness.js';
import type { Cell, Column } from './results.js';

export const FLOW_COLUMNS: Column[] = [
  { key: 'flow', label: 'flow' },
  { key: 'rps', label: 'per second', digits: 1 },
  { key: 'nodeMs', label: 'Node CPU', unit: 'ms', digits: 2 },
  { key: 'pgMs', label: 'PostgreSQL CPU', unit: 'ms', digits: 2 },
  { key: 'totalMs', label: 'Node + PostgreSQL CPU', unit: 'ms', digits: 2 },
  { key: 'perNodeCpu', label: 'per Node CPU-second', digits: 1 },
  { key: 'perTotalCpu', label: 'per Node + PostgreSQL CPU-second', digits: 1 },
  { key: 'p50', label: 'p50', unit: 'ms', digits: 1 },
  { key: 'p99', label: 'p99', unit: 'ms', digits: 1 },
  { key: 'errors', label: 'errors' },
];

/** A row of FLOW_COLUMNS. */
export const flowRow = (flow: string, m: Measurement): Record<string, Cell> => ({
  flow,
  rps: m.rps,
  nodeMs: m.nodeUs / 1000,
  pgMs: m.pgUs === null ? null : m.pgUs / 1000,
  totalMs: (m.nodeUs + (m.pgUs ?? 0)) / 1000,
  perNodeCpu: m.perCpu,
  perTotalCpu: m.perTotalCpu,
  p50: m.p50,
  p99: m.p99,
  errors: m.errors,
});

export const RATIO_COLUMNS: Column[] = [
  { key: 'flow', label: 'flow' },
  { key: 'perNodeCpu', label: 'per Node CPU-second', unit: '×', digits: 2 },
  { key: 'perTotalCpu', label: 'per Node + PostgreSQL CPU-second', unit: '×', digits: 2 },
  { key: 'p50', label: 'p50', unit: '×', digits: 2 },
  { key: 'p99', label: 'p99', unit: '×', digits: 2 },
];

/** A row of RATIO_COLUMNS: `m` ÷ `baseline`. */
export const ratioRow = (flow: string, m: Measurement, baseline: Measurement): Record<string, Cell> => ({
  flow,
  perNodeCpu: m.perCpu / baseline.perCpu,
  perTotalCpu: m.perTotalCpu / baseline.perTotalCpu,
  p50: m.p50 / baseline.p50,
  p99: m.p99 / baseline.p99,
});
