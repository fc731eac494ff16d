import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncedBudget } from './synced-budget.js';

/** A store whose answers to a sync wait while `hold` is set: a slow PostgreSQL or Redis, on cue. */
class SlowStore extends RateLimiterMemory {
  hold?: Promise<void>;

  override async penalty(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    await this.hold;
    return super.penalty(key, points, options);
  }
}

/** Holds the store's answers until the returned function is called. */
function holdAnswers(store: SlowStore): () => void {
  let release!: () => void;
  store.hold = new Promise((resolve) => (release = resolve));
  return () => {
    store.hold = undefined;
    release();
  };
}

describe('SyncedBudget on one replica', () => {
  const budgets: SyncedBudget[] = [];
  afterEach(() => {
    for (const budget of budgets.splice(0)) budget.close();
  });

  /** A budget of six a minute; syncs run only when the test calls them. */
  function sixAMinute(): { budget: SyncedBudget; store: SlowStore } {
    const store = new SlowStore({ points: 6, duration: 60 });
    const budget = new SyncedBudget(store, 6);
    budget.close();
    budgets.push(budget);
    return { budget, store };
  }

  const takes = async (budget: SyncedBudget, count: number) => {
    const answers: number[] = [];
    for (let n = 0; n < count; n++) answers.push(await budget.take('issuer:client'));
    return answers.map((seconds) => (seconds > 0 ? 'refused' : 'taken'));
  };

  it('still counts the points a sync has sent while the store has not answered', async () => {
    const { budget, store } = sixAMinute();
    expect(await takes(budget, 6)).toEqual(Array(6).fill('taken'));
    const release = holdAnswers(store);
    const syncing = budget.sync();
    expect(await takes(budget, 1)).toEqual(['refused']);
    release();
    await syncing;
    expect(await takes(budget, 1)).toEqual(['refused']);
    expect((await store.get('issuer:client'))?.consumedPoints).toBe(6);
  });

  it('counts a point once when the store answers for it: taken before, during and after a slow sync, the budget is exact', async () => {
    const { budget, store } = sixAMinute();
    const answers = await takes(budget, 3);
    const release = holdAnswers(store);
    const syncing = budget.sync();
    answers.push(...(await takes(budget, 2)));
    release();
    await syncing;
    answers.push(...(await takes(budget, 3)));
    expect(answers).toEqual([...Array(6).fill('taken'), 'refused', 'refused']);
    await budget.sync();
    expect((await store.get('issuer:client'))?.consumedPoints).toBe(6);
  });
});
