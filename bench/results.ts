/**
 * What a benchmark found, as data: each bench writes one JSON report that `npm run bench:report`
 * turns into BENCHMARKS.md (tables and SVG charts). A smoke run (BENCH_SMOKE=1) writes under
 * .bench/ instead, so it never replaces a real run's figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  /** Printed after the value in tables and on a chart's axis: 'µs', 'ms', 'MiB', 'req/CPU-s', '×'. */
  unit?: string;
  /** Decimals in tables; 0 by default. */
  digits?: number;
}

export interface Chart {
  title: string;
  /** The column naming each bar (or group of bars). */
  label: string;
  /** The columns drawn as bars, side by side for each label. */
  values: string[];
  unit: string;
}

export interface Table {
  title: string;
  /** Said under the table: how it was measured. */
  note?: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  chart?: Chart;
}

export interface Report {
  /** The family: its section of BENCHMARKS.md and the name of its file. */
  bench: string;
  title: string;
  command: string;
  date: string;
  machine: { cpus: string; cores: number; memoryGiB: number; node: string; loadAtStart: number; loadAtEnd: number };
  settings: Record<string, Cell>;
  tables: Table[];
}

export const SMOKE = process.env.BENCH_SMOKE === '1';

const loadAtStart = loadavg()[0];

/**
 * Prints a flow bench's tables, writes its report, and ends the process with 1 when the first
 * table's `errors` column counts any: a flow that failed is a bench (or product) that no longer
 * works, and CI's smoke run must say so.
 */
export function publishFlows(report: Omit<Report, 'date' | 'machine'>): void {
  for (const table of report.tables) process.stdout.write(`\n${markdown(table)}`);
  process.stderr.write(`written to ${writeReport(report)}\n`);
  if (report.tables[0]?.rows.some((row) => Number(row.errors) > 0)) process.exit(1);
}

/** Writes `report` to bench/results/<bench>.json (or .bench/smoke/ in a smoke run) and returns the path. */
export function writeReport(report: Omit<Report, 'date' | 'machine'>): string {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dir = SMOKE ? join(root, '.bench', 'smoke') : join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const full: Report = {
    ...report,
    date: new Date().toISOString(),
    machine: {
      cpus: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAtStart,
      loadAtEnd: loadavg()[0],
    },
  };
  const path = join(dir, `${report.bench}.json`);
  writeFileSync(path, `${JSON.stringify(full, null, 2)}\n`);
  return path;
}

/** A table as Markdown, for a bench's own stdout. */
export function markdown(table: Table): string {
  const cell = (column: Column, value: Cell) =>
    value === null || value === undefined ? '–' : typeof value === 'number' ? value.toFixed(column.digits ?? 0) : value;
  return [
    `### ${table.title}`,
    '',
    `| ${table.columns.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label)).join(' | ')} |`,
    `|${table.columns.map((c, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...table.rows.map((row) => `| ${table.columns.map((c) => cell(c, row[c.key])).join(' | ')} |`),
    ...(table.note ? ['', table.note] : []),
    '',
  ].join('\n');
}

/**
 * What a smoke run changes in a server's configuration: no wait before the drain on SIGTERM
 * (SHUTDOWN_DELAY_MS, 10 s as deployed), which no smoke measures and every stop would pay.
 */
export const SMOKE_SERVER_ENV: Record<string, string> = SMOKE ? { SHUTDOWN_DELAY_MS: '0' } : {};
