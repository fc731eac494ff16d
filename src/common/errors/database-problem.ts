import { classifyDatabaseError } from '../../database/database-errors.js';
import type { Problem } from './error-body.js';

/**
 * Seconds a caller is asked to wait after a transient database failure. One value for an
 * outage and a serialization failure alike: oidc-provider's error handler writes its own
 * answers, so the engine's 503s cannot carry a per-error header, and a client that retries
 * a lost race 5 s later loses nothing but time.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The answer to a database error, the one mapping for every path: the admin API and Nest's
 * pages (`admin`), the issuer routes and oidc-provider's storage calls (`protocol`).
 * Undefined for a bug (or not a database error): the caller answers it 500.
 * - unreachable, or a concurrent transaction got in the way: 503 temporarily_unavailable, Retry-After;
 * - a value PostgreSQL cannot store: 422 validation_failed (admin), 400 invalid_request (protocol);
 * - a duplicate, or a reference to a row that is gone (or a row still referred to): 409 conflict
 *   (admin); on the protocol side no caller names rows, so these are bugs there.
 */
export function databaseProblem(error: unknown, side: 'admin' | 'protocol'): Problem | undefined {
  const { kind } = classifyDatabaseError(error);
  switch (kind) {
    case 'unavailable':
      return temporarilyUnavailable('The service cannot reach its database; try again shortly.');
    case 'serialization_failure':
      return temporarilyUnavailable('A concurrent change got in the way of this request; try again shortly.');
    case 'invalid_input':
      return side === 'admin'
        ? {
            status: 422,
            error: 'validation_failed',
            message: 'The request has values that cannot be stored.',
            details: [{ field: 'request', message: 'contains characters that cannot be stored, such as NUL' }],
          }
        : { status: 400, error: 'invalid_request', message: 'the request contains characters that cannot be processed' };
    case 'unique_violation':
      return side === 'admin' ? { status: 409, error: 'conflict', message: 'The resource already exists.' } : undefined;
    case 'foreign_key_violation':
      return side === 'admin'
        ? { status: 409, error: 'conflict', message: 'The resource refers to one that no longer exists, or is still in use.' }
        : undefined;
    default:
      return undefined;
  }
}

const temporarilyUnavailable = (message: string): Problem => ({
  status: 503,
  error: 'temporarily_unavailable',
  message,
  headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
});
