/**
 * Federated sign-ins, per CPU-second of Portcullis on PostgreSQL, in one run against one server:
 * (a) a password at the tenant itself (as `npm run bench:factors` (a)), (b) a federated sign-in
 * of a returning user through the tenant's connection to an upstream OpenID Provider, (c) the
 * first federated sign-in of an upstream user (the account made just in time). The upstream is
 * another tenant of the same server (bench/federated-sign-in.ts), so its share (its sign-in
 * page, argon2id, consent, token and userinfo endpoints) is in the same process and counted: a
 * federated sign-in here costs what both sides of it cost together. Each is the whole code flow
 * with a browser of no session (authorize, the tenant's sign-in page, the connection's button,
 * the upstream's sign-in and consent, the callback, the tenant's consent, the code redeemed), by
 * BENCH_WORKERS clients at once, for BENCH_SECONDS per phase; the phases of a round take turns
 * (the order reversed every round), and (b) and (c) are given as ratios to (a) of the same run.
 *
 * Every federated sign-in checks its ID token's `amr` for `fed`; (b) its `sub` (the account of
 * its client's upstream user, made in the warm-up), (c) that its `sub` is new. (c) takes a fresh
 * upstream user each time, from BENCH_JIT_USERS made before anything is measured; clients that
 * find none left wait, and the wait is reported.
 *
 *   npm run bench:federation        (BENCH_SECONDS=10 BENCH_WORKERS=8 BENCH_ROUNDS=2; about 2 minutes)
 *   BENCH_SMOKE=1 npm run bench:federation     about a second of each: still signs in all three ways
 */
import { fileURLToPath } from 'node:url';
import { signInFederated, setUpUpstream, type Upstream } from './federated-sign-in.js';
import { alternate } from './flow-phase.js';
import { FLOW_COLUMNS, flowRow, RATIO_COLUMNS, ratioRow } from './flow-tables.js';
import { onFreshServer, type Server } from './harness.js';
import { publishFlows, SMOKE, type Table } from './results.js';
import { setUpSignIns, type SignIns } from './sign-in.js';
import { Env } from '../src/config/env.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 10));
const WORKERS = Number(process.env.BENCH_WORKERS ?? (SMOKE ? 2 : 8));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (SMOKE ? 1 : 2));
/** Unmeasured sign-ins of each kind per client on the fresh server, so that no phase measures V8 compiling the path. */
const WARM_UP_FLOWS = SMOKE ? 1 : 3;
/** Upstream users for (c): the warm-up's, and more than (c) signs in during its phases (some 10 a second on two cores); each costs an argon2id hash to make. */
const JIT_USERS = Number(process.env.BENCH_JIT_USERS ?? WORKERS * WARM_UP_FLOWS + (SMOKE ? 16 : 15 * SECONDS * ROUNDS));
const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
/** What lets a connection's upstream be on loopback, as in the tests. */
const SERVER_ENV = { PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true' };

const defaults = new Env();
const argonLabel = `argon2id m=${defaults.ARGON2_MEMORY_KIB} KiB, t=${defaults.ARGON2_TIME_COST}, p=${defaults.ARGON2_PARALLELISM}`;

type Kind = 'password' | 'federated' | 'jit';
const KINDS: Kind[] = ['password', 'federated', 'jit'];
const LABELS: Record<Kind, string> = {
  password: '(a) password at the tenant',
  federated: '(b) federated, returning user',
  jit: '(c) federated, first sign-in (account made)',
};

/** Upstream users, by index: each client's returning user, then the fresh ones of (c). */
const returningUser = (worker: number) => worker;
const jitUser = (n: number) => WORKERS + n;

/** The fresh upstream users of (c), each signed in once. */
class JitUsers {
  private next = 0;
  /** Worker-milliseconds spent waiting, none being left. */
  waitedMs = 0;
  readonly subjects = new Set<string>();

  constructor(private readonly size: number) {}

  get used(): number {
    return this.next;
  }

  /** One first sign-in of the next fresh user through `signIn` (its `sub`, which must be new); false after a wait when none is left. */
  async signIn(signIn: (user: number) => Promise<string>): Promise<boolean> {
    if (this.next >= this.size) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      this.waitedMs += 200;
      return false;
    }
    const sub = await signIn(jitUser(this.next++));
    if (this.subjects.has(sub)) throw new Error(`a first sign-in ended at an account made before (${sub})`);
    this.subjects.add(sub);
    return true;
  }
}

type Flows = Record<Kind, (worker: number) => Promise<boolean | void>>;

