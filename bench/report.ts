/**
 * BENCHMARKS.md from the benches' JSON reports: bench/BENCHMARKS.template.md with its markers
 * replaced by what bench/results/*.json hold (the runs: machine, date, command; then each family's
 * tables, and its chart as bench/charts/<bench>.svg).
 *
 *   npm run bench:report                  rewrite BENCHMARKS.md and bench/charts/
 *   npm run bench:report -- --check       exit 1 if they differ from what the reports make (CI)
 *   npm run bench:report -- --results DIR --out DIR    other reports (e.g. .bench/smoke), written under DIR
 *
 * The output depends on the reports and the template only (no clock, no machine of its own), so
 * the check holds on any machine.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartSpec, renderSvg } from './report-chart.js';
import { markdown, type Cell, type Report } from './results.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = join(ROOT, 'bench', 'BENCHMARKS.template.md');
const RUNS = '<!-- bench:runs -->';
const RESULTS = '<!-- bench:results -->';
/** Families in reading order; any other comes after these, by name. */
const ORDER = ['throughput', 'logins', 'factors', 'federation', 'discovery', 'scale', 'heap', 'pod', 'tracing', 'compare'];

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a directory`);
  return value;
}

function readReports(dir: string): Report[] {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  const reports = files.map((name) => {
    const report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Report;
    if (typeof report.bench !== 'string' || !Array.isArray(report.tables)) throw new Error(`${join(dir, name)}: not a bench report (see bench/results.ts)`);
    return report;
  });
  const rank = (bench: string) => (ORDER.includes(bench) ? ORDER.indexOf(bench) : ORDER.length);
  return reports.sort((a, b) => rank(a.bench) - rank(b.bench) || a.bench.localeCompare(b.bench));
}

/** Where a heading of `title` takes a reader on GitHub. */
const anchor = (title: string) =>
  `#${title
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')}`;
const date = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const machine = (m: Report['machine']) => `${m.cpus}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}`;
const load = (m: Report['machine']) => `${m.loadAtStart.toFixed(1)} → ${m.loadAtEnd.toFixed(1)}`;
const settings = (s: Record<string, Cell>) =>
  Object.entries(s)
    .map(([key, value]) => `${key}=${value ?? '–'}`)
    .join(', ');
/** A table cell may hold neither a pipe nor a line break. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The header: which command made each family's figures, when, on what machine, under what load. */
function runs(reports: Report[]): string {
  if (reports.length === 0) return 'No results yet: run a bench, then `npm run bench:report`.';
  const machines = new Set(reports.map((r) => machine(r.machine)));
  const shared = machines.size === 1;
  return [
    shared
      ? `All figures below come from one machine: ${[...machines][0]}; loopback only.`
      : 'The figures below come from more than one machine (see each row); loopback only.',
    '',
    `| results | command | date | ${shared ? '' : 'machine | '}load average (start → end) | settings |`,
    `|---|---|---|${shared ? '' : '---|'}---|---|`,
    ...reports.map(
      (r) =>
        `| [${cell(r.title)}](${anchor(r.title)}) | \`${cell(r.command)}\` | ${date(r.date)} | ${shared ? '' : `${cell(machine(r.machine))} | `}${load(r.machine)} | ${cell(settings(r.settings))} |`,
    ),
  ].join('\n');
}

/** One family's section: what ran, its chart, its tables. */
function section(report: Report, chart: string | undefined): string {
  return [
    `## ${report.title}`,
    '',
    `\`${report.command}\`, ${date(report.date)}, load average ${load(report.machine)}${Object.keys(report.settings).length ? `; ${settings(report.settings)}` : ''}.`,
    '',
    ...(chart ? [`![${report.tables.find((t) => t.chart)!.chart!.title}](${chart})`, ''] : []),
    ...report.tables.map((table) => markdown(table)),
  ].join('\n');
}

/** Every file the reports make, by path under `out`. */
async function generate(reports: Report[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const sections: string[] = [];
  for (const report of reports) {
    const spec = chartSpec(report);
    const chart = spec && `bench/charts/${report.bench}.svg`;
    if (spec) files.set(chart!, await renderSvg(spec));
    sections.push(section(report, chart));
  }
  const template = readFileSync(TEMPLATE, 'utf8');
  for (const marker of [RUNS, RESULTS]) if (!template.includes(marker)) throw new Error(`${TEMPLATE} has no ${marker}`);
  const body = template
    .replace(RUNS, () => runs(reports))
    .replace(RESULTS, () => sections.join('\n'))
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
  files.set(
    'BENCHMARKS.md',
    `<!-- Generated by npm run bench:report from bench/BENCHMARKS.template.md and bench/results/*.json: edit those, then run it. -->\n\n${body}\n`,
  );
  return files;
}

const check = process.argv.includes('--check');
const resultsDir = option('--results') ?? join(ROOT, 'bench', 'results');
const out = option('--out') ?? ROOT;
const files = await generate(readReports(resultsDir));
const chartsDir = join(out, 'bench', 'charts');
const staleCharts = existsSync(chartsDir)
  ? readdirSync(chartsDir)
      .filter((name) => name.endsWith('.svg'))
      .map((name) => `bench/charts/${name}`)
      .filter((path) => !files.has(path))
  : [];

if (check) {
  const differ = [...files].filter(([path, text]) => !existsSync(join(out, path)) || readFileSync(join(out, path), 'utf8') !== text).map(([path]) => path);
  const problems = [...differ.map((path) => `${path} differs from what the reports make`), ...staleCharts.map((path) => `${path} belongs to no report`)];
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\nRun npm run bench:report and commit the result.\n`);
    process.exit(1);
  }
  process.stderr.write(`BENCHMARKS.md and ${files.size - 1} charts match ${relative(ROOT, resultsDir) || '.'}\n`);
} else {
  for (const [path, text] of files) {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  for (const path of staleCharts) rmSync(join(out, path));
  process.stderr.write(`wrote ${[...files.keys()].map((path) => relative(ROOT, join(out, path))).join(', ')}\n`);
}
