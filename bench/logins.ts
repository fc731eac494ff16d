/**
 * Password sign-ins per second (the whole code flow: authorize, sign-in page, password,
 * consent, code exchange) and refresh-token grants per second, against Portcullis on
 * PostgreSQL, with the configured argon2id cost. Bounded by BENCH_SECONDS per phase.
 *
 *   npm run bench:logins      (BENCH_SECONDS=10 BENCH_WORKERS=8)
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ADMIN_KEY, cpuSeconds, freePort, SERVER_URL, waitReady } from './harness.js';
import { UserAgent } from '../test/helpers/browserless.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const REDIRECT = 'https://rp.example.com/cb';
const USER = { username: 'bench', password: 'bench password 123' };

async function admin(base: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs `work` in WORKERS parallel loops for SECONDS; returns completions per second and server CPU per completion. */
async function phase(pid: number, work: (worker: number) => Promise<void>) {
  const deadline = performance.now() + SECONDS * 1000;
  const cpu = cpuSeconds(pid);
  let done = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      while (performance.now() < deadline) {
        await work(worker);
        done++;
      }
    }),
  );
  const cpuUsed = cpuSeconds(pid) - cpu;
  return { perSecond: done / SECONDS, cpuMsEach: (cpuUsed * 1000) / done, done };
}

const database = `portcullis_logins_${Date.now()}`;
const adminDb = new pg.Client({ connectionString: SERVER_URL });
await adminDb.connect();
await adminDb.query(`CREATE DATABASE ${database}`);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, [fileURLToPath(new URL('../src/main.js', import.meta.url))], {
  env: {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    ALLOW_INSECURE_PUBLIC_URL: 'true',
    PORT: String(port),
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    KEY_ROTATION_CHECK_SECONDS: '0',
    DATABASE_URL: Object.assign(new URL(SERVER_URL), { pathname: `/${database}` }).toString(),
    ADMIN_API_KEY: ADMIN_KEY,
    KEY_ENCRYPTION_KEY: 'ef'.repeat(32),
    // A bench signs in far more often than the lockout allows a person to fail; failures here are bugs.
    LOGIN_MAX_FAILURES_PER_IP: '100000',
    RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('ARGON2_'))),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitReady(base);
  await admin(base, '/v1/tenants', { issuer_id: 'bench' });
  await admin(base, '/v1/tenants/bench/users', USER);
  const client = await admin(base, '/v1/tenants/bench/clients', {
    redirect_uris: [REDIRECT],
    grant_types: ['authorization_code', 'refresh_token'],
    scope: 'openid offline_access',
  });
  const basic = `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`;
  const token = async (body: Record<string, string>) => {
    const res = await fetch(`${base}/bench/token`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
    if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
    return (await res.json()) as { refresh_token?: string };
  };

  const refreshTokens: string[] = [];
  const logins = await phase(child.pid!, async (worker) => {
    const verifier = 'v'.repeat(43);
    const { createHash } = await import('node:crypto');
    const url = new URL(`${base}/bench/authorize`);
    url.search = new URLSearchParams({
      client_id: client.client_id,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid offline_access',
      prompt: 'consent',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const callback = await new UserAgent(base).authorize(url, USER);
    const tokens = await token({ grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier });
    refreshTokens[worker] = tokens.refresh_token!;
  });
  const refreshes = await phase(child.pid!, async (worker) => {
    refreshTokens[worker] = (await token({ grant_type: 'refresh_token', refresh_token: refreshTokens[worker] })).refresh_token!;
  });
  const argon2 = `argon2id m=${process.env.ARGON2_MEMORY_KIB ?? 19456} KiB, t=${process.env.ARGON2_TIME_COST ?? 2}, p=${process.env.ARGON2_PARALLELISM ?? 1}`;
  process.stdout.write(
    [
      `\n${SECONDS} s per phase, ${WORKERS} concurrent clients, loopback, PostgreSQL, ${argon2}\n`,
      '| flow | per second | server CPU per flow |',
      '|---|---:|---:|',
      `| password sign-in, full code flow with consent and code exchange | ${logins.perSecond.toFixed(1)} | ${logins.cpuMsEach.toFixed(1)} ms |`,
      `| refresh-token grant (rotating) | ${refreshes.perSecond.toFixed(1)} | ${refreshes.cpuMsEach.toFixed(1)} ms |`,
      '',
    ].join('\n'),
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await adminDb.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminDb.end();
}
