import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createTenant } from '../helpers/rp.js';

/** What the contract allows a public route to answer. 2xx/3xx are fine; errors only these. */
const CONTRACT_ERRORS = new Set([400, 401, 403, 404, 405, 413, 415, 429, 500, 503]);

/**
 * Random paths, methods, headers and query strings at the public side: whatever comes, the
 * answer is a contract status, and an error is JSON with an `error` member, never HTML or a
 * stack trace, and never a 500 (nothing here is the server's fault).
 */
describe('public routes under random input', () => {
  let running: RunningApp;
  let issuerId: string;

  beforeAll(async () => {
    running = await startApp({ RATE_LIMIT_METADATA_PER_MINUTE: '0', RATE_LIMIT_PROTOCOL_PER_MINUTE: '0' });
    ({ issuerId } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  const segment = fc.oneof(
    fc.constantFrom(
      '.well-known',
      'openid-configuration',
      'oauth-authorization-server',
      'jwks.json',
      'token',
      'authorize',
      'userinfo',
      'introspect',
      'revoke',
      'par',
      'device',
      'device_authorization',
      'end-session',
      'interaction',
      'v1',
      'tenants',
      '..',
      '%2e%2e',
      '%00',
      '%ff',
    ),
    fc.stringMatching(/^[A-Za-z0-9._~%-]{1,12}$/),
  );
  const request = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
    path: fc.array(segment, { minLength: 0, maxLength: 4 }),
    issuerFirst: fc.constantFrom(true, true, false),
    query: fc.array(
      fc.tuple(fc.constantFrom('client_id', 'response_type', 'scope', 'redirect_uri', 'grant_type', 'token', 'x', 'state'), fc.string({ maxLength: 20 })),
      { maxLength: 4 },
    ),
    contentType: fc.constantFrom(undefined, 'application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'),
    body: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
    accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*'),
  });

  it('answers only contract statuses, errors as JSON with an error member', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, issuerFirst, query, contentType, body, accept }) => {
        const segments = issuerFirst ? [issuerId, ...path] : path;
        const search = new URLSearchParams(query).toString();
        const url = `${running.url}/${segments.join('/')}${search ? `?${search}` : ''}`;
        const headers: Record<string, string> = {};
        if (contentType) headers['content-type'] = contentType;
        if (accept) headers.accept = accept;
        const res = await fetch(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body, redirect: 'manual' });
        const text = await res.text();
        if (res.status >= 400) {
          expect(CONTRACT_ERRORS.has(res.status), `${method} ${url} → ${res.status}`).toBe(true);
          expect(res.status, `${method} ${url} → ${text.slice(0, 200)}`).not.toBe(500);
          const html = (res.headers.get('content-type') ?? '').startsWith('text/html');
          if (html) {
            // Only the end-user pages may answer in HTML, and then in the product's own page: sign-in and device
            // pages, and the errors of authorization and logout requests to a browser that asks for HTML.
            const userPage = /\/(interaction|device)(\/|\?|$)/.test(url);
            const requestError = /\/(authorize|end-session)(\/|\?|$)/.test(url) && accept === 'text/html';
            expect(userPage || requestError, `${method} ${url} (Accept: ${accept}) answered HTML`).toBe(true);
            if (method !== 'HEAD') expect(text).toContain('<main>');
          } else if (method !== 'HEAD') {
            expect(JSON.parse(text), `${method} ${url}`).toHaveProperty('error');
          }
          expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
