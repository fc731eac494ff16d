/**
 * The two error shapes of the contract. Public issuer routes answer RFC 6749's OAuthError;
 * the admin API answers `{error, message, details}`. A request id is added to 5xx bodies
 * so an operator can find the log line.
 */
export interface Problem {
  status: number;
  error: string;
  message: string;
  details?: { field: string; message: string }[];
  headers?: Record<string, string>;
}

/** A route that does not exist, on any path. */
export const NOT_FOUND: Problem = { status: 404, error: 'not_found', message: 'The requested resource does not exist.' };

/** A bug: nothing of it is shown but the request id, which finds its log line. */
export const SERVER_ERROR: Problem = { status: 500, error: 'server_error', message: 'An unexpected error occurred.' };

/** RFC 6749 §5.2's body, which every public error answers with: the gateway's, Nest's and oidc-provider's. */
export function oauthErrorBody(problem: Problem, requestId?: string) {
  return {
    error: problem.error,
    ...(problem.message ? { error_description: problem.message } : {}),
    ...(problem.status >= 500 && requestId ? { request_id: requestId } : {}),
  };
}

export function adminErrorBody(problem: Problem, requestId?: string) {
  return {
    error: problem.error,
    message: problem.message,
    ...(problem.details ? { details: problem.details } : {}),
    ...(problem.status >= 500 && requestId ? { request_id: requestId } : {}),
  };
}

/** Admin API paths: everything under `/v1`. */
export const isAdminPath = (path: string) => path === '/v1' || path.startsWith('/v1/');
