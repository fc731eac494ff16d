import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

/** The PostgreSQL server benchmarks create their throw-away databases on. */
export const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
export const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop';

/** A loopback port free right now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** CPU seconds (user + system) a process has used so far; /proc counts in 1/100 s (USER_HZ). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Waits for `/readyz` to answer 200, for up to 30 s. */
export async function waitReady(base: string): Promise<void> {
  for (let i = 0; (await fetch(`${base}/readyz`).catch(() => null))?.status !== 200; i++) {
    if (i === 300) throw new Error('not ready in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
