/**
 * Sign-ins by factor, per CPU-second of Portcullis on PostgreSQL, in one run against one server:
 * (a) a password (as `npm run bench:logins` signs in), (b) a password and a TOTP code, (c) a
 * passkey alone (a software authenticator, bench/soft-authenticator.ts). Each is the whole code
 * flow (authorize, sign-in page, factors, consent, code exchange), by BENCH_WORKERS clients at
 * once, for BENCH_SECONDS per phase; the phases of a round take turns (the order reversed every
 * round), and (b) and (c) are given as ratios to (a) of the same run. The tenant has the default
 * sign-in policy (every factor offered, a second factor of those who enrolled one), the product's
 * argon2id cost and sign-in limits as deployed (see harness.ts PRODUCTION_ENV), the per-address
 * failure budget included: each right password or code gives its point back.
 *
 * Users are enrolled through the pages before anything is measured: a TOTP authenticator (a
 * password sign-in with `acr_values` asking for `mfa`) or a passkey (asking for `phr`). A TOTP
 * code is accepted once per 30-s step per authenticator, so (b) signs in BENCH_TOTP_USERS users
 * in turn, each at most once per step; clients that find none left wait, and the wait is reported.
 *
 *   npm run bench:factors        (BENCH_SECONDS=10 BENCH_WORKERS=8 BENCH_ROUNDS=2; about 2 minutes)
 *   BENCH_SMOKE=1 npm run bench:factors     a few seconds of each: still signs in all three ways
 */
import { setDefaultResultOrder } from 'node:dns';
import { fileURLToPath } from 'node:url';
import { enrollPasskey, enrollTotp, signInWithPassword, signInWithPasskey, signInWithTotp, TotpUsers } from './factor-sign-ins.js';
import { alternate } from './flow-phase.js';
import { FLOW_COLUMNS, flowRow, RATIO_COLUMNS, ratioRow } from './flow-tables.js';
import { onFreshServer, type Server } from './harness.js';
import { publishFlows, SMOKE, type Table } from './results.js';
import { setUpSignIns } from './sign-in.js';
import type { SoftAuthenticator } from './soft-authenticator.js';
import { Env } from '../src/config/env.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 10));
const WORKERS = Number(process.env.BENCH_WORKERS ?? (SMOKE ? 2 : 8));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 1 : 2));
/** More than (b) signs in during a phase and the warm-up (over 20 a second on two idle cores), so that no client waits for a fresh step; each costs a sign-in to enroll. */
const TOTP_USERS = Number(process.env.BENCH_TOTP_USERS ?? (SMOKE ? 16 : 35 * Math.min(SECONDS, 30)));
/** Unmeasured sign-ins of each kind per client on the fresh server, so that no phase measures V8 compiling the path. */
const WARM_UP_FLOWS = SMOKE ? 1 : 3;
const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

const defaults = new Env();
const argonLabel = `argon2id m=${defaults.ARGON2_MEMORY_KIB} KiB, t=${defaults.ARGON2_TIME_COST}, p=${defaults.ARGON2_PARALLELISM}`;

// PUBLIC_URL is http://localhost:PORT (an RP ID cannot be an IP address); the server listens on 127.0.0.1 alone.
setDefaultResultOrder('ipv4first');

type Kind = 'password' | 'totp' | 'passkey';
const KINDS: Kind[] = ['password', 'totp', 'passkey'];
const LABELS: Record<Kind, string> = {
  password: '(a) password',
  totp: '(b) password + TOTP code',
  passkey: '(c) passkey alone',
};

/** Users, by index: each client's password user, each client's passkey user, then the TOTP users. */
const passwordUser = (worker: number) => worker;
const passkeyUser = (worker: number) => WORKERS + worker;
const totpUser = (n: number) => 2 * WORKERS + n;

/** One sign-in of each kind, by client `worker`; `checked`: its ID token asked for and checked for the `acr` its factors reach. */
type Flows = Record<Kind, (worker: number, checked?: boolean) => Promise<boolean | void>>;

