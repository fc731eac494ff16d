import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminApi, randomIssuerId } from '../helpers/admin-api.js';
import { tempDir, TEST_ADMIN_KEY, TEST_KEK } from '../helpers/app.js';
import { createDatabase, dropDatabase, query } from '../helpers/db.js';
import { spawnPortcullis } from '../helpers/process.js';
import { eventually } from '../helpers/eventually.js';

/** The process as operators run it: built `dist/src/main.js`, configured by environment only. */
describe('the portcullis process', () => {
  describe('configuration errors stop the start with one line per variable, exit code 1', () => {
    it.each([
      [{ PORT: 'abc' }, ['PORT must be an integer between 0 and 65535']],
      [{ PORT: '70000' }, ['PORT must be an integer between 0 and 65535']],
      [
        { PORT: '3000', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x' },
        [
          'PUBLIC_URL must be an absolute http(s) URL without query or fragment, e.g. https://id.example.com',
          'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        ],
      ],
      [
        { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1/x' },
        ['ADMIN_API_KEY is required when NODE_ENV=production', 'KEY_ENCRYPTION_KEY is required when NODE_ENV=production (or set KEY_ENCRYPTION_KEYS)'],
      ],
      [
        { ADMIN_API_KEY: 'short', KEY_ENCRYPTION_KEY: 'zz' },
        ['ADMIN_API_KEY must be at least 32 characters long', 'KEY_ENCRYPTION_KEY must be 32 bytes as 64 hex digits or base64'],
      ],
    ])('%j', async (env, problems) => {
      const proc = spawnPortcullis({ DATA_DIR: await tempDir(), ...env });
      const { code } = await proc.exited;
      expect(code).toBe(1);
      expect(proc.stderr()).toBe(problems.map((p) => `portcullis: invalid configuration: ${p}\n`).join(''));
      expect(proc.stdout.join('')).toBe('');
    });
  });

  describe('on PostgreSQL', () => {
    let databaseUrl: string;
    beforeAll(async () => {
      databaseUrl = await createDatabase('portcullis_proc');
    });
    afterAll(() => dropDatabase(databaseUrl));

    const productionEnv = () => ({
      NODE_ENV: 'production',
      // The test reaches it over http on loopback.
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: TEST_KEK,
      LOG_LEVEL: 'info',
    });

    it('logs JSON lines carrying the request id, never the admin key; a 500 shows only the request id', async () => {
      const proc = spawnPortcullis(productionEnv());
      try {
        const url = await proc.listening;
        const api = adminApi(url);
        const created = await api.post('/v1/tenants', { issuer_id: randomIssuerId(), display_name: 'Logged' });
        expect(created.status).toBe(201);
        const requestId = created.headers.get('x-request-id')!;
        const line = await proc.waitForLine(new RegExp(`"req_id":"${requestId}"`), 5_000);
        expect(JSON.parse(line)).toMatchObject({ req: { method: 'POST', url: '/v1/tenants' }, res: { statusCode: 201 } });
        // Issuer routes are logged by the gateway, with the same shape and their real status.
        const issuerId = created.body.issuer_id;
        for (const [path, status] of [
          ['/.well-known/openid-configuration', 200],
          ['/authorize?client_id=nobody', 400],
          ['/token', 405],
        ] as const) {
          const res = await fetch(`${url}/${issuerId}${path}`);
          await res.arrayBuffer();
          const logged = JSON.parse(await proc.waitForLine(new RegExp(`"req_id":"${res.headers.get('x-request-id')}".*"request completed"`), 5_000));
          expect(logged).toMatchObject({ req: { method: 'GET', url: `/${issuerId}${path}`, remoteAddress: '127.0.0.1' }, res: { statusCode: status } });
        }

        // An unexpected failure: the table vanishes under the running service.
        await query(databaseUrl, 'ALTER TABLE tenants RENAME TO tenants_moved');
        let failed;
        try {
          failed = await api.get('/v1/tenants');
        } finally {
          await query(databaseUrl, 'ALTER TABLE tenants_moved RENAME TO tenants');
        }
        const failedId = failed.headers.get('x-request-id')!;
        expect(failed.status).toBe(500);
        expect(failed.body).toEqual({ error: 'server_error', message: 'An unexpected error occurred.', request_id: failedId });
        const errorLine = await proc.waitForLine(/"msg":"unexpected error"/, 5_000);
        expect(JSON.parse(errorLine)).toMatchObject({ level: 50, req_id: failedId });
        expect(errorLine).toContain('tenants');

        // A client secret, used at the token endpoint, in the query string too: never logged.
        const client = await api.post(`/v1/tenants/${created.body.issuer_id}/clients`, { grant_types: ['client_credentials'] });
        const secret: string = client.body.client_secret;
        const basic = Buffer.from(`${client.body.client_id}:${secret}`).toString('base64');
        const token = await fetch(`${url}/${created.body.issuer_id}/token?client_secret=${secret}`, {
          method: 'POST',
          headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        });
        await proc.waitForLine(new RegExp(`"req_id":"${token.headers.get('x-request-id')}"`), 5_000);

        for (const text of proc.stdout.filter(Boolean)) expect(() => JSON.parse(text)).not.toThrow();
        // Nest's wiring (modules loaded, routes mapped) is debug; at info a start says what matters.
        expect(proc.stdout.filter((text) => /"context":"(InstanceLoader|RoutesResolver|RouterExplorer)"/.test(text))).toEqual([]);
        expect(proc.stdout.some((text) => /"context":"NestApplication"/.test(text))).toBe(true);
        for (const output of [proc.stdout.join('\n'), proc.stderr()]) {
          for (const secretText of [TEST_ADMIN_KEY, TEST_KEK, secret, basic]) expect(output).not.toContain(secretText);
        }
      } finally {
        await proc.stop();
      }
    });

    it('on SIGTERM stops accepting, finishes the request in flight, and exits 0', async () => {
      const proc = spawnPortcullis(productionEnv());
      const url = new URL(await proc.listening);
      const issuerId = randomIssuerId();
      const body = JSON.stringify({ issuer_id: issuerId, display_name: 'Drained' });

      // A request whose body is still arriving when SIGTERM lands.
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/v1/tenants',
            headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode!, text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          proc.child.kill('SIGTERM');
          setTimeout(() => {
            expect(fetch(`${url.origin}/healthz`))
              .rejects.toThrow()
              .then(() => req.end(body.slice(10)), reject);
          }, 500);
        }, 300);
      });

      const { status, text } = await response;
      expect(status).toBe(201);
      expect(JSON.parse(text).issuer_id).toBe(issuerId);
      expect(await proc.exited).toEqual({ code: 0, signal: null });
      const rows = await query(databaseUrl, 'SELECT issuer_id FROM tenants WHERE issuer_id = $1', [issuerId]);
      expect(rows).toHaveLength(1);
    });
    it('with SHUTDOWN_DELAY_MS, SIGTERM first turns /readyz to 503 while it still serves, each answer closing its connection; then it stops accepting', async () => {
      const proc = spawnPortcullis({ ...productionEnv(), SHUTDOWN_DELAY_MS: '4000' });
      const url = await proc.listening;
      const ready = await fetch(`${url}/readyz`);
      expect([ready.status, ready.headers.get('connection')]).toEqual([200, 'keep-alive']);

      proc.child.kill('SIGTERM');
      await proc.waitForLine(/SIGTERM: not ready; serving 4000 ms more/, 5_000);
      const readyz = await fetch(`${url}/readyz`);
      expect([readyz.status, readyz.headers.get('connection'), readyz.headers.get('retry-after')]).toEqual([503, 'close', '5']);
      expect(await readyz.json()).toEqual({ status: 'shutting_down', ready: false, checks: { database: 'up', migrations: 'applied' } });
      // Still served, by Nest and by the issuer gateway alike, each on a connection that then ends.
      for (const [path, status] of [
        ['/healthz', 200],
        [`/${randomIssuerId()}/jwks.json`, 404],
      ] as const) {
        const res = await fetch(`${url}${path}`);
        await res.arrayBuffer();
        expect([res.status, res.headers.get('connection')]).toEqual([status, 'close']);
      }

      await eventually(() => expect(fetch(`${url}/healthz`)).rejects.toThrow(), 10_000);
      expect(await proc.exited).toEqual({ code: 0, signal: null });
    });
  });

  describe('on the embedded store, in development', () => {
    it('generates an admin key once, reuses it after a restart, and keeps its data', async () => {
      const dataDir = await tempDir();
      const env = { DATA_DIR: dataDir };
      const first = spawnPortcullis(env);
      const url = await first.listening.catch(async (error) => {
        await first.stop();
        throw error;
      });
      const key = /Generated an admin API key[^\n]*\n\n\s+(\S+)/.exec(first.stderr())?.[1];
      expect(key).toMatch(/^pcl_[A-Za-z0-9_-]{43}$/);
      expect((await readFile(join(dataDir, 'admin-api-key'), 'utf8')).trim()).toBe(key);

      const issuerId = randomIssuerId();
      expect((await adminApi(url, key).post('/v1/tenants', { issuer_id: issuerId })).status).toBe(201);
      expect(await first.stop()).toEqual({ code: 0, signal: null });

      const second = spawnPortcullis(env);
      try {
        const url2 = await second.listening;
        expect(second.stderr()).not.toContain('Generated an admin API key');
        const reply = await adminApi(url2, key).get(`/v1/tenants/${issuerId}`);
        expect(reply.status).toBe(200);
        expect(reply.body.issuer_id).toBe(issuerId);
        expect((await fetch(`${url2}/readyz`)).status).toBe(200);
      } finally {
        expect(await second.stop()).toEqual({ code: 0, signal: null });
      }
    });
  });
});

// Referenced so a run without the shared database still type-checks this file's imports.
void inject;
