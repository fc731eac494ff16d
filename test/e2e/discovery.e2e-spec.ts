import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createTenant } from '../helpers/rp.js';

describe('public metadata routes', () => {
  let running: RunningApp;
  let issuerId: string;
  let issuer: string;

  beforeAll(async () => {
    running = await startApp({ DISCOVERY_CACHE_SECONDS: '600', JWKS_CACHE_SECONDS: '120' });
    ({ issuerId, issuer } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  it('serves one OIDC discovery document at both URL forms, and one RFC 8414 document at both of its forms', async () => {
    const get = async (url: string) => (await (await fetch(url)).json()) as Record<string, unknown>;
    const oidcDocument = await get(`${issuer}/.well-known/openid-configuration`);
    expect(oidcDocument.issuer).toBe(issuer);
    expect(await get(`${running.url}/.well-known/openid-configuration/${issuerId}`)).toEqual(oidcDocument);
    const oauthDocument = await get(`${issuer}/.well-known/oauth-authorization-server`);
    expect(oauthDocument.issuer).toBe(issuer);
    expect(await get(`${running.url}/.well-known/oauth-authorization-server/${issuerId}`)).toEqual(oauthDocument);
    expect(oidcDocument).toMatchObject({
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks.json`,
      introspection_endpoint: `${issuer}/introspect`,
      revocation_endpoint: `${issuer}/revoke`,
      pushed_authorization_request_endpoint: `${issuer}/par`,
      end_session_endpoint: `${issuer}/end-session`,
      code_challenge_methods_supported: ['S256'],
    });
  });

  it.each([
    ['/.well-known/openid-configuration', 'public, max-age=600'],
    ['/jwks.json', 'public, max-age=120'],
    ['/.well-known/jwks.json', 'public, max-age=120'],
  ])('%s carries Cache-Control and a strong ETag, and answers a matching If-None-Match with 304', async (path, cacheControl) => {
    const first = await fetch(`${issuer}${path}`);
    const second = await fetch(`${issuer}${path}`);
    for (const res of [first, second]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe(cacheControl);
      expect(res.headers.get('content-type')).toMatch(/^application\/(json|jwk-set\+json)/);
      expect(res.headers.get('etag')).toBe(second.headers.get('etag'));
    }
    const etag = second.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await second.text()).toBe(await first.text());
    const conditional = await fetch(`${issuer}${path}`, { headers: { 'if-none-match': etag } });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    expect((await fetch(`${issuer}${path}`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('a key rotation changes the JWKS and its ETag at once', async () => {
    const { issuerId: id, issuer: iss } = await createTenant(running.url);
    const before = await fetch(`${iss}/jwks.json`);
    const { adminApi } = await import('../helpers/admin-api.js');
    await adminApi(running.url).post(`/v1/tenants/${id}/keys/rotate`);
    const after = await fetch(`${iss}/jwks.json`);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(((await after.json()) as { keys: unknown[] }).keys).toHaveLength(3);
  });

  it.each([
    ['POST', '/.well-known/openid-configuration', 'GET, HEAD'],
    ['DELETE', '/jwks.json', 'GET, HEAD'],
    ['GET', '/token', 'POST'],
    ['GET', '/introspect', 'POST'],
    ['PUT', '/userinfo', 'GET, HEAD, POST'],
  ])('answers %s %s with 405 OAuthError and Allow', async (method, path, allow) => {
    const res = await fetch(`${issuer}${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toEqual(oauthError('method_not_allowed'));
  });

  it.each(['/no-such-issuer/.well-known/openid-configuration', '/no-such-issuer/jwks.json', `/.well-known/oauth-authorization-server/no-such-issuer`, '/ISSUER/jwks.json'])(
    'answers 404 OAuthError for %s',
    async (path) => {
      const res = await fetch(`${running.url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(oauthError('not_found'));
    },
  );

  it('answers 404 OAuthError for an unknown path below a known issuer', async () => {
    const res = await fetch(`${issuer}/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(oauthError('not_found'));
  });

  it('protocol errors are OAuthError JSON from oidc-provider, never HTML', async () => {
    const res = await fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=nope' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/^(invalid_request|unsupported_grant_type|invalid_client)$/) });
    const authorize = await fetch(`${issuer}/authorize?client_id=unknown`, { redirect: 'manual' });
    expect(authorize.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await authorize.json()).toMatchObject({ error: expect.any(String) });
  });
});
