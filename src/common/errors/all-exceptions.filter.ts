import { Catch, HttpException, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { loggableError } from '../../database/database-errors.js';
import { allowedMethods } from './allowed-methods.js';
import { AppError, InvalidJson, PayloadTooLarge } from './app-error.js';
import { databaseProblem } from './database-problem.js';
import { adminErrorBody, isAdminPath, NOT_FOUND, oauthErrorBody, SERVER_ERROR, type Problem } from './error-body.js';
import { textOf } from '../validation/text.js';

/** An AppError as answered: its message only when it is the caller's to see. */
const problemOf = (error: AppError): Problem => ({
  ...error,
  status: error.status,
  error: error.error,
  message: error.expose ? error.message : SERVER_ERROR.message,
});

const snakeCase = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/**
 * The one place where a thrown error becomes an HTTP answer. Routing errors (no such route,
 * wrong method) answer OAuthError everywhere; other errors answer the admin shape under
 * `/v1` and OAuthError elsewhere. Unexpected errors are logged with their stack and answered
 * with a generic 500 carrying only the request id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const requestId = textOf(req.id);

    const { problem, routing } = this.toProblem(exception, req);
    if (problem.status === 500) {
      this.logger.error({ err: loggableError(exception), req_id: requestId }, 'unexpected error');
    } else if (problem.status === 503) {
      this.logger.warn({ err: String(exception), req_id: requestId }, 'transient database failure');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    const body = !routing && isAdminPath(req.path) ? adminErrorBody(problem, requestId) : oauthErrorBody(problem, requestId);
    res
      .status(problem.status)
      .set(problem.headers ?? {})
      .set('Cache-Control', 'no-store')
      .json(body);
  }

  private toProblem(exception: unknown, req: Request): { problem: Problem; routing?: boolean } {
    if (exception instanceof AppError) return { problem: problemOf(exception) };
    // Nest raises NotFoundException when no route matched; the issuer routes raise it for an
    // unknown issuer. Either way: 405 if other methods are routed here, else 404.
    if (exception instanceof NotFoundException) {
      const app = this.adapterHost.httpAdapter.getInstance<Application>();
      const allow = allowedMethods(app, req);
      const problem: Problem =
        allow.length && !allow.includes(req.method)
          ? {
              status: 405,
              error: 'method_not_allowed',
              message: `${req.method} is not allowed on this route; allowed: ${allow.join(', ')}.`,
              headers: { Allow: allow.join(', ') },
            }
          : NOT_FOUND;
      return { problem, routing: true };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { problem: this.fromHttpException(exception) };
    }
    const problem = databaseProblem(exception, 'admin');
    if (problem) return { problem };
    return { problem: SERVER_ERROR };
  }

  /** Errors Nest or Express raise before a handler runs: body parsing, size limits. */
  private fromHttpException(exception: HttpException): Problem {
    const status = exception.getStatus();
    const cause = exception.cause as { type?: string; limit?: number } | undefined;
    if (cause?.type === 'entity.parse.failed') return problemOf(new InvalidJson());
    if (status === 413) return problemOf(new PayloadTooLarge(cause?.limit));
    return { status, error: snakeCase(STATUS_CODES[status] ?? 'bad_request'), message: exception.message };
  }
}
