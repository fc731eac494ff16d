/**
 * Portcullis against bare oidc-provider, in one run, on loopback.
 *
 *   npm run bench                     (BENCH_SECONDS=5 BENCH_CONNECTIONS=50 by default)
 *
 * Starts Portcullis (built, configured as deploy/kubernetes sets it, on PostgreSQL: DATABASE_URL's
 * server or 127.0.0.1:5432, in a fresh database dropped afterwards) and, beside it, the same provider
 * configuration on bare node:http with an in-memory adapter. Each scenario runs against the
 * baseline, then against Portcullis, for a bounded time. Per request it reports the CPU of the Node
 * process, of the PostgreSQL backends serving Portcullis's database, and their sum; requests per
 * CPU-second and their ratios to the baseline; and the latency's p50 and p99.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CpuMeter, createDatabase, dropDatabase, freePort, startPortcullis, stop, type Measurement } from './harness.js';
import { markdown, SMOKE, writeReport, type Table } from './results.js';
import { createIssuersAndClients, runScenario, scenarios, withOpaqueToken } from './throughput.js';
import { generateKeyMaterial } from '../src/keys/key-material.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

/** Starts the bare provider; resolves once it says it is ready. */
function startBare(input: unknown): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./bare-provider.js', import.meta.url)), JSON.stringify(input)], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (/ready/.test(out)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`bare provider exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const database = `portcullis_bench_${Date.now()}`;
  const databaseUrl = await createDatabase(database);
  const children: ChildProcess[] = [];
  const meters: CpuMeter[] = [];

  try {
    const portcullis = await startPortcullis(fileURLToPath(new URL('../src/main.js', import.meta.url)), databaseUrl);
    children.push(portcullis.process);
    meters.push(portcullis.meter);
    const fixtures = await createIssuersAndClients(portcullis.url);

    const bPort = await freePort();
    const bareInput = {
      port: bPort,
      issuers: await Promise.all(
        (['rs', 'es'] as const).map(async (key) => ({
          issuerId: fixtures.issuers[key],
          signingAlg: key === 'rs' ? 'RS256' : 'ES256',
          jwks: await Promise.all([0, 1].map(async () => (await generateKeyMaterial(key === 'rs' ? 'RS256' : 'ES256')).privateJwk)),
          clients: [
            {
              client_id: fixtures.clients[key].id,
              client_secret: fixtures.clients[key].secret,
              grant_types: ['client_credentials'],
              response_types: [],
              token_endpoint_auth_method: 'client_secret_basic',
              allowed_resources: ['https://api.example.com'],
            },
          ],
        })),
      ),
    };
    const bare = await startBare(bareInput);
    children.push(bare);
    const bareMeter = await CpuMeter.open(bare.pid!);
    meters.push(bareMeter);
    const bareUrl = `http://127.0.0.1:${bPort}`;
    const targets = {
      bare: { url: bareUrl, meter: bareMeter, fixtures: await withOpaqueToken(bareUrl, fixtures) },
      portcullis: { url: portcullis.url, meter: portcullis.meter, fixtures: await withOpaqueToken(portcullis.url, fixtures) },
    };

    const rows: Table['rows'] = [];
    for (const scenario of scenarios) {
      const b = await runScenario(targets.bare, scenario, SECONDS, CONNECTIONS);
      const p = await runScenario(targets.portcullis, scenario, SECONDS, CONNECTIONS);
      rows.push(row(scenario.name, b, p));
      process.stderr.write(`${scenario.name}: ${JSON.stringify(rows.at(-1))}\n`);
    }
    const table: Table = {
      title: 'Portcullis beside bare oidc-provider, per request',
      note:
        `${SECONDS} s per scenario and server, ${CONNECTIONS} connections (autocannon), loopback. CPU from /proc: the Node process, and the PostgreSQL ` +
        'backends connected to its database (the bare library has none). Ratios are Portcullis ÷ bare of requests per CPU-second: by Node CPU alone, and by Node and PostgreSQL together.',
      columns: [
        { key: 'scenario', label: 'scenario' },
        { key: 'bareNodeUs', label: 'bare Node', unit: 'µs' },
        { key: 'nodeUs', label: 'Portcullis Node', unit: 'µs' },
        { key: 'pgUs', label: 'PostgreSQL', unit: 'µs' },
        { key: 'totalUs', label: 'Node + PostgreSQL', unit: 'µs' },
        { key: 'ratioNode', label: 'ratio by Node CPU', unit: '×', digits: 2 },
        { key: 'ratioTotal', label: 'ratio by Node + PostgreSQL CPU', unit: '×', digits: 2 },
        { key: 'bareP50P99', label: 'bare p50/p99', unit: 'ms' },
        { key: 'p50P99', label: 'Portcullis p50/p99', unit: 'ms' },
        { key: 'rps', label: 'Portcullis req/s' },
        { key: 'errors', label: 'non-2xx bare/Portcullis' },
      ],
      rows,
      chart: { title: 'Requests per CPU-second, Portcullis ÷ bare oidc-provider', label: 'scenario', values: ['ratioNode', 'ratioTotal'], unit: '×' },
    };
    process.stdout.write(`\n${markdown(table)}`);
    process.stderr.write(
      `written to ${writeReport({ bench: 'throughput', title: 'Protocol requests', command: 'npm run bench', settings: { seconds: SECONDS, connections: CONNECTIONS }, tables: [table] })}\n`,
    );
  } finally {
    await Promise.all(meters.map((meter) => meter.close()));
    await Promise.all(children.map(stop));
    await dropDatabase(database);
  }
}

await main();

/** One table row: the baseline's measurement `b` beside Portcullis's `p`. */
function row(scenario: string, b: Measurement, p: Measurement): Table['rows'][number] {
  return {
    scenario,
    bareNodeUs: Math.round(b.nodeUs),
    nodeUs: Math.round(p.nodeUs),
    pgUs: p.pgUs === null ? null : Math.round(p.pgUs),
    totalUs: Math.round(p.nodeUs + (p.pgUs ?? 0)),
    ratioNode: p.perCpu / b.perCpu,
    ratioTotal: p.perTotalCpu / b.perTotalCpu,
    bareP50P99: `${b.p50}/${b.p99}`,
    p50P99: `${p.p50}/${p.p99}`,
    rps: Math.round(p.rps),
    errors: `${b.errors}/${p.errors}`,
  };
}
