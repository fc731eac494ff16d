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
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ADMIN_KEY, cpuSeconds, freePort, SERVER_URL, waitReady } from './harness.js';
import { generateKeyMaterial } from '../src/keys/key-material.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const KEK = 'ab'.repeat(32);

/** Starts a node process; resolves once its stdout matches `ready`, or at once without one. */
function start(command: string[], env: Record<string, string>, ready?: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, command, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  if (!ready) return Promise.resolve(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (ready.test(out)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code}`)));
  });
}

async function admin(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

interface Scenario {
  name: string;
  path: (issuers: Record<string, string>) => string;
  method?: 'GET' | 'POST';
  body?: (ctx: Context) => string;
  auth?: keyof Context['clients'];
}
interface Context {
  clients: Record<'rs' | 'es', { id: string; secret: string }>;
  opaqueToken: Record<'bare' | 'portcullis', string>;
}

const cc = 'grant_type=client_credentials';
const scenarios: Scenario[] = [
  { name: 'discovery', path: (i) => `/${i.rs}/.well-known/openid-configuration` },
  { name: 'JWKS', path: (i) => `/${i.rs}/jwks.json` },
  { name: 'client_credentials RS256 opaque', path: (i) => `/${i.rs}/token`, method: 'POST', body: () => cc, auth: 'rs' },
  {
    name: 'client_credentials RS256 JWT',
    path: (i) => `/${i.rs}/token`,
    method: 'POST',
    body: () => `${cc}&resource=https%3A%2F%2Fapi.example.com`,
    auth: 'rs',
  },
  { name: 'client_credentials ES256 opaque', path: (i) => `/${i.es}/token`, method: 'POST', body: () => cc, auth: 'es' },
  {
    name: 'client_credentials ES256 JWT',
    path: (i) => `/${i.es}/token`,
    method: 'POST',
    body: () => `${cc}&resource=https%3A%2F%2Fapi.example.com`,
    auth: 'es',
  },
];

async function load(url: string, scenario: Scenario, ctx: Context, body?: string) {
  const client = scenario.auth ? ctx.clients[scenario.auth] : undefined;
  const headers: Record<string, string> = {};
  if (client) headers.authorization = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`;
  if (scenario.method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, method: scenario.method ?? 'GET', headers, body });
}

async function main(): Promise<void> {
  const database = `portcullis_bench_${Date.now()}`;
  const adminClient = new pg.Client({ connectionString: SERVER_URL });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${database}`);
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${database}` }).toString();
  const children: ChildProcess[] = [];

  try {
    const [pPort, bPort] = [await freePort(), await freePort()];
    const portcullisUrl = `http://127.0.0.1:${pPort}`;
    const portcullis = await start([fileURLToPath(new URL('../src/main.js', import.meta.url))], {
      NODE_ENV: 'production',
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      PORT: String(pPort),
      PUBLIC_URL: portcullisUrl,
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: ADMIN_KEY,
      KEY_ENCRYPTION_KEY: KEK,
      LOG_LEVEL: 'warn',
      KEY_ROTATION_CHECK_SECONDS: '0',
      RATE_LIMIT_METADATA_PER_MINUTE: '0',
      RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
    });
    children.push(portcullis);
    await waitReady(portcullisUrl);

    const issuers = { rs: 'bench-rs', es: 'bench-es' };
    const clients = {} as Context['clients'];
    for (const [key, alg] of [
      ['rs', 'RS256'],
      ['es', 'ES256'],
    ] as const) {
      await admin(portcullisUrl, 'POST', '/v1/tenants', { issuer_id: issuers[key], signing_alg: alg });
      const client = await admin(portcullisUrl, 'POST', `/v1/tenants/${issuers[key]}/clients`, {
        grant_types: ['client_credentials'],
        allowed_resources: ['https://api.example.com'],
      });
      clients[key] = { id: client.client_id, secret: client.client_secret };
    }

    const bareInput = {
      port: bPort,
      issuers: await Promise.all(
        (['rs', 'es'] as const).map(async (key) => ({
          issuerId: issuers[key],
          signingAlg: key === 'rs' ? 'RS256' : 'ES256',
          jwks: await Promise.all([0, 1].map(async () => (await generateKeyMaterial(key === 'rs' ? 'RS256' : 'ES256')).privateJwk)),
          clients: [
            {
              client_id: clients[key].id,
              client_secret: clients[key].secret,
              grant_types: ['client_credentials'],
              response_types: [],
              token_endpoint_auth_method: 'client_secret_basic',
              allowed_resources: ['https://api.example.com'],
            },
          ],
        })),
      ),
    };
    const bare = await start([fileURLToPath(new URL('./bare-provider.js', import.meta.url)), JSON.stringify(bareInput)], {}, /ready/);
    children.push(bare);
    const targets = { bare: { url: `http://127.0.0.1:${bPort}`, pid: bare.pid! }, portcullis: { url: portcullisUrl, pid: portcullis.pid! } };

    const opaqueToken = {} as Context['opaqueToken'];
    for (const [name, target] of Object.entries(targets) as [keyof typeof targets, (typeof targets)['bare']][]) {
      const res = await fetch(`${target.url}/${issuers.rs}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clients.rs.id}:${clients.rs.secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: cc,
      });
      opaqueToken[name] = ((await res.json()) as { access_token: string }).access_token;
    }
    const ctx: Context = { clients, opaqueToken };
    const all: Scenario[] = [...scenarios, { name: 'introspection (opaque)', path: (i) => `/${i.rs}/introspect`, method: 'POST', auth: 'rs' }];

    const rows: string[] = [];
    for (const scenario of all) {
      const measured: Record<string, { rps: number; perCpu: number; errors: number }> = {};
      for (const [name, target] of Object.entries(targets) as [keyof typeof targets, (typeof targets)['bare']][]) {
        const body = scenario.name.startsWith('introspection') ? `token=${ctx.opaqueToken[name]}` : scenario.body?.(ctx);
        const cpuBefore = cpuSeconds(target.pid);
        const result = await load(`${target.url}${scenario.path(issuers)}`, scenario, ctx, body);
        const cpu = cpuSeconds(target.pid) - cpuBefore;
        measured[name] = { rps: result.requests.average, perCpu: result.requests.total / Math.max(cpu, 0.01), errors: result.non2xx + result.errors };
      }
      const { bare: b, portcullis: p } = measured;
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
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await adminClient.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await adminClient.end();
  }
}

await main();
