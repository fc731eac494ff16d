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
