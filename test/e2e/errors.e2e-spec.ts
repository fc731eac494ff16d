import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError, oauthError } from '../helpers/admin-api.js';
import { startApp, TEST_ADMIN_KEY, type RunningApp } from '../helpers/app.js';

describe('error model and admin authentication', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => running.close());

  const send = (path: string, init: RequestInit = {}) => fetch(`${running.url}${path}`, init);
  const json = { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' };

  describe('admin authentication', () => {
    it.each([
      ['no Authorization header', undefined],
      ['a wrong key', `Bearer ${TEST_ADMIN_KEY}x`],
      ['an empty bearer', 'Bearer '],
      ['a key prefix', `Bearer ${TEST_ADMIN_KEY.slice(0, 10)}`],
      ['Basic credentials', `Basic ${Buffer.from(`admin:${TEST_ADMIN_KEY}`).toString('base64')}`],
      ['the key without a scheme', TEST_ADMIN_KEY],
    ])('answers 401 JSON with %s', async (_case, authorization) => {
      const res = await send('/v1/tenants', { headers: authorization === undefined ? {} : { authorization } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual(adminError('unauthorized'));
    });

    it('admits the right key, case-insensitive scheme', async () => {
      const res = await send('/v1/tenants', { headers: { authorization: `bearer ${TEST_ADMIN_KEY}` } });
      expect(res.status).toBe(200);
    });

    it('checks the key before the body: an unauthenticated bad body is 401, not 422', async () => {
      const reply = await adminApi(running.url, null).post('/v1/tenants', { issuer_id: 'X' });
      expect(reply.status).toBe(401);
    });
  });

  describe('routing errors', () => {
    it.each(['/nope', '/v1/nope', '/v1/tenants/acme/nope', '/.well-known/unknown'])('answers OAuthError 404 for %s', async (path) => {
      const res = await send(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual(oauthError('not_found'));
    });

    it.each([
      ['PUT', '/v1/tenants/acme', 'DELETE, GET, HEAD, PATCH'],
      ['DELETE', '/v1/tenants', 'GET, HEAD, POST'],
      ['POST', '/healthz', 'GET, HEAD'],
      ['POST', '/docs/openapi.json', 'GET, HEAD'],
    ])('answers 405 with Allow for %s %s', async (method, path, allow) => {
      const res = await send(path, { method, headers: json });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      expect(await res.json()).toEqual(oauthError('method_not_allowed'));
    });
  });

  describe('bodies', () => {
    it('answers 400 JSON for malformed JSON', async () => {
      const res = await send('/v1/tenants', { method: 'POST', headers: json, body: '{"issuer_id": ' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(adminError('invalid_json'));
    });

    it('answers 413 JSON for a body over the limit', async () => {
      const body = JSON.stringify({ issuer_id: 'big', display_name: 'x'.repeat(4096) });
      const res = await send('/v1/tenants', { method: 'POST', headers: json, body });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual(adminError('payload_too_large'));
    });

    it('answers 415 JSON for a body that is not JSON', async () => {
      const res = await send('/v1/tenants', {
        method: 'POST',
        headers: { authorization: json.authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'issuer_id=acme',
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual(adminError('unsupported_media_type'));
    });
  });

  describe('request ids', () => {
    it('returns a fresh X-Request-Id on every response, errors included', async () => {
      const a = await send('/nope');
      const b = await send('/healthz');
      expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(b.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
    });

    it('keeps an acceptable incoming X-Request-Id and replaces a hostile one', async () => {
      const kept = await send('/healthz', { headers: { 'x-request-id': 'lb-trace.42:abc' } });
      expect(kept.headers.get('x-request-id')).toBe('lb-trace.42:abc');
      const replaced = await send('/healthz', { headers: { 'x-request-id': 'a b"} {"level":60' } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const long = await send('/healthz', { headers: { 'x-request-id': 'x'.repeat(200) } });
      expect(long.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('OpenAPI', () => {
    it('serves Swagger UI at /docs and the document at /docs/openapi.json', async () => {
      const ui = await send('/docs');
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger-ui');
      const doc = (await (await send('/docs/openapi.json')).json()) as { paths: object; components: { securitySchemes: Record<string, unknown> } };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/tenants', '/v1/tenants/{issuer_id}']));
      expect(doc.components.securitySchemes['admin-key']).toMatchObject({ type: 'http', scheme: 'bearer' });
    });
  });
});
