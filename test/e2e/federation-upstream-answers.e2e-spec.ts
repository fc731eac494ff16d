import { randomBytes } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { fakeServer, openIdConfiguration, rsaKeys, sendJson, type FakeServer } from '../helpers/fake-issuer.js';
import { downstreamRequest, federation, pressConnection, type Federation } from '../helpers/federation.js';
import { oidc } from '../helpers/rp.js';

const now = () => Math.floor(Date.now() / 1000);

/**
 * What Portcullis accepts of an upstream's answer, and what it does with the account: an upstream
 * that says whatever a test wants (a fake OpenID Provider whose token endpoint signs the next ID
 * token's claims, or signs nothing), behind two connections of one tenant that links by verified
 * email: `lax`, and `corp`, the only way in for corp.test.
 */
describe('federated sign-in: what an upstream may say', () => {
  let running: RunningApp;
  let fed: Federation;
  let fake: FakeServer;
  let next: { claims: Record<string, unknown>; unsigned?: boolean } = { claims: {} };
  const nonces = new Map<string, string>();
  const keys = rsaKeys();
  const api = () => adminApi(running.url);

  beforeAll(async () => {
    running = await startApp({ PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true' });
    const privateKey = await importJWK(keys.private as JWK, 'RS256');
    fake = await fakeServer((req, res, server) => {
      const url = new URL(req.url!, server.url);
      if (url.pathname === '/.well-known/openid-configuration') return sendJson(res, openIdConfiguration(server.url));
      if (url.pathname === '/.well-known/jwks.json') return sendJson(res, { keys: [keys.public] });
      if (url.pathname !== '/oauth/token') return sendJson(res, {}, 404);
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const claims = { iss: server.url, aud: 'c', nonce: nonces.get(new URLSearchParams(body).get('code')!), ...next.claims };
        const token = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().setExpirationTime('5m');
        void token.sign(privateKey).then((signed) => {
          // Unsigned: the same token with its signature replaced by bytes that are none.
          const idToken = next.unsigned ? `${signed.slice(0, signed.lastIndexOf('.'))}.${randomBytes(256).toString('base64url')}` : signed;
          sendJson(res, { access_token: 'at', token_type: 'Bearer', id_token: idToken, expires_in: 300 });
        });
      });
    });
    fed = await federation(running.url, { downstream: { sign_in_policy: { link_verified_email: true } } });
    for (const [name, extra] of [
      ['lax', {}],
      ['corp', { email_domains: ['corp.test'], exclusive: true }],
    ] as const) {
      const made = await api().post(`/v1/tenants/${fed.downstream.issuerId}/connections`, {
        name,
        display_name: name,
        issuer: fake.url,
        client_id: 'c',
        client_secret: 's',
        ...extra,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
  });
  afterAll(async () => {
    await running?.close();
    await fake?.close();
  });

  /** Signs in at the downstream relying party through connection `name`, the upstream's ID token saying `claims`. */
  async function via(name: string, claims: Record<string, unknown>, params: Record<string, string> = {}, unsigned = false) {
    const agent = new UserAgent(running.url);
    const { url, checks } = await downstreamRequest(fed.rp, params);
    const start = (await agent.follow(await agent.get(url))) as Response;
    const authorize = (await pressConnection(agent, await start.text(), name)) as URL;
    const code = `code-${randomBytes(8).toString('hex')}`;
    nonces.set(code, authorize.searchParams.get('nonce')!);
    next = { claims, unsigned };
    const callback = new URL(authorize.searchParams.get('redirect_uri')!);
    callback.search = new URLSearchParams({ code, state: authorize.searchParams.get('state')! }).toString();
    const back = await agent.follow(await agent.get(callback));
    if (!(back instanceof URL) && !(await back.clone().text()).includes('Allow access?')) {
      return { status: back.status, type: back.headers.get('content-type'), html: await back.text(), authorize };
    }
    const tokens = await oidc.authorizationCodeGrant(fed.rp, back instanceof URL ? back : await agent.authorize(back), checks);
    return { status: 200, claims: tokens.claims()!, authorize };
  }

  it('checks the ID token’s signature against the upstream’s keys, though it came from the token endpoint', async () => {
    expect((await via('lax', { sub: 'signed' })).status).toBe(200);
    const forged = await via('lax', { sub: 'forged' }, {}, true);
    expect(forged.status).toBe(502);
    expect(forged.html).toContain('lax sent an answer Portcullis could not accept.');
  });

  it('holds the upstream’s auth_time to max_age and to prompt=login, and carries it as the sign-in’s auth_time', async () => {
    const hourAgo = now() - 3600;
    const stale = await via('lax', { sub: 'old-login', auth_time: hourAgo }, { max_age: '60' });
    expect(stale.authorize.searchParams.get('max_age')).toBe('60');
    expect(stale.status).toBe(502);
    expect((await via('lax', { sub: 'old-login', auth_time: hourAgo }, { prompt: 'login' })).status).toBe(502);
    expect((await via('lax', { sub: 'old-login' }, { prompt: 'login' })).status).toBe(502);

    const recent = now() - 30;
    const fresh = await via('lax', { sub: 'old-login', auth_time: recent }, { max_age: '60' });
    expect(fresh.claims!.auth_time).toBe(recent);
    expect(fresh.claims!.amr).toEqual(['fed']);
  });

  it('never links to an account whose email no one verified, whoever made it', async () => {
    // Mallory's upstream says the victim's email, unverified: Mallory's account has it, unverified.
    const mallory = await via('lax', { sub: 'mallory', email: 'victim@elsewhere.test', email_verified: false });
    const victim = await via('corp', { sub: 'victim', email: 'victim@elsewhere.test', email_verified: true });
    expect(victim.claims!.sub).not.toBe(mallory.claims!.sub);
  });

  it('keeps the users of an exclusive connection’s domain to it: another connection saying such an email is refused', async () => {
    const ceo = await via('corp', { sub: 'ceo', email: 'ceo@corp.test', email_verified: true });
    expect(ceo.status).toBe(200);
    const intruder = await via('lax', { sub: 'intruder', email: 'ceo@corp.test', email_verified: true });
    expect(intruder.status).toBe(403);
    expect(intruder.html).toContain('Sign in with corp.');
    const audit = await api().get(`/v1/tenants/${fed.downstream.issuerId}/audit-events?action=login.failed&resource_type=connection`);
    expect(audit.body.items.map((event: any) => event.after.reason)).toContain('exclusive_domain');
  });

  it('takes email_verified from each sign-in: a new email without it is not verified', async () => {
    const first = await via('lax', { sub: 'stale', email: 'real@x.test', email_verified: true });
    await via('lax', { sub: 'stale', email: 'someone-else@x.test' });
    const user = await api().get(`/v1/tenants/${fed.downstream.issuerId}/users/${first.claims!.sub}`);
    expect(user.body).toMatchObject({ email: 'someone-else@x.test', email_verified: false });
  });

  it('answers a sub with a NUL byte or beyond 255 characters with the sign-in page, not an error document', async () => {
    for (const sub of ['a\u0000b', randomBytes(300).toString('hex')]) {
      const refused = await via('lax', { sub });
      expect(refused.status).toBe(502);
      expect(refused.type).toContain('text/html');
      expect(refused.html).toContain('name="password"');
    }
  });
});
