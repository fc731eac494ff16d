import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { Budget } from './rate-limiter-store.js';

/** How often a replica adds what it counted to the shared store, and learns the other replicas' counts. */
export const SYNC_INTERVAL_MS = 200;

/** What the shared store said of a key at the last sync: points taken by every replica, and when its window ends. */
interface Known {
  consumed: number;
  resetAt: number;
}

const secondsUntil = (time: number) => Math.max(1, Math.ceil((time - Date.now()) / 1000));

/**
 * A request budget shared by the replicas through a store (PostgreSQL or Redis), counted in
 * memory between syncs. A statement per request made the shared budgets cost more CPU than the
 * requests they guard; here a key costs one store call when a replica first sees it in a window,
 * then one per sync interval while it is busy, whatever the request rate.
 *
 * The price is exactness across replicas: each may admit what it counted since the last sync
 * beyond the shared budget, so the overshoot is at most replicas × (requests per key in
 * SYNC_INTERVAL_MS). That suits flood budgets; sign-in lockouts and admin-key failures, which
 * must hold exactly, take a store call each (`RateLimiterStore.create`).
 *
 * A store that fails is the library's concern: its insurance limiter answers in memory.
 */
export class SyncedBudget implements Budget {
  private readonly known = new Map<string, Known>();
  /**
   * Points taken here that the store has not yet answered for: not yet sent, or sent by a sync
   * still in flight. A point leaves only when the store's answer (which counts it) is kept, so a
   * request during a slow sync still sees it; clearing on send let one replica overshoot its own budget.
   */
  private readonly pending = new Map<string, number>();
  /** A key's first store call in its window, which concurrent requests for it wait on rather than repeat. */
  private readonly fetching = new Map<string, Promise<Known>>();
  private readonly timer: NodeJS.Timeout;
  private syncing?: Promise<void>;

  constructor(
    private readonly store: RateLimiterAbstract,
    private readonly points: number,
  ) {
    this.timer = setInterval(() => void this.sync(), SYNC_INTERVAL_MS).unref();
  }

  /** Takes a point for `key`: 0 within the budget, else the seconds until it allows one again (for Retry-After). */
  async take(key: string): Promise<number> {
    let known = this.known.get(key);
    if (!known || known.resetAt <= Date.now()) {
      const fetching = this.fetching.get(key);
      if (!fetching) return this.first(key);
      known = await fetching;
    }
    const pending = this.pending.get(key) ?? 0;
    if (known.consumed + pending >= this.points) return secondsUntil(known.resetAt);
    this.pending.set(key, pending + 1);
    return 0;
  }

  /** Stops syncing; what was counted since the last sync is not sent. */
  close(): void {
    clearInterval(this.timer);
  }

  /** Sends what was counted per key in one call each, and keeps what the store answers. One sync at a time. */
  async sync(): Promise<void> {
    if (this.syncing) return this.syncing;
    const batch = [...this.pending];
    const now = Date.now();
    for (const [key, known] of this.known) if (known.resetAt <= now) this.known.delete(key);
    this.syncing = Promise.all(batch.map(([key, points]) => this.send(key, points))).then(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  /** A key's first request in its window here: counted in the store at once, so a replica never starts from zero. */
  private async first(key: string): Promise<number> {
    const fetching = this.add(key, 1);
    this.fetching.set(key, fetching);
    try {
      const known = await fetching;
      return known.consumed > this.points ? secondsUntil(known.resetAt) : 0;
    } finally {
      this.fetching.delete(key);
    }
  }

  /**
   * Adds `points` pending here to the store. Its answer, which counts them, is kept as they leave
   * pending, with no await between, so no request sees them twice or not at all. Without an answer
   * (the insurance limiter failed too) they are dropped, as before, rather than pile up.
   */
  private async send(key: string, points: number): Promise<void> {
    const answer = await this.store.penalty(key, points).catch(() => undefined);
    if (answer) this.keep(key, answer);
    const left = (this.pending.get(key) ?? 0) - points;
    if (left > 0) this.pending.set(key, left);
    else this.pending.delete(key);
  }

  private async add(key: string, points: number): Promise<Known> {
    return this.keep(key, await this.store.penalty(key, points));
  }

  private keep(key: string, res: RateLimiterRes): Known {
    const known = { consumed: res.consumedPoints, resetAt: Date.now() + res.msBeforeNext };
    this.known.set(key, known);
    return known;
  }
}
