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
import { setUpSignIns } from './sign-in.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);

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
    // Each attempt takes its point before the password is checked, so 8 workers signing in one user
    // at once would spend the default per-user budget (5) and get 429.
    LOGIN_MAX_FAILURES_PER_IP: '100000',
    LOGIN_MAX_FAILURES_PER_USER: '1000',
    RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('ARGON2_'))),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitReady(base);
  const { signIn, refresh } = await setUpSignIns(base, 'bench');
  const refreshTokens: string[] = [];
  const logins = await phase(child.pid!, async (worker) => {
    refreshTokens[worker] = await signIn();
  });
  const refreshes = await phase(child.pid!, async (worker) => {
    refreshTokens[worker] = await refresh(refreshTokens[worker]);
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
