/**
 * CPU a request really costs: the server's Node process, and the PostgreSQL backends serving its
 * database, read from /proc (user + system, in USER_HZ ticks). pg_stat_statements would need a
 * preloaded library the operator's server may not have; the backends' own times are exact and
 * include what statements leave out (parsing, protocol, commit).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** CPU seconds (user + system) a process has used so far; /proc counts in 1/100 s (USER_HZ). */
export function cpuSeconds(pid: number): number {
  const stat = processStat(pid);
  if (!stat) throw new Error(`server process ${pid} is gone`);
  return stat.cpu;
}

function processStat(pid: number): { cpu: number; command: string } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return { cpu: (Number(fields[11]) + Number(fields[12])) / 100, command };
}

export interface CpuUse {
  /** Seconds of the Node process. */
  node: number;
  /** Seconds of the PostgreSQL backends connected to the database; null when the server is not on this machine. */
  postgres: number | null;
}

/**
 * Measures one window of CPU use. The backends of `database` are polled every 100 ms so that one
 * opened during the window counts from its start and one closed during it counts up to its last
 * reading; the meter's own connection is left out.
 */
export class CpuMeter {
  private readonly backends = new Map<number, { first: number; last: number }>();
  private nodeStart = 0;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;

  private constructor(
    private readonly pid: number,
    private readonly db: pg.Client | undefined,
  ) {}

  /** A meter for the Node process `pid`, and for the backends of `databaseUrl`'s database when given and local. */
  static async open(pid: number, databaseUrl?: string): Promise<CpuMeter> {
    if (!databaseUrl) return new CpuMeter(pid, undefined);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    // A database dropped at the end of a run takes this connection with it.
    db.on('error', () => undefined);
    const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // A backend this machine cannot see is a server elsewhere: its CPU is not ours to read.
    if (processStat(rows[0].pid)?.command !== 'postgres') {
      await db.end();
      return new CpuMeter(pid, undefined);
    }
    return new CpuMeter(pid, db);
  }

  async start(): Promise<void> {
    this.backends.clear();
    await this.poll(true);
    this.nodeStart = cpuSeconds(this.pid);
    this.timer = setInterval(() => {
      this.polling ??= this.poll(false).finally(() => (this.polling = undefined));
    }, 100);
  }

  async stop(): Promise<CpuUse> {
    const node = cpuSeconds(this.pid) - this.nodeStart;
    clearInterval(this.timer);
    await this.polling;
    await this.poll(false);
    const postgres = this.db ? [...this.backends.values()].reduce((sum, b) => sum + b.last - b.first, 0) : null;
    return { node, postgres };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await this.db?.end();
  }

  private async poll(starting: boolean): Promise<void> {
    if (!this.db) return;
    const { rows } = await this.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    for (const { pid } of rows) {
      const cpu = processStat(pid)?.cpu;
      if (cpu === undefined) continue;
      const known = this.backends.get(pid);
      if (known) known.last = cpu;
      // A backend first seen after the start was opened during the window: all of its time is ours.
      else this.backends.set(pid, { first: starting ? cpu : 0, last: cpu });
    }
  }
}
