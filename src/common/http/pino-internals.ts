import type { IncomingMessage } from 'node:http';

/**
 * Every place Portcullis relies on how pino's HTTP serializers work inside, rather than on
 * their documented API. Each function names the internal it relies on, the version it was
 * checked against and why no public API does the job; `pino-internals.spec.ts` logs through
 * the application's own pino-http options, so an upgrade that changes one fails there, by name.
 *
 * Checked against pino 10.4.0, pino-http 11.0.0, pino-std-serializers 7.1.0.
 */

/**
 * A request as the request serializer reads it, for a log line written outside pino-http
 * (the issuer gateway's): `url` as given (the gateway rewrites `req.url` below the issuer),
 * the peer's address from the socket.
 * Relies on: pino-std-serializers' `reqSerializer` (lib/req.js) taking `id` and `method` as
 * they are, `url` from `originalUrl` or else `url`, and `remoteAddress` from `socket`.
 * No public API: pino-http builds these from the live request only inside its own
 * middleware, which the gateway's fast path does not run.
 */
export function loggableRequest(req: IncomingMessage & { id?: unknown }, url: string | undefined): object {
  return { id: req.id, method: req.method, url, socket: req.socket };
}

/**
 * A response as the response serializer reads it, once it is sent.
 * Relies on: pino-std-serializers' `resSerializer` (lib/res.js) logging `statusCode` only
 * when `headersSent` is true (null otherwise).
 * No public API: as for `loggableRequest`.
 */
export function loggableResponse(statusCode: number): object {
  return { statusCode, headersSent: true };
}
