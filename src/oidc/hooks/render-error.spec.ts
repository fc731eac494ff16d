import Koa from 'koa';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { answerError } from './render-error.js';

/** A real Koa context for a request with these headers; nothing is sent. */
function contextFor(headers: Record<string, string>) {
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method: 'GET', url: '/authorize', headers, id: 'req-1' });
  const ctx = new Koa().createContext(req, new ServerResponse(req));
  ctx.status = 400;
  return ctx;
}

const HOSTILE = { error: 'invalid_request', error_description: '<script>alert(1)</script> & "quoted"' };
const BRANDING = { tenantName: '<b>Acme</b>', accent: '#0a7d4f' };

describe('answerError', () => {
  it('shows a browser the error page, every value escaped', () => {
    const ctx = contextFor({ accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    answerError(ctx, BRANDING, HOSTILE, 'sign-in');
    expect(ctx.type).toBe('text/html');
    expect(ctx.status).toBe(400);
    expect(ctx.response.get('Cache-Control')).toBe('no-store');
    const html = ctx.body as string;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Acme</b>');
    expect(html).toContain('<code>invalid_request</code>: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;');
    expect(html).toContain('<title>Cannot sign you in · &lt;b&gt;Acme&lt;/b&gt;</title>');
    expect(html).toContain('Reference: req-1');
  });

  it('shows no description of a server error, only the reference', () => {
    const ctx = contextFor({ accept: 'text/html' });
    answerError(ctx, BRANDING, { error: 'server_error', error_description: 'oops! something went wrong' }, 'sign-out');
    expect(ctx.body).toContain('<title>Cannot sign you out');
    expect(ctx.body).not.toContain('oops');
  });

  it('answers OAuthError JSON to a caller that does not ask for HTML first, and on a route without pages', () => {
    for (const [headers, flow] of [
      [{}, 'sign-in'],
      [{ accept: '*/*' }, 'sign-in'],
      [{ accept: 'application/json, text/html' }, 'sign-in'],
      [{ accept: 'text/html' }, undefined],
    ] as const) {
      const ctx = contextFor(headers);
      answerError(ctx, BRANDING, HOSTILE, flow);
      expect(ctx.type).toBe('application/json');
      expect(ctx.body).toEqual(HOSTILE);
    }
  });
});
