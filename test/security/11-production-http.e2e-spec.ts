import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, tempDir, TEST_ADMIN_KEY, TEST_KEK, type RunningApp } from '../helpers/app.js';
import { spawnPortcullis } from '../helpers/process.js';
import { createTenant } from '../helpers/rp.js';

const HSTS = 'max-age=31536000';

/** One request of every kind the two sides (issuer gateway, Nest) answer: label → response. */
async function everyKindOfAnswer(running: RunningApp, issuerId: string): Promise<Record<string, Response>> {
  const base = running.url;
  const requests: Record<string, [string, RequestInit?]> = {
    'discovery, first (rendered by oidc-provider)': [`/${issuerId}/.well-known/openid-configuration`],
    'discovery, cached': [`/${issuerId}/.well-known/openid-configuration`],
    'path-insertion metadata': [`/.well-known/oauth-authorization-server/${issuerId}`],
    'token error': [
      `/${issuerId}/token`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' },
    ],
    'gateway 405': [`/${issuerId}/token`, { method: 'DELETE' }],
    'unknown issuer 404': ['/no-such-issuer/authorize'],
    'admin API': ['/v1/tenants', { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } }],
    'admin API 401': ['/v1/tenants'],
    probe: ['/healthz'],
    'API documentation': ['/docs/openapi.json'],
  };
  const answers: Record<string, Response> = {};
  for (const [label, [path, init]] of Object.entries(requests)) {
    const res = await fetch(`${base}${path}`, { redirect: 'manual', ...init });
    await res.arrayBuffer();
    answers[label] = res;
  }
  const etag = answers['discovery, cached'].headers.get('etag')!;
  answers['discovery, 304'] = await fetch(`${base}/${issuerId}/.well-known/openid-configuration`, { headers: { 'if-none-match': etag } });
  return answers;
}

const headerOf = (answers: Record<string, Response>, name: string) =>
  Object.fromEntries(Object.entries(answers).map(([label, res]) => [label, res.headers.get(name)]));

describe('finding 11: production over plain http', () => {
  it('NODE_ENV=production with an http PUBLIC_URL refuses to start, in one line, unless ALLOW_INSECURE_PUBLIC_URL=true', async () => {
    const env = {
      NODE_ENV: 'production',
      DATA_DIR: await tempDir(),
      DATABASE_URL: inject('databaseUrl'),
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: TEST_KEK,
      PUBLIC_URL: 'http://id.example.com',
    };
    const refused = spawnPortcullis(env);
    try {
      // Exits rather than listens.
      expect(await Promise.race([refused.exited, refused.listening.then(() => 'listening')])).toEqual({ code: 1, signal: null });
      expect(refused.stderr()).toBe(
        'portcullis: invalid configuration: PUBLIC_URL must be https:// when NODE_ENV=production (over http, cookies lose Secure); got http://id.example.com. Set ALLOW_INSECURE_PUBLIC_URL=true to run over http anyway\n',
      );
    } finally {
      await refused.stop('SIGKILL');
    }

    const allowed = spawnPortcullis({ ...env, ALLOW_INSECURE_PUBLIC_URL: 'true' });
    try {
      await allowed.listening;
    } finally {
      await allowed.stop();
    }
  });

  describe('an https PUBLIC_URL: Strict-Transport-Security on every response, from the gateway and from Nest', () => {
    let running: RunningApp;
    let issuerId: string;

    beforeAll(async () => {
      // Served over http on loopback here, as behind a TLS-terminating proxy.
      running = await startApp({ PUBLIC_URL: 'https://id.example.test', RATE_LIMIT_PROTOCOL_PER_MINUTE: '2' });
      ({ issuerId } = await createTenant(running.url));
    });
    afterAll(() => running?.close());

    it('every kind of answer carries it', async () => {
      const answers = await everyKindOfAnswer(running, issuerId);
      expect(Object.values(answers).map((res) => res.status)).toEqual([200, 200, 200, 400, 405, 404, 200, 401, 200, 200, 304]);
      expect(headerOf(answers, 'strict-transport-security')).toEqual(Object.fromEntries(Object.keys(answers).map((label) => [label, HSTS])));

      // The gateway's own refusal (the protocol budget of two was spent by the token requests above).
      const limited = await fetch(`${running.url}/${issuerId}/token`, { method: 'POST' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('strict-transport-security')).toBe(HSTS);
    });

    it('an http PUBLIC_URL sends none (browsers ignore it over http)', async () => {
      const plain = await startApp();
      try {
        const { issuerId: plainIssuer } = await createTenant(plain.url);
        const answers = await everyKindOfAnswer(plain, plainIssuer);
        expect(Object.values(headerOf(answers, 'strict-transport-security')).every((value) => value === null)).toBe(true);
      } finally {
        await plain.close();
      }
      expect((await adminApi(running.url).get('/v1/tenants')).headers.get('strict-transport-security')).toBe(HSTS);
    });
  });
});
