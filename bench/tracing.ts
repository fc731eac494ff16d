/**
 * What tracing costs: this build twice on one database, one process with OTEL_EXPORTER_OTLP_ENDPOINT
 * (every span exported to a sink on loopback that accepts and drops them), one without; discovery
 * and client credentials measured against both back to back, their order swapped every round.
 *
 *   npm run bench:tracing     (BENCH_ROUNDS=2 BENCH_SECONDS=5 BENCH_CONNECTIONS=50)
 *
 * Reports requests per second of server CPU (the exporter's serialisation included: it runs in the
 * server process), and the ratio traced / untraced.
 */
import autocannon from 'autocannon';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, startPortcullis, stop, type CpuMeter, type Measurement, type Server } from './harness.js';
import { createIssuersAndClients, request, runScenario, scenarios, withOpaqueToken, type Fixtures } from './throughput.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SCENARIOS = scenarios.filter((scenario) => ['discovery', 'client_credentials RS256 opaque'].includes(scenario.name));
const WARM_UP_REQUESTS = 200;

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
    const untraced = await startPortcullis(main, databaseUrl);
    servers.push(untraced);
    const traced = await startPortcullis(main, databaseUrl, { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_BSP_SCHEDULE_DELAY: '1000' });
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

    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const rows = [...results].map(([name, { untraced, traced }]) => {
      const [u, t] = [mean(untraced.map((m) => m.perCpu)), mean(traced.map((m) => m.perCpu))];
      const errors = [...untraced, ...traced].reduce((sum, m) => sum + m.errors, 0);
      return `| ${name} | ${u.toFixed(0)} | ${t.toFixed(0)} | ${(t / u).toFixed(2)} | ${errors} |`;
    });
    process.stdout.write(
      [
        `\n${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, loopback, Node ${process.version}; ${sink.exports()} OTLP exports received\n`,
        '| scenario | untraced req/CPU-s | traced req/CPU-s | ratio | non-2xx |',
        '|---|---:|---:|---:|---:|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.all(servers.map((server) => stop(server)));
    sink.server.close();
    await dropDatabase(database);
  }
}

await main();
