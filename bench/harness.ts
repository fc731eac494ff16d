import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import pg from 'pg';

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

/** CPU seconds (user + system) a process has used so far; /proc counts in 1/100 s (USER_HZ). */
export function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    throw new Error(`server process ${pid} is gone`);
  }
  const fields = stat.split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

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
}

/**
 * Starts a built Portcullis (`main`: its dist/src/main.js) on a free loopback port, in production
 * mode with rate limits and scheduled key rotation off, and waits until it is ready. Its output goes
 * to this process's stderr, so a benchmark's stdout holds only its tables.
 */
export async function startPortcullis(main: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: ADMIN_KEY,
      KEY_ENCRYPTION_KEY: 'ab'.repeat(32),
      KEY_ROTATION_CHECK_SECONDS: '0',
      RATE_LIMIT_METADATA_PER_MINUTE: '0',
      RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 2, 2],
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${main} exited with ${code} before it was ready`))));
  try {
    await Promise.race([waitReady(url), exited]);
  } catch (error) {
    await stop(child);
    throw error;
  }
  exited.catch(() => undefined);
  return { url, process: child };
}

/** SIGTERM, then SIGKILL if the process is still there after 10 s. */
export async function stop(child: ChildProcess): Promise<void> {
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
  p99: number;
  errors: number;
}

/** One autocannon run against the server with process id `pid`. */
export async function measure(pid: number, options: autocannon.Options): Promise<Measurement> {
  const cpu = cpuSeconds(pid);
  const result = await autocannon(options);
  const used = cpuSeconds(pid) - cpu;
  return { rps: result.requests.average, perCpu: result.requests.total / Math.max(used, 0.01), p99: result.latency.p99, errors: result.non2xx + result.errors };
}
