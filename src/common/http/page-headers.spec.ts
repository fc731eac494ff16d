import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DOCS_CSP, guardPages, pageCsp } from './page-headers.js';

/** A response to `url` that records its headers instead of writing them to a socket. */
function response(url: string): ServerResponse {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  const res = new ServerResponse(req);
  guardPages(req, res);
  return res;
}

describe('guardPages', () => {
  it('gives an HTML page every page header, whether its Content-Type was set before or passed to writeHead', () => {
    const set = response('/acme/device');
    set.setHeader('Content-Type', 'text/html; charset=utf-8');
    set.writeHead(200);
    const passed = response('/acme/device');
    passed.writeHead(200, { 'content-type': 'text/html' });
    for (const res of [set, passed]) {
      expect(res.getHeaders()).toMatchObject({
        'content-security-policy': pageCsp(),
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      });
    }
  });

  it('leaves JSON alone', () => {
    const res = response('/acme/token');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    expect(res.getHeaderNames().filter((name) => name !== 'content-type')).toEqual([]);
  });

  it("keeps a policy the page set itself (the form_post page's script hash); Swagger UI gets its own", () => {
    const formPost = response('/acme/authorize/abc');
    formPost.setHeader('Content-Security-Policy', pageCsp(["'sha256-abc='"]));
    formPost.setHeader('Content-Type', 'text/html');
    formPost.writeHead(200);
    expect(formPost.getHeader('content-security-policy')).toContain("script-src 'sha256-abc='");
    const docs = response('/docs');
    docs.writeHead(200, { 'Content-Type': 'text/html' });
    expect(docs.getHeader('content-security-policy')).toBe(DOCS_CSP);
  });
});
