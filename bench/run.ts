/**
 * Portcullis against bare oidc-provider, in one run, on loopback.
 *
 *   npm run bench                     (BENCH_SECONDS=5 BENCH_CONNECTIONS=50 by default)
 *
 * Starts Portcullis (built, on PostgreSQL: DATABASE_URL's server or 127.0.0.1:5432, in a fresh
 * database dropped afterwards) and, beside it, the same provider configuration on bare node:http
 * with an in-memory adapter. Each scenario runs against the baseline, then against Portcullis,
 * for a bounded time; it reports requests/s and requests per second of server CPU (steadier on a
 * shared 2-core box, where the load generator competes for CPU), and their ratios.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, freePort, startPortcullis, stop } from './harness.js';
import { createIssuersAndClients, runScenario, scenarios, withOpaqueToken } from './throughput.js';
import { generateKeyMaterial } from '../src/keys/key-material.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
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

  try {
    const portcullis = await startPortcullis(fileURLToPath(new URL('../src/main.js', import.meta.url)), databaseUrl);
    children.push(portcullis.process);
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
    const bareUrl = `http://127.0.0.1:${bPort}`;
    const targets = {
      bare: { url: bareUrl, pid: bare.pid!, fixtures: await withOpaqueToken(bareUrl, fixtures) },
      portcullis: { url: portcullis.url, pid: portcullis.process.pid!, fixtures: await withOpaqueToken(portcullis.url, fixtures) },
    };

    const rows: string[] = [];
    for (const scenario of scenarios) {
      const b = await runScenario(targets.bare, scenario, SECONDS, CONNECTIONS);
      const p = await runScenario(targets.portcullis, scenario, SECONDS, CONNECTIONS);
      rows.push(
        `| ${scenario.name} | ${b.rps.toFixed(0)} | ${p.rps.toFixed(0)} | ${(p.rps / b.rps).toFixed(2)} | ${b.perCpu.toFixed(0)} | ${p.perCpu.toFixed(0)} | ${(p.perCpu / b.perCpu).toFixed(2)} | ${b.errors}/${p.errors} |`,
      );
      process.stderr.write(`${rows.at(-1)}\n`);
    }
    process.stdout.write(
      [
        `\n${SECONDS} s per run, ${CONNECTIONS} connections, loopback, Node ${process.version}, oidc-provider bare vs Portcullis on PostgreSQL\n`,
        '| scenario | bare req/s | Portcullis req/s | ratio | bare req/CPU-s | Portcullis req/CPU-s | ratio (CPU) | non-2xx bare/Portcullis |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.all(children.map(stop));
    await dropDatabase(database);
  }
}

await main();
