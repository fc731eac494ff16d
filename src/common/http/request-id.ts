import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/** An incoming id is kept only if it is short and plain, so it cannot forge log lines or headers. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id: the caller's `X-Request-Id` when it is acceptable (a load balancer's
 * trace id), otherwise a new UUID. It is echoed as `X-Request-Id` on every response.
 */
export function requestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  const id = requestIdOf(req);
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The id alone, for a caller that puts the `X-Request-Id` header into its own `writeHead`. */
export function requestIdOf(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  return id;
}

/**
 * Assigns the request id before any routing, so even a request the router rejects (a
 * malformed path) gets one; the request logger then reuses it.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  requestId(req, res);
  next();
}
