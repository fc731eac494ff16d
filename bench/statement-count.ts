/**
 * Preloaded into a benchmarked server (node --import) by `BENCH_PROFILE=1 npm run bench:logins`:
 * counts the statements it sends to PostgreSQL, by text, through every client of `pg` (the
 * stores' Database, TypeORM, the rate limiter). On SIGUSR2 it writes the counts since the last
 * signal to STATEMENT_COUNT_FILE and starts again, so a bench can divide a phase's by its flows.
 */
import { writeFileSync } from 'node:fs';
import pg from 'pg';

const file = process.env.STATEMENT_COUNT_FILE;
let counts = new Map<string, number>();
const prototype = pg.Client.prototype as unknown as { query: (this: pg.Client, ...args: unknown[]) => unknown };
const original = prototype.query;
prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string } | undefined;
  const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').trim().slice(0, 160);
  counts.set(text, (counts.get(text) ?? 0) + 1);
  return original.apply(this, args);
};

if (file)
  process.on('SIGUSR2', () => {
    writeFileSync(file, JSON.stringify(Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]))));
    counts = new Map();
  });
