import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { redactUrl } from './logger-options.js';

/**
 * The members of a request-completed line for a request Nest never saw (the issuer gateway's),
 * as the request and response serializers of `loggerOptions` make them for Nest's lines: the
 * request's id, method, url (credentials redacted) and peer address, and the status.
 * `access-log.spec.ts` holds the two to the same shape.
 */
export function accessLine(req: IncomingMessage & { id?: unknown }, url: string | undefined, statusCode: number, responseTime: number): object {
  return {
    req_id: req.id,
    req: { id: req.id, method: req.method, url: redactUrl(url), remoteAddress: req.socket?.remoteAddress },
    res: { statusCode },
    responseTime,
  };
}

const asItIs = (value: unknown) => value;

/**
 * The root logger for lines made by `accessLine` only: their members are chosen and redacted
 * already, so the serializers and the redaction pass, which cost more than the rest of the
 * line, are skipped.
 */
export const accessLogger = (root: Logger): Logger =>
  root.child({}, { serializers: { req: asItIs, res: asItIs }, redact: { paths: [], censor: '[Redacted]' } });
