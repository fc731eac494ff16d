import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { freePort, startApp, type RunningApp } from '../helpers/app.js';
import { fakeServer, openIdConfiguration, rsaKeys, sendJson, type FakeServer } from '../helpers/fake-issuer.js';

const finding = (code: string) => ({ code, severity: 'error', message: expect.any(String) });

/** Everything a loopback name may resolve to here, in the forms a message could show it. */
const LOOPBACK_ANSWERS = /127\.0\.0\.1|::1\b|::ffff:/;

/**
 * The provider check must never connect to an IPv6 address that carries a private IPv4
 * address inside it, nor tell the caller what a name resolved to inside the network it runs
 * in (a probe of internal DNS).
 */
describe('finding 12: address-policy gaps', () => {
  let strict: RunningApp; // the production policy
  let open: RunningApp; // private addresses allowed
  let target: FakeServer;
  const keys = rsaKeys();

  const discover = (app: RunningApp, issuer: string) => adminApi(app.url).post('/v1/providers/discover', { issuer });

  beforeAll(async () => {
    strict = await startApp({ PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: '0' });
    open = await startApp({ PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true', PROVIDER_DISCOVERY_TIMEOUT_MS: '1000', PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: '0' });
    target = await fakeServer((req, res, self) => {
      if (req.url === '/.well-known/openid-configuration') return sendJson(res, openIdConfiguration(`${self.url}/`));
      if (req.url === '/.well-known/jwks.json') return sendJson(res, { keys: [keys.public] });
      sendJson(res, { error: 'not_found' }, 404);
    });
  });
  afterAll(async () => {
    await target?.close();
    await strict?.close();
    await open?.close();
  });

  it.each([
    ['IPv4-compatible, as the issue sent it', (port: number) => `https://[::127.0.0.1]:${port}/`],
    ['IPv4-compatible, as URL writes it', (port: number) => `https://[::7f00:1]:${port}/`],
    ['IPv4-translated', (port: number) => `https://[::ffff:0:7f00:1]:${port}/`],
    ['NAT64', (port: number) => `https://[64:ff9b::7f00:1]:${port}/`],
    ['NAT64 local-use', (port: number) => `https://[64:ff9b:1::7f00:1]:${port}/`],
    ['6to4', (port: number) => `https://[2002:7f00:1::1]:${port}/`],
    ['Teredo', (port: number) => `https://[2001:0:4136:e378:8000:63bf:80ff:fffe]:${port}/`],
    ['ISATAP', (port: number) => `https://[2606:4700:1::5efe:7f00:1]:${port}/`],
  ])('refuses the %s form, even with private addresses allowed, sending nothing', async (_name, issuerOf) => {
    for (const app of [strict, open]) {
      const reply = await discover(app, issuerOf(target.port));
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        discovery: null,
        jwks_reachability: 'unreachable',
        findings: [finding('DISCOVERY_FAILED'), finding('ADDRESS_NOT_ALLOWED')],
        status: 'failed',
      });
      expect(reply.body.findings[1].message).toMatch(/not a public address/);
    }
    expect(target.requests).toEqual([]);
  });

  it('says a name is not public without naming what it resolved to', async () => {
    const reply = await discover(strict, `https://localhost:${target.port}/`);
    expect(reply.body.findings).toEqual([finding('DISCOVERY_FAILED'), finding('ADDRESS_NOT_ALLOWED')]);
    const messages = reply.body.findings.map((f: { message: string }) => f.message).join(' ');
    expect(messages).toContain('localhost does not resolve to public addresses only');
    expect(messages).not.toMatch(LOOPBACK_ANSWERS);
    expect(target.requests).toEqual([]);
  });

  it('names no resolved address when the connection fails either', async () => {
    const closed = await freePort();
    const reply = await discover(open, `https://localhost:${closed}/`);
    expect(reply.body.findings).toEqual([finding('DISCOVERY_FAILED'), finding('CONNECTION_FAILED')]);
    expect(reply.body.findings[1].message).toMatch(/could not be reached: ECONNREFUSED$|could not be reached: ECONNREFUSED\.$/);
    expect(reply.body.findings.map((f: { message: string }) => f.message).join(' ')).not.toMatch(LOOPBACK_ANSWERS);
  });
});
