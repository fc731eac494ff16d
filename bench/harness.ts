import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { CpuMeter } from './cpu.js';
import { SMOKE_SERVER_ENV } from './results.js';

export { cpuSeconds, CpuMeter } from './cpu.js';

/** The PostgreSQL server benchmarks create their throw-away databases on. */
export const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop';

/** A loopback port free right now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Waits for `/readyz` to answer 200, for up to 30 s. */
export async function waitReady(base: string): Promise<void> {
  for (let i = 0; (await fetch(`${base}/readyz`).catch(() => null))?.status !== 200; i++) {
    if (i === 300) throw new Error('not ready in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates an empty database on SERVER_URL's server; returns its URL. */
export async function createDatabase(name: string): Promise<string> {
  await onServer((db) => db.query(`CREATE DATABASE ${name}`));
  return Object.assign(new URL(SERVER_URL), { pathname: `/${name}` }).toString();
}

/** Drops a database made by createDatabase, with whatever connections are still open to it. */
export const dropDatabase = (name: string) => onServer((db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

async function onServer(work: (db: pg.Client) => Promise<unknown>): Promise<void> {
  const db = new pg.Client({ connectionString: SERVER_URL });
  await db.connect();
  try {
    await work(db);
  } finally {
    await db.end();
  }
}

export interface Server {
  url: string;
  process: ChildProcess;
  /** Its CPU and its database backends' CPU. */
  meter: CpuMeter;
  /** Where its log lines go (one per request at LOG_LEVEL=info, as deployed). */
  log: string;
}

/**
 * What deploy/kubernetes/base/portcullis.env sets, so that a bench pays what a deployment pays:
 * rate-limit counters in PostgreSQL, a log line per request. The one change is what an operator
 * whose clients send this much from one address must make: higher per-address request limits
 * (the limiter still counts every request). Sign-in throttling keeps its defaults.
 */
export const PRODUCTION_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  RATE_LIMIT_STORE: 'postgres',
  DATABASE_POOL_SIZE: '10',
  SHUTDOWN_DELAY_MS: '10000',
  SHUTDOWN_TIMEOUT_MS: '10000',
  METRICS_ACCESS: 'public',
  RATE_LIMIT_METADATA_PER_MINUTE: '10000000',
  RATE_LIMIT_PROTOCOL_PER_MINUTE: '10000000',
};

/** The key-encryption key every bench server gets (bench/issuers.ts seals cloned keys under it). */
export const BENCH_KEY_ENCRYPTION_KEY = 'ab'.repeat(32);

/** How a bench server is reached: `host` names it in PUBLIC_URL (it listens on 127.0.0.1 either way). */
export interface SpawnOptions {
  /** `localhost` where WebAuthn needs it (an RP ID cannot be an IP address); 127.0.0.1 by default. */
  host?: '127.0.0.1' | 'localhost';
}

/**
 * Spawns a built Portcullis (`main`: its dist/src/main.js) on a free loopback port with
 * PRODUCTION_ENV (less the shutdown delay in a smoke run) and `env`, without waiting for it. Its
 * log goes to a file under .bench/logs, so a benchmark's stdout holds only its tables.
 */
export async function spawnPortcullis(
  main: string,
  databaseUrl: string,
  env: Record<string, string> = {},
  { host = '127.0.0.1' }: SpawnOptions = {},
): Promise<{ url: string; child: ChildProcess; log: string }> {
  const port = await freePort();
  const url = `http://${host}:${port}`;
  const logs = fileURLToPath(new URL('../../.bench/logs/', import.meta.url));
  mkdirSync(logs, { recursive: true });
  const log = join(logs, `portcullis-${port}.log`);
  const logFd = openSync(log, 'w');
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH ?? '',
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      PORT: String(port),
      PUBLIC_URL: url,
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: ADMIN_KEY,
      KEY_ENCRYPTION_KEY: BENCH_KEY_ENCRYPTION_KEY,
      ...PRODUCTION_ENV,
      ...SMOKE_SERVER_ENV,
      ...env,
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  return { url, child, log };
}

/** spawnPortcullis, then waits until the server is ready. */
export async function startPortcullis(main: string, databaseUrl: string, env: Record<string, string> = {}, options: SpawnOptions = {}): Promise<Server> {
  const { url, child, log } = await spawnPortcullis(main, databaseUrl, env, options);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${main} exited with ${code} before it was ready; its log: ${log}`))),
  );
  try {
    await Promise.race([waitReady(url), exited]);
  } catch (error) {
    await stop(child);
    throw error;
  }
  exited.catch(() => undefined);
  return { url, process: child, meter: await CpuMeter.open(child.pid!, databaseUrl), log };
}

/** SIGTERM, then SIGKILL if the process is still there after 10 s. */
/**
 * Runs `bench` against one Portcullis (`main`) on a database of its own, made for it and dropped
 * after, with the server stopped, whatever happens; what `bench` returns.
 */
export async function onFreshServer<T>(
  name: string,
  main: string,
  env: Record<string, string>,
  options: SpawnOptions,
  bench: (server: Server) => Promise<T>,
): Promise<T> {
  const database = `portcullis_${name}_${Date.now()}`;
  let server: Server | undefined;
  try {
    server = await startPortcullis(main, await createDatabase(database), env, options);
    return await bench(server);
  } finally {
    if (server) await stop(server);
    await dropDatabase(database);
  }
}

export async function stop(target: ChildProcess | Server): Promise<void> {
  if ('meter' in target) await target.meter.close();
  const child = 'meter' in target ? target.process : target;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Calls the admin API with the benchmark's admin key; throws on anything but 2xx. */
export async function admin(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export interface Measurement {
  rps: number;
  /** Requests per CPU-second of the server process alone: steadier than req/s on a 2-core box the load generator shares. */
  perCpu: number;
  /** Microseconds of CPU per request: the Node process, and the PostgreSQL backends of its database (null: not measurable here, or none). */
  nodeUs: number;
  pgUs: number | null;
  /** Requests per CPU-second of Node and PostgreSQL together (equal to perCpu where there is no database). */
  perTotalCpu: number;
  p50: number;
  p99: number;
  errors: number;
}

/** Turns a count of requests and the CPU they used into a Measurement. */
export function perRequest(
  requests: number,
  seconds: number,
  cpu: { node: number; postgres: number | null },
  latency: { p50: number; p99: number },
  errors: number,
): Measurement {
  const node = Math.max(cpu.node, 0.01);
  return {
    rps: requests / seconds,
    perCpu: requests / node,
    nodeUs: (node * 1e6) / requests,
    pgUs: cpu.postgres === null ? null : (cpu.postgres * 1e6) / requests,
    perTotalCpu: requests / (node + (cpu.postgres ?? 0)),
    ...latency,
    errors,
  };
}

/** One autocannon run against the server `meter` watches. */
export async function measure(meter: CpuMeter, options: autocannon.Options): Promise<Measurement> {
  await meter.start();
  const result = await autocannon(options);
  const cpu = await meter.stop();
  return perRequest(result.requests.total, result.duration, cpu, { p50: result.latency.p50, p99: result.latency.p99 }, result.non2xx + result.errors);
}
