import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A public metadata document as first served, replayed byte for byte while the issuer is unchanged. */
export interface CachedDocument {
  /** A string, not a Buffer: Node then sends headers and body in one write instead of a writev. */
  body: string;
  length: number;
  contentType: string;
  etag: string;
}

/**
 * Discovery and JWKS documents change only when the issuer does, and then its whole
 * provider (and this cache with it) is rebuilt. So the first 200 answer oidc-provider
 * gives is captured and later requests are answered from it: no JSON building, no provider
 * pipeline, a strong ETag for conditional requests.
 */
export class DocumentCache {
  private readonly documents = new Map<string, CachedDocument>();

  get(path: string): CachedDocument | undefined {
    return this.documents.get(path);
  }

  /** Records what `res` sends for `path`, if it is a complete 200. */
  capture(path: string, res: ServerResponse): void {
    const end = res.end.bind(res);
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (res.statusCode === 200 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        const bytes = Buffer.from(chunk as string);
        const document = {
          body: bytes.toString('utf8'),
          length: bytes.length,
          contentType: String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
          etag: `"${createHash('sha256').update(bytes).digest('base64url')}"`,
        };
        this.documents.set(path, document);
        // Koa has not flushed its headers yet: the first answer carries the ETag too.
        if (!res.headersSent) res.setHeader('ETag', document.etag);
      }
      return end(chunk as never, ...(rest as []));
    }) as typeof res.end;
  }
}

/** Answers from a cached document: 304 on a matching If-None-Match, else the bytes (no body for HEAD). */
export function serveDocument(req: IncomingMessage, res: ServerResponse, document: CachedDocument, maxAgeSeconds: number): void {
  const headers = {
    'Content-Type': document.contentType,
    'Cache-Control': `public, max-age=${maxAgeSeconds}`,
    ETag: document.etag,
    // Public documents: any origin may read them (oidc-provider answers these with CORS open too).
    'Access-Control-Allow-Origin': '*',
  };
  const match = req.headers['if-none-match'];
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === document.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': document.length }).end(req.method === 'HEAD' ? undefined : document.body);
}