/** The tenant, its users enrolled, on `server`: the three flows. */
async function prepare(server: Server): Promise<{ flows: Flows; totpUsers: TotpUsers }> {
  const base = server.url;
  const signIns = await setUpSignIns(base, 'bench', 2 * WORKERS + TOTP_USERS);
  const totpUsers = new TotpUsers();
  const authenticators: SoftAuthenticator[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      authenticators[worker] = await enrollPasskey(signIns, base, passkeyUser(worker));
      for (let n = next++; n < TOTP_USERS; n = next++) {
        const { totp, step } = await enrollTotp(signIns, base, totpUser(n));
        totpUsers.add(totpUser(n), totp, step);
      }
    }),
  );
  const flows: Flows = {
    // What bench:logins measures; checked, the same pages with the acr claim asked for.
    password: async (worker, checked) =>
      void (await (checked ? signInWithPassword(signIns, base, passwordUser(worker), true) : signIns.signIn(passwordUser(worker)))),
    totp: (_, checked) => totpUsers.signIn((user, code) => signInWithTotp(signIns, base, user, code, checked)),
    passkey: async (worker, checked) => void (await signInWithPasskey(signIns, base, authenticators[worker], checked)),
  };
  return { flows, totpUsers };
}

async function main(server: Server): Promise<Table[]> {
  const started = performance.now();
  const { flows, totpUsers } = await prepare(server);
  process.stderr.write(
    `${2 * WORKERS + TOTP_USERS} users, ${TOTP_USERS} with TOTP and ${WORKERS} with a passkey, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  // Warm-up, its first sign-in of each kind checked: measured flows ask for no acr, which the ID token then leaves out.
  for (const kind of KINDS) {
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        for (let n = 0; n < WARM_UP_FLOWS; n++) while ((await flows[kind](worker, n === 0)) === false);
      }),
    );
  }
  totpUsers.waitedMs = 0;
  const results = await alternate(server.meter, KINDS, flows, { workers: WORKERS, seconds: SECONDS, rounds: ROUNDS });
  const waited = totpUsers.waitedMs / 1000;
  process.stderr.write(`TOTP clients waited ${waited.toFixed(1)} s in all for a user whose code of the step was unused\n`);
  const settings =
    `${SECONDS} s per phase${ROUNDS > 1 ? ` × ${ROUNDS} rounds` : ''}, ${WORKERS} clients at once, loopback, PostgreSQL, ${argonLabel}; ` +
    `the tenant's default sign-in policy; every flow asks for consent (prompt=consent) and redeems its code.`;
  return [
    {
      title: 'Sign-ins by factor, per flow',
      note:
        `${settings} CPU from /proc: the Node process (all its threads, argon2's included) and the PostgreSQL backends of its database. ` +
        `(a) and (b) each verify one password; (b) signs in ${TOTP_USERS} users in turn, each at most once per 30-s step (its clients waited ${waited.toFixed(1)} s in all for one); ` +
        `(a) and (c) sign in a user of each client's own. Before the phases, each client's first sign-in of each kind asks for the acr claim and checks it (password, mfa, phr); a factor refused is an error.`,
      columns: FLOW_COLUMNS,
      rows: KINDS.map((kind) => flowRow(LABELS[kind], results[kind])),
      chart: { title: 'Sign-ins per CPU-second', label: 'flow', values: ['perNodeCpu', 'perTotalCpu'], unit: 'sign-ins/CPU-s' },
    },
    {
      title: 'Each factor ÷ a password sign-in, measured in the same run',
      note: 'Above 1: more sign-ins per CPU-second (or a longer latency) than a password alone, on the same server, with the same number of clients.',
      columns: RATIO_COLUMNS,
      rows: (['totp', 'passkey'] as const).map((kind) => ratioRow(`${LABELS[kind]} ÷ (a) password`, results[kind], results.password)),
      chart: { title: 'Sign-ins per CPU-second, ÷ password', label: 'flow', values: ['perNodeCpu', 'perTotalCpu'], unit: '×' },
    },
  ];
}

const tables = await onFreshServer('factors', MAIN, {}, { host: 'localhost' }, main);
publishFlows({
  bench: 'factors',
  title: 'Sign-ins by factor: password, TOTP, passkey',
  command: 'npm run bench:factors',
  settings: { seconds: SECONDS, workers: WORKERS, rounds: ROUNDS, totpUsers: TOTP_USERS, argon2: argonLabel },
  tables,
});
