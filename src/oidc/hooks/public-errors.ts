import type { Middleware } from 'koa';
import { errors } from 'oidc-provider';
import { databaseProblem, DATABASE_RETRY_AFTER_SECONDS } from '../../common/errors/database-problem.js';
import { NOT_FOUND, oauthErrorBody, SERVER_ERROR, type Problem } from '../../common/errors/error-body.js';
import { databaseErrorKind } from '../../database/database-errors.js';
import { isSessionlessFormPost } from '../oidc-provider-internals.js';

/**
 * A database error as oidc-provider answers it, with the status, code and description the one
 * mapping gives (a 503 while the database is out of reach, a 400 for a value it cannot store).
 */
class DatabaseProblem extends errors.OIDCProviderError {
  constructor(problem: Problem, cause: unknown) {
    super(problem.status, problem.error, { cause: cause as Error });
    // 5xx errors are hidden by default; a 503 is the caller's business (retry later).
    this.expose = true;
    Object.assign(this, { error_description: problem.message });
  }
}

/**
 * Runs a storage call that writes: a database error becomes its mapped answer (a NUL
 * character in `state`, say, is the caller's `invalid_request`, not a 500); a bug passes.
 */
export async function unlessUnavailable<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw mapped(error);
  }
}

/**
 * Runs a storage call that reads (or removes) by a value the caller presented: a token, a
 * code, a user code, a uid. PostgreSQL refuses such a value only when it could never have
 * been stored (a NUL character), so nothing matches it: the call reads as absent, and
 * oidc-provider answers as for any unknown value (`invalid_token` at userinfo,
 * `invalid_grant` at the token endpoint, `active: false` at introspection, RFC 7009's 200 at
 * revocation), the same answer a guess gets.
 */
export async function unlessAbsent<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (databaseErrorKind(error) === 'invalid_input') return undefined;
    throw mapped(error);
  }
}

const mapped = (error: unknown): unknown => {
  const problem = databaseProblem(error, 'protocol');
  return problem ? new DatabaseProblem(problem, error) : error;
};

/**
 * Wraps the provider's routes (oidc-provider runs `provider.use` middleware around them) to
 * give its error answers the contract's shape: a JSON 404 where Koa would send text, a
 * Retry-After on 503, and on 500 no detail but the request id to quote.
 */
export const publicErrors: Middleware = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    // oidc-provider lets a few failures escape its own error handler; never answer them in Koa's text.
    if (isSessionlessFormPost(error)) {
      // A form (device code page) posted without the session it was issued in: the caller's mistake.
      answer(ctx, { status: 400, error: 'invalid_request', message: 'The form was posted without its session; open the page again and resubmit.' });
      return;
    }
    // oidc-provider saves the session after the route has answered, outside its error handler:
    // a database out of reach then is still the caller's 503 (with Retry-After), not a 500.
    const problem = databaseProblem(error, 'protocol');
    if (problem) {
      ctx.remove('Location');
      ctx.set(problem.headers ?? {});
      answer(ctx, problem);
      return;
    }
    ctx.app.emit('error', error, ctx);
    answer(ctx, SERVER_ERROR);
    return;
  }
  if (ctx.status === 404 && ctx.body === undefined) {
    ctx.set('Cache-Control', 'no-store');
    answer(ctx, NOT_FOUND);
  } else if (ctx.status === 503) {
    ctx.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
  } else if (ctx.status === 500 && (ctx.body as { error?: string } | undefined)?.error === 'server_error') {
    answer(ctx, SERVER_ERROR);
  }
};

function answer(ctx: Parameters<Middleware>[0], problem: Problem): void {
  ctx.status = problem.status;
  ctx.body = oauthErrorBody(problem, (ctx.req as { id?: string }).id);
}
