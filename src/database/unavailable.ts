import { driverErrorOf, isDatabaseError, sqlStateOf } from './sql-state.js';

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
  const cause = driverErrorOf(error);
  if (!cause || typeof cause !== 'object') return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300')) {
    return true;
  }
  return typeof message === 'string' && POOL_MESSAGES.test(message);
}

/**
 * Values PostgreSQL refuses to store or compare, whoever sent them:
 * - 22021 character_not_in_repertoire: a NUL character in a text parameter;
 * - 22P05 untranslatable_character: `\u0000` in a jsonb value;
 * - 22P02 invalid_text_representation: a malformed typed value (an integer, a uuid);
 * - 22001 string_data_right_truncation: a string longer than its column;
 * - 54000 program_limit_exceeded: a value too large for an index entry.
 */
const INVALID_INPUT_STATES = new Set(['22021', '22P05', '22P02', '22001', '54000']);

/**
 * Whether PostgreSQL refused a value the caller sent: the caller's mistake (400 or 422), never
 * a 500. Judged alike for TypeORM's QueryFailedError and the raw pool's DatabaseError.
 */
export function isInvalidInput(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && INVALID_INPUT_STATES.has(state);
}

/**
 * What of a database error may be logged: never the query parameters (TypeORM keeps them) nor
 * the server's `detail` (which quotes the values of a conflicting key), which can hold
 * secrets and password hashes.
 */
export function loggableError(error: unknown): unknown {
  if (!isDatabaseError(error)) return error;
  const { name, message, stack } = error as Error;
  return { type: name, message, code: sqlStateOf(error), stack };
}
