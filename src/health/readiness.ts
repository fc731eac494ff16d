import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { migrations } from '../database/migrations/index.js';

export interface Readiness {
  ready: boolean;
  checks: { database: 'up' | 'down'; migrations: 'applied' | 'pending' | 'unknown' };
}

/** Longest a readiness probe waits for the database: below Kubernetes' default probe timeout budget. */
const READINESS_TIMEOUT_MS = 2_000;

/**
 * Whether this process can serve: it is not shutting down, the database answers and every
 * migration it knows is applied.
 */
@Injectable()
export class ReadinessCheck {
  private readonly expected = migrations.map((migration) => migration.name);
  private stopping = false;

  constructor(private readonly db: Database) {}

  /** Set on SIGTERM, before the listener closes: load balancers see 503 and stop sending requests here while it still serves. */
  get shuttingDown(): boolean {
    return this.stopping;
  }

  shutDown(): void {
    this.stopping = true;
  }

  async check(): Promise<Readiness> {
    let applied: Set<string>;
    try {
      const rows = await withTimeout(this.db.query<{ name: string }>('SELECT name FROM schema_migrations'), READINESS_TIMEOUT_MS);
      applied = new Set(rows.map((row) => row.name));
    } catch {
      return { ready: false, checks: { database: 'down', migrations: 'unknown' } };
    }
    const pending = this.expected.some((name) => !applied.has(name));
    return { ready: !pending && !this.stopping, checks: { database: 'up', migrations: pending ? 'pending' : 'applied' } };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
