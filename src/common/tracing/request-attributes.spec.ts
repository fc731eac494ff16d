import type { Span } from '@opentelemetry/api';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { setRoutePattern } from '../http/route-pattern.js';
import { isUntracedPath, nameByRoute, redactedQuery } from './request-attributes.js';

describe('redactedQuery', () => {
  it('keeps protocol vocabulary and redacts every other value, names and order kept', () => {
    const url = '/acme/authorize?client_id=app&state=s3cr3t&code_challenge=abc&response_type=code&login_hint=ann%40example.com&scope=openid+email';
    expect(redactedQuery(url)).toEqual({
      'url.query': 'client_id=app&state=REDACTED&code_challenge=REDACTED&response_type=code&login_hint=REDACTED&scope=openid+email',
    });
  });

  it('redacts a parameter it has never heard of, and every repetition of one', () => {
    expect(redactedQuery('/x?token=a&token=b&new_thing=c')).toEqual({ 'url.query': 'token=REDACTED&token=REDACTED&new_thing=REDACTED' });
  });

  it('adds nothing for a URL without a query', () => {
    expect(redactedQuery('/acme/token')).toEqual({});
    expect(redactedQuery('/acme/token?')).toEqual({});
    expect(redactedQuery(undefined)).toEqual({});
  });
});

describe('isUntracedPath', () => {
  it('names the probes and the scrape, with or without a query, and nothing else', () => {
    expect(['/healthz', '/readyz?verbose=1', '/metrics'].map(isUntracedPath)).toEqual([true, true, true]);
    expect(['/acme/healthz', '/v1/tenants', '/healthz/x', undefined].map(isUntracedPath)).toEqual([false, false, false, false]);
  });
});

describe('nameByRoute', () => {
  const recorder = () => {
    const seen: { name?: string; attributes: Record<string, unknown> } = { attributes: {} };
    const span = {
      setAttribute: (key: string, value: unknown) => ((seen.attributes[key] = value), span),
      updateName: (name: string) => ((seen.name = name), span),
    } as unknown as Span;
    return { span, seen };
  };
  const request = (method: string) => Object.assign(new IncomingMessage(new Socket()), { method });

  it("names the span by the gateway's route pattern", () => {
    const { span, seen } = recorder();
    const req = request('POST');
    setRoutePattern(req, '/:issuer_id/token');
    nameByRoute(span, req);
    expect(seen).toEqual({ name: 'POST /:issuer_id/token', attributes: { 'http.route': '/:issuer_id/token' } });
  });

  it("names it by the pattern of Express's matched route", () => {
    const { span, seen } = recorder();
    nameByRoute(span, Object.assign(request('GET'), { route: { path: '/v1/tenants/:issuer_id' } }));
    expect(seen).toEqual({ name: 'GET /v1/tenants/:issuer_id', attributes: { 'http.route': '/v1/tenants/:issuer_id' } });
  });

  it('leaves a request no route matched as the instrumentation named it', () => {
    const { span, seen } = recorder();
    nameByRoute(span, request('GET'));
    expect(seen).toEqual({ attributes: {} });
  });
});
