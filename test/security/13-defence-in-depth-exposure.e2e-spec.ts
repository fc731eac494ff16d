import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, tempDir, TEST_ADMIN_KEY, TEST_KEK, type RunningApp } from '../helpers/app.js';
import { spawnPortcullis } from '../helpers/process.js';
import { createTenant } from '../helpers/rp.js';

const HINT = 'alice.hinted@example.com';

/** GET `path` with `key` as the bearer (none: no Authorization header): the status. */
async function statusOf(running: RunningApp, path: string, key?: string): Promise<number> {
  const res = await fetch(`${running.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  await res.arrayBuffer();
  return res.status;
}

const OPERATOR_PATHS = ['/metrics', '/docs', '/docs/openapi.json', '/docs/openapi.yaml'];

describe('finding 13 (defence in depth): login_hint in logged URLs; /metrics and /docs exposure', () => {
  it('login_hint is redacted from logged URLs (also inside a request object, and a request_uri), on the issuer gateway and on Nest', async () => {
    const proc = spawnPortcullis({
      NODE_ENV: 'production',
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      DATA_DIR: await tempDir(),
      DATABASE_URL: inject('databaseUrl'),
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: TEST_KEK,
      LOG_LEVEL: 'info',
    });
    try {
      const url = await proc.listening;
      const { issuerId } = await createTenant(url);
      const hint = encodeURIComponent(HINT);
      // An issuer route (served by the gateway) and a route Nest answers (404).
      const served = await fetch(`${url}/${issuerId}/authorize?client_id=nobody&login_hint=${hint}&scope=openid`);
      const missing = await fetch(`${url}/v1/nothing-here?login_hint=${hint}`);
      // An unsigned request object carries its login_hint in plain base64url.
      const requestObject = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ login_hint: HINT })).toString('base64url')}.`;
      const byObject = await fetch(
        `${url}/${issuerId}/authorize?client_id=nobody&request=${requestObject}&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Asecret-ref`,
      );
      for (const res of [served, missing, byObject]) {
        await res.arrayBuffer();
        const line = JSON.parse(await proc.waitForLine(new RegExp(`"req_id":"${res.headers.get('x-request-id')}".*"request completed"`), 5_000));
        expect(line.req.url).toMatch(res === byObject ? /request=%5BRedacted%5D&request_uri=%5BRedacted%5D/ : /login_hint=%5BRedacted%5D/);
      }
      expect(proc.stdout.join('\n')).not.toContain('secret-ref');
      expect(proc.stdout.join('\n')).not.toContain(requestObject.split('.')[1]);
      expect(proc.stdout.join('\n')).not.toContain('alice.hinted');
    } finally {
      await proc.stop();
    }
  });

  describe('METRICS_ACCESS=admin and DOCS_ACCESS=admin', () => {
    let running: RunningApp;
    let scopedKey: string;

    beforeAll(async () => {
      running = await startApp({ NODE_ENV: 'production', ALLOW_INSECURE_PUBLIC_URL: 'true', METRICS_ACCESS: 'admin', DOCS_ACCESS: 'admin' });
      const { issuerId } = await createTenant(running.url);
      scopedKey = (await adminApi(running.url).post('/v1/admin-keys', { name: 'one tenant', issuer_id: issuerId })).body.key;
    });
    afterAll(() => running?.close());

    it('answer only an admin key above tenants', async () => {
      for (const path of OPERATOR_PATHS) {
        expect([
          path,
          await statusOf(running, path),
          await statusOf(running, path, 'not-the-key'),
          await statusOf(running, path, scopedKey),
          await statusOf(running, path, TEST_ADMIN_KEY),
        ]).toEqual([path, 401, 401, 403, 200]);
      }
      const refused = await fetch(`${running.url}/docs/openapi.json`);
      expect(await refused.json()).toEqual({ error: 'unauthorized', error_description: expect.any(String) });
      // Probes stay open: orchestrators call them without credentials.
      expect(await statusOf(running, '/healthz')).toBe(200);
      expect(await statusOf(running, '/readyz')).toBe(200);
    });
  });

  describe('METRICS_ACCESS=off and DOCS_ACCESS=off', () => {
    let running: RunningApp;

    beforeAll(async () => {
      running = await startApp({ NODE_ENV: 'production', ALLOW_INSECURE_PUBLIC_URL: 'true', METRICS_ACCESS: 'off', DOCS_ACCESS: 'off' });
    });
    afterAll(() => running?.close());

    it('answer 404, with or without a key', async () => {
      for (const path of OPERATOR_PATHS) expect([path, await statusOf(running, path), await statusOf(running, path, TEST_ADMIN_KEY)]).toEqual([path, 404, 404]);
    });
  });

  it('by default (public), both answer without a key, as before', async () => {
    const running = await startApp({ NODE_ENV: 'production', ALLOW_INSECURE_PUBLIC_URL: 'true' });
    try {
      for (const path of OPERATOR_PATHS) expect([path, await statusOf(running, path)]).toEqual([path, 200]);
    } finally {
      await running.close();
    }
  });
});
