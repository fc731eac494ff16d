import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { KeyLimitedToTenant } from '../../common/errors/app-error.js';
import { AdminAuthenticator } from './admin-authenticator.js';

/**
 * Operator endpoints (`/metrics`, `/docs`) under METRICS_ACCESS / DOCS_ACCESS `admin`: an admin
 * key above tenants, as on `/v1` (wrong keys counted and audited the same way). A key limited to
 * one tenant is refused (403): what these show spans every tenant.
 */
export async function requireOperatorKey(req: Request, authenticator: AdminAuthenticator): Promise<void> {
  const principal = await authenticator.authenticate(req);
  if (principal.issuerId !== null) throw new KeyLimitedToTenant(principal.issuerId);
}

/**
 * The same check as Express middleware, for routes Nest does not own (Swagger UI is mounted on
 * Express directly). A refusal is answered by the application's one error filter.
 */
export function operatorKeyMiddleware(authenticator: AdminAuthenticator, errors: ExceptionFilter) {
  return (req: Request, res: Response, next: NextFunction): void => {
    requireOperatorKey(req, authenticator).then(
      () => next(),
      (error: unknown) =>
        void errors.catch(error, { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res, getNext: () => next }) } as ArgumentsHost),
    );
  };
}
