import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { onBodyWritten } from './oidc-provider-internals.js';

/** A public metadata document as first served, replayed byte for byte while the issuer is unchanged. */
export interface CachedDocument {
  /** A string, not a Buffer: Node then sends headers and body in one write instead of a writev. */
  body: string;
  /** Byte length, as the Content-Length header value. */
  length: string;
  contentType: string;
  /** As the first answer carried it (the gateway sets it per document kind). */
  cacheControl: string;
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
    onBodyWritten(res, (bytes) => {
      if (res.statusCode !== 200) return;
      const document = {
        body: bytes.toString('utf8'),
        length: String(bytes.length),
        contentType: String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        cacheControl: String(res.getHeader('cache-control')),
        etag: `"${createHash('sha256').update(bytes).digest('base64url')}"`,
      };
      this.documents.set(path, document);
      // Koa has not flushed its headers yet: the first answer carries the ETag too.
      if (!res.headersSent) res.setHeader('ETag', document.etag);
    });
  }
}

/**
 * Answers from a cached document: 304 on a matching If-None-Match, else the bytes (no body for
 * HEAD). All headers go into one `writeHead` as a flat list, the cheapest form Node accepts;
 * `extraHeaders` (name, value, …) are the ones every gateway answer carries (HSTS).
 */
export function serveDocument(
  req: IncomingMessage,
  res: ServerResponse,
  document: CachedDocument,
  requestId: string,
  extraHeaders: readonly string[] = [],
): void {
  const match = req.headers['if-none-match'];
  const notModified = match !== undefined && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === document.etag);
  const headers = [
    'Content-Type',
    document.contentType,
    'Cache-Control',
    document.cacheControl,
    'ETag',
    document.etag,
    // Public documents: any origin may read them (oidc-provider answers these with CORS open too).
    'Access-Control-Allow-Origin',
    '*',
    'X-Request-Id',
    requestId,
    ...extraHeaders,
  ];
  if (!notModified) headers.push('Content-Length', document.length);
  res.writeHead(notModified ? 304 : 200, headers);
  res.end(notModified || req.method === 'HEAD' ? undefined : document.body);
}
