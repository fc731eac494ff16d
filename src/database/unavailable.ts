import { QueryFailedError } from 'typeorm';

/** Socket-level failures of the connection to PostgreSQL. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What `pg` says when a pooled connection dies or cannot be had in time. */
const POOL_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Connection ended|Client has encountered a connection error/i;

/**
 * Whether an error means "the database cannot be reached right now" rather than a bug:
 * those are answered 503 with Retry-After, the others 500.
 * SQLSTATE class 08 is connection exceptions; 57P01–57P03 are server shutdown/starting; 53300 too many connections.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  if (!cause || typeof cause !== 'object') return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300')) {
    return true;
  }
  return typeof message === 'string' && POOL_MESSAGES.test(message);
}

/**
 * Whether PostgreSQL refused a value the caller sent: NUL characters (22021, 22P05), a malformed
 * typed value (22P02), a string too long for its column (22001). The caller's mistake, not a 500.
 */
export function isInvalidInput(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string } | undefined)?.code : undefined;
  return code === '22021' || code === '22P05' || code === '22P02' || code === '22001';
}

/** What of a database error may be logged: never the query parameters, which can hold secrets and password hashes. */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  return { type: error.name, message: error.message, code: (error.driverError as { code?: string } | undefined)?.code, stack: error.stack };
}
