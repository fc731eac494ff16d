/**
 * Many issuers on one Portcullis, shared by `npm run bench:discovery` and `npm run bench:compare`:
 * created through the admin API, then each one's discovery document requested once (the first
 * request builds the issuer's provider: cold; the second is answered from it: warm).
 */
import { ADMIN_KEY } from './harness.js';

export const issuerIds = (count: number) => Array.from({ length: count }, (_, i) => `scale-${i}`);
export const discoveryPath = (id: string) => `/${id}/.well-known/openid-configuration`;
export const jwksPath = (id: string) => `/${id}/jwks.json`;

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `task` over `items` with `concurrency` in flight; returns each duration in ms, sorted. */
async function timed<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const started = performance.now();
        await task(item);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations.sort((a, b) => a - b);
}

/** Creates an ES256 issuer for each id, 16 requests in flight. */
export async function createIssuers(base: string, ids: string[]): Promise<void> {
  await timed(ids, 16, async (id) => {
    const res = await fetch(`${base}/v1/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issuer_id: id, signing_alg: 'ES256' }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status !== 201) throw new Error(`create ${id}: ${res.status}`);
  });
}

/** Requests every issuer's discovery document once, `inFlight` at a time; returns each duration in ms, sorted. */
export const requestEach = (base: string, ids: string[], inFlight: number) =>
  timed(ids, inFlight, async (id) => {
    const res = await fetch(`${base}${discoveryPath(id)}`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${discoveryPath(id)}: ${res.status}`);
  });
