import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { UnsupportedMediaType } from '../errors/app-error.js';

/**
 * JSON body parsing for the admin API only. Public issuer routes are left unparsed: their
 * bodies belong to oidc-provider, which parses them itself and answers with OAuth errors.
 */
export function adminBodyParsers(limitBytes: number): RequestHandler[] {
  return [requireJsonBody, express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'] })];
}

/** A body that is not JSON is refused with 415 rather than silently read as empty. */
function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    next(new UnsupportedMediaType());
    return;
  }
  next();
}
