import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { JsonTooDeep, UnsupportedMediaType } from '../errors/app-error.js';

/**
 * Deepest nesting of objects and arrays an admin body may have; the top-level object is
 * level 1. The deepest real body (a tenant import: tenant, clients, metadata, JWKS, key,
 * certificate chain) nests about 7 levels. The bound exists because validation transforms the
 * body recursively (class-transformer): a body nested thousands deep would overflow the stack.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * JSON body parsing for the admin API only. Public issuer routes are left unparsed: their
 * bodies belong to oidc-provider, which parses them itself and answers with OAuth errors.
 */
export function adminBodyParsers(limitBytes: number): RequestHandler[] {
  return [requireJsonBody, express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'] }), limitJsonDepth];
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

/** A parsed body nested deeper than MAX_JSON_DEPTH is refused (400) before anything walks it recursively. */
function limitJsonDepth(req: Request, _res: Response, next: NextFunction): void {
  next(nestsDeeperThan(req.body, MAX_JSON_DEPTH) ? new JsonTooDeep(MAX_JSON_DEPTH) : undefined);
}

/** Whether `value` has more than `levels` levels of objects and arrays; recurses at most `levels + 1` deep. */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  for (const child of Object.values(value)) {
    if (nestsDeeperThan(child, levels - 1)) return true;
  }
  return false;
}
