import pg from 'pg';
import { QueryFailedError } from 'typeorm';

/**
 * What a thrown error means for the caller, whichever way the query went: TypeORM wraps the
 * driver's error in a QueryFailedError (`driverError`), while the raw `pg` pool throws the
 * driver's `DatabaseError` itself; both are judged here and nowhere else.
 * - `unavailable`: the database cannot be reached right now (503, Retry-After);
 * - `serialization_failure`: a concurrent transaction got in the way (40001, 40P01 deadlock);
 *   the same request may succeed at once, so it is answered like `unavailable`;
 * - `invalid_input`: a value PostgreSQL refuses to store or compare (the caller's mistake);
 * - `unique_violation`: the row already exists (409);
 * - `foreign_key_violation`: a row refers to one that is gone, or is still referred to (409);
 * - `other`: a bug, or not a database error at all (500).
 */
type DatabaseErrorKind = 'unavailable' | 'serialization_failure' | 'invalid_input' | 'unique_violation' | 'foreign_key_violation' | 'other';

export interface DatabaseErrorClass {
  kind: DatabaseErrorKind;
  /** The violated constraint, for the two violations. */
  constraint?: string;
}

/** Socket-level failures of the connection to PostgreSQL. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What `pg` says when a pooled connection dies or cannot be had in time. */
const POOL_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Connection ended|Client has encountered a connection error/i;

/**
 * SQLSTATEs of a server that cannot serve now: class 08 (connection exceptions, by prefix),
 * 57P01–57P03 shutting down or starting up, 53300 too many connections.
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;

/**
 * Values PostgreSQL refuses to store or compare, whoever sent them:
 * - 22021 character_not_in_repertoire: a NUL character in a text parameter, or invalid UTF-8;
 * - 22P05 untranslatable_character: `\u0000` in a jsonb value;
 * - 22P02 invalid_text_representation: a malformed typed value (an integer, a uuid);
 * - 22003 numeric_value_out_of_range: a number too large for its column;
 * - 22001 string_data_right_truncation: a string longer than its column;
 * - 54000 program_limit_exceeded: a value too large for an index entry.
 */
const INVALID_INPUT_STATES = new Set(['22021', '22P05', '22P02', '22003', '22001', '54000']);

const KIND_OF_STATE: Record<string, DatabaseErrorKind> = {
  '23505': 'unique_violation',
  '23503': 'foreign_key_violation',
  '40001': 'serialization_failure',
  '40P01': 'serialization_failure',
};

/**
 * The one classification of database errors: every answer to one starts here. An error that
 * wraps one (`cause`, as the engine's answer to a storage failure does) is judged by it, so
 * it is answered alike wherever it surfaces.
 */
export function classifyDatabaseError(error: unknown): DatabaseErrorClass {
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && error instanceof Error; depth++) {
    const judged = classifyOne(error);
    if (judged.kind !== 'other' || error.cause === undefined) return judged;
    error = error.cause;
  }
  return { kind: 'other' };
}

/** Causes followed before giving up: a cycle of causes must not loop. */
const MAX_CAUSE_DEPTH = 4;

function classifyOne(error: Error): DatabaseErrorClass {
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (cause instanceof pg.DatabaseError) {
    const state = cause.code ?? '';
    const kind = KIND_OF_STATE[state];
    if (kind === 'unique_violation' || kind === 'foreign_key_violation') return { kind, constraint: cause.constraint };
    if (kind) return { kind };
    if (INVALID_INPUT_STATES.has(state)) return { kind: 'invalid_input' };
    if (UNAVAILABLE_STATES.test(state)) return { kind: 'unavailable' };
    return { kind: 'other' };
  }
  // No server answer: the socket or the pool failed (these errors carry an errno code, not a SQLSTATE).
  if (cause instanceof Error) {
    const { code } = cause as NodeJS.ErrnoException;
    if ((typeof code === 'string' && NETWORK_CODES.has(code)) || POOL_MESSAGES.test(cause.message)) return { kind: 'unavailable' };
  }
  return { kind: 'other' };
}

export const databaseErrorKind = (error: unknown): DatabaseErrorKind => classifyDatabaseError(error).kind;

/** Failures that pass: the same request may succeed shortly, so the answer is 503 with Retry-After. */
export const isTransient = (kind: DatabaseErrorKind): boolean => kind === 'unavailable' || kind === 'serialization_failure';

/**
 * What of an error may be logged: of a database error, never the query parameters (TypeORM
 * keeps them) nor the server's `detail` (which quotes the values of a conflicting key), which
 * can hold secrets and password hashes.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError || error instanceof pg.DatabaseError)) return error;
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  const { name, message, stack } = error;
  return { type: name, message, code: (cause as { code?: string }).code, stack };
}
