import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built entry point: the suite runs what `npm start` runs (`npm test` builds first). */
export const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));

export interface PortcullisProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: () => string;
  /** Resolves with the base URL once the server listens. */
  listening: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first stdout line matching, waiting up to `ms`. */
  waitForLine(pattern: RegExp, ms?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/src/main.js` (or another build's `main`) with exactly `env` (plus PATH), as an operator would. */
export function spawnPortcullis(env: Record<string, string>, main = MAIN): PortcullisProcess {
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  let stderr = '';
  let partial = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      stdout.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const waitForLine = (pattern: RegExp, ms = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const found = stdout.find((line) => pattern.test(line));
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in ${ms} ms; stderr: ${stderr}`)), ms);
      waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void exited.then(() => reject(new Error(`exited before a line matching ${pattern}; stderr: ${stderr}`)));
    });

  const listening = waitForLine(/listening on http:\/\//).then((line) => {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(line);
    return match![1];
  });
  listening.catch(() => undefined);

  return {
    child,
    stdout,
    stderr: () => stderr,
    listening,
    exited,
    waitForLine,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
