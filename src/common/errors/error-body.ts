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

export function oauthErrorBody(problem: Problem, requestId?: string) {
  return {
    error: problem.error,
    error_description: problem.message,
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