/** The tenant, its upstream and their users on `server`, each client's upstream user's account made: the three flows. */
async function prepare(server: Server): Promise<{ flows: Flows; jitUsers: JitUsers }> {
  const base = server.url;
  const signIns: SignIns = await setUpSignIns(base, 'bench', WORKERS);
  const upstream: Upstream = await setUpUpstream(base, 'bench', 'upstream', WORKERS + JIT_USERS);
  const jitUsers = new JitUsers(JIT_USERS);
  // Each client's returning user: its first federated sign-in makes its account, whose `sub` every later one must end at.
  const accounts = await Promise.all(Array.from({ length: WORKERS }, (_, worker) => signInFederated(signIns, base, upstream, returningUser(worker))));
  if (new Set(accounts).size !== WORKERS) throw new Error('two upstream users ended at one account');
  const flows: Flows = {
    password: async (worker) => void (await signIns.signIn(worker)),
    federated: async (worker) => {
      const sub = await signInFederated(signIns, base, upstream, returningUser(worker));
      if (sub !== accounts[worker]) throw new Error(`a returning user ended at another account (${sub}, not ${accounts[worker]})`);
    },
    jit: () => jitUsers.signIn((user) => signInFederated(signIns, base, upstream, user)),
  };
  return { flows, jitUsers };
}

async function main(server: Server): Promise<Table[]> {
  const started = performance.now();
  const { flows, jitUsers } = await prepare(server);
  process.stderr.write(
    `${WORKERS} tenant users, ${WORKERS + JIT_USERS} upstream users, ${WORKERS} accounts made by a first federated sign-in, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  for (const kind of KINDS) {
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        for (let n = 0; n < WARM_UP_FLOWS; n++) while ((await flows[kind](worker)) === false);
      }),
    );
  }
  const warmedUp = jitUsers.used;
  jitUsers.waitedMs = 0;
  const results = await alternate(server.meter, KINDS, flows, { workers: WORKERS, seconds: SECONDS, rounds: ROUNDS });
  const waited = jitUsers.waitedMs / 1000;
  const measuredJit = jitUsers.used - warmedUp;
  process.stderr.write(
    `(c) signed in ${measuredJit} of ${JIT_USERS - warmedUp} fresh upstream users; its clients waited ${waited.toFixed(1)} s in all for one\n`,
  );
  const settings =
    `${SECONDS} s per phase${ROUNDS > 1 ? ` × ${ROUNDS} rounds` : ''}, ${WORKERS} clients at once, loopback, PostgreSQL, ${argonLabel}; ` +
    `the tenants' default sign-in policy; every flow starts with a browser of no session, asks the tenant for consent (prompt=consent) and redeems its code.`;
  return [
    {
      title: 'Federated sign-ins, per flow',
      note:
        `${settings} CPU from /proc: the Node process (all its threads, argon2's included) and the PostgreSQL backends of its database; ` +
        `the upstream is another tenant of the same server, so (b) and (c) count both sides: the upstream's sign-in page, password (one argon2id verification, as (a)) and consent, ` +
        `its token and userinfo endpoints, and the tenant's callback, account lookup (and update), consent and tokens. ` +
        `(a) and (b) sign in a user of each client's own; (b)'s accounts were made in the warm-up. ` +
        `(c) signs in a fresh upstream user each time, ${measuredJit} in all (its clients waited ${waited.toFixed(1)} s in all for one). ` +
        `Every federated sign-in's ID token must say fed in amr, (b)'s the account's sub, (c)'s a new one: else an error.`,
      columns: FLOW_COLUMNS,
      rows: KINDS.map((kind) => flowRow(LABELS[kind], results[kind])),
      chart: { title: 'Sign-ins per CPU-second', label: 'flow', values: ['perNodeCpu', 'perTotalCpu'], unit: 'sign-ins/CPU-s' },
    },
    {
      title: 'Each federated sign-in ÷ a password sign-in at the tenant, measured in the same run',
      note: 'Per CPU-second, below 1: fewer sign-ins per CPU-second than a password at the tenant; in p50 and p99, above 1: a longer wait. On the same server, with the same number of clients.',
      columns: RATIO_COLUMNS,
      rows: (['federated', 'jit'] as const).map((kind) => ratioRow(`${LABELS[kind]} ÷ (a) password`, results[kind], results.password)),
      chart: { title: 'Sign-ins per CPU-second, ÷ password', label: 'flow', values: ['perNodeCpu', 'perTotalCpu'], unit: '×' },
    },
  ];
}

const tables = await onFreshServer('federation', MAIN, SERVER_ENV, {}, main);
publishFlows({
  bench: 'federation',
  title: 'Federated sign-ins: through an upstream tenant, beside a password',
  command: 'npm run bench:federation',
  settings: { seconds: SECONDS, workers: WORKERS, rounds: ROUNDS, jitUsers: JIT_USERS, argon2: argonLabel },
  tables,
});
