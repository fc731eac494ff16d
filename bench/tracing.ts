/**
 * What tracing costs: this build twice on one database, one process with OTEL_EXPORTER_OTLP_ENDPOINT
 * (every span exported to a sink on loopback that accepts and drops them), one without; discovery
 * and client credentials measured against both back to back, their order swapped every round.
 *
 *   npm run bench:tracing     (BENCH_ROUNDS=2 BENCH_SECONDS=5 BENCH_CONNECTIONS=50)
 *
 * Reports, per request, the CPU of the server's Node process (the exporter's serialisation included:
 * it runs there) and of its PostgreSQL backends, and the ratios traced / untraced of requests per CPU-second.
 */
import autocannon from 'autocannon';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, startPortcullis, stop, type CpuMeter, type Measurement, type Server } from './harness.js';
import { markdown, SMOKE, SMOKE_SERVER_ENV, writeReport, type Table } from './results.js';
import { createIssuersAndClients, request, runScenario, scenarios, withOpaqueToken, type Fixtures } from './throughput.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 1 : 2));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SCENARIOS = scenarios.filter((scenario) => ['discovery', 'client_credentials RS256 opaque'].includes(scenario.name));
const WARM_UP_REQUESTS = SMOKE ? 20 : 200;

/** An OTLP/HTTP receiver that reads and drops every export; counts them, so a run shows spans did leave. */
async function startSink(): Promise<{ url: string; exports: () => number; server: HttpServer }> {
  let exports = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      exports++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, exports: () => exports, server };
}

type Side = 'untraced' | 'traced';

async function main(): Promise<void> {
  const database = `portcullis_bench_tracing_${Date.now()}`;
  const databaseUrl = await createDatabase(database);
  const sink = await startSink();
  const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
  const servers: Server[] = [];
  try {
    const untraced = await startPortcullis(main, databaseUrl, SMOKE_SERVER_ENV);
    servers.push(untraced);
    const traced = await startPortcullis(main, databaseUrl, { ...SMOKE_SERVER_ENV, OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_BSP_SCHEDULE_DELAY: '1000' });
    servers.push(traced);
    const fixtures = await createIssuersAndClients(untraced.url);
    const targets: Record<Side, { url: string; meter: CpuMeter; fixtures: Fixtures }> = {
      untraced: { url: untraced.url, meter: untraced.meter, fixtures: await withOpaqueToken(untraced.url, fixtures) },
      traced: { url: traced.url, meter: traced.meter, fixtures: await withOpaqueToken(traced.url, fixtures) },
    };
    for (const target of Object.values(targets)) {
      for (const scenario of SCENARIOS) {
        const { path, ...rest } = request(target.fixtures, scenario);
        await autocannon({ url: `${target.url}${path}`, ...rest, connections: 10, amount: WARM_UP_REQUESTS });
      }
    }

    const results = new Map<string, Record<Side, Measurement[]>>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const scenario of SCENARIOS) {
        for (const side of (round % 2 === 0 ? ['untraced', 'traced'] : ['traced', 'untraced']) as Side[]) {
          const measurement = await runScenario(targets[side], scenario, SECONDS, CONNECTIONS);
          if (!results.has(scenario.name)) results.set(scenario.name, { untraced: [], traced: [] });
          results.get(scenario.name)![side].push(measurement);
          process.stderr.write(
            `round ${round + 1}/${ROUNDS} ${side} ${scenario.name}: ${measurement.perCpu.toFixed(0)} req/CPU-s, ${measurement.errors} errors\n`,
          );
        }
      }
    }

    // Spans leave in batches (OTEL_BSP_SCHEDULE_DELAY=1000): none by now means the traced side traced nothing.
    if (sink.exports() === 0) throw new Error('the traced server exported no spans');
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const rows: Table['rows'] = [...results].map(([scenario, { untraced, traced }]) => {
      const [u, t] = [untraced, traced].map((side) => ({
        nodeUs: mean(side.map((m) => m.nodeUs)),
        pgUs: side.some((m) => m.pgUs === null) ? null : mean(side.map((m) => m.pgUs!)),
        perCpu: mean(side.map((m) => m.perCpu)),
        perTotalCpu: mean(side.map((m) => m.perTotalCpu)),
        p99: mean(side.map((m) => m.p99)),
      }));
      const errors = [...untraced, ...traced].reduce((sum, m) => sum + m.errors, 0);
      if (SMOKE && errors > 0) throw new Error(`${scenario}: ${errors} non-2xx answers`);
      return {
        scenario,
        untracedNodeUs: u.nodeUs,
        tracedNodeUs: t.nodeUs,
        untracedPgUs: u.pgUs,
        tracedPgUs: t.pgUs,
        ratioNode: t.perCpu / u.perCpu,
        ratioTotal: t.perTotalCpu / u.perTotalCpu,
        p99: `${u.p99.toFixed(0)}/${t.p99.toFixed(0)}`,
        errors,
      };
    });
    const table: Table = {
      title: 'Traced beside untraced, per request',
      note:
        `${ROUNDS} round(s) of ${SECONDS} s per side and scenario (order swapped each round; means), ${CONNECTIONS} connections, loopback, PostgreSQL; ` +
        `${sink.exports()} OTLP exports received. CPU from /proc: the Node process (the exporter's serialisation included) and the PostgreSQL backends ` +
        "of the database both servers share (the idle server's included). Ratios are traced ÷ untraced of requests per CPU-second.",
      columns: [
        { key: 'scenario', label: 'scenario' },
        { key: 'untracedNodeUs', label: 'untraced Node', unit: 'µs' },
        { key: 'tracedNodeUs', label: 'traced Node', unit: 'µs' },
        { key: 'untracedPgUs', label: 'untraced PostgreSQL', unit: 'µs' },
        { key: 'tracedPgUs', label: 'traced PostgreSQL', unit: 'µs' },
        { key: 'ratioNode', label: 'ratio by Node CPU', unit: '×', digits: 2 },
        { key: 'ratioTotal', label: 'ratio by Node + PostgreSQL CPU', unit: '×', digits: 2 },
        { key: 'p99', label: 'p99 untraced/traced', unit: 'ms' },
        { key: 'errors', label: 'non-2xx' },
      ],
      rows,
      chart: { title: 'Node CPU per request, without and with tracing', label: 'scenario', values: ['untracedNodeUs', 'tracedNodeUs'], unit: 'µs' },
    };
    process.stdout.write(`\n${markdown(table)}`);
    const settings = { rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS };
    process.stderr.write(`written to ${writeReport({ bench: 'tracing', title: 'Tracing', command: 'npm run bench:tracing', settings, tables: [table] })}\n`);
  } finally {
    await Promise.all(servers.map((server) => stop(server)));
    sink.server.close();
    await dropDatabase(database);
  }
}

await main();
