import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { JsonTooDeep, UnsupportedMediaType, ValidationFailed } from '../errors/app-error.js';

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
  return [requireJsonBody, express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'] }), limitJsonDepth, refuseUnstorableText];
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
function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  for (const child of Object.values(value)) {
    if (nestsDeeperThan(child, levels - 1)) return true;
  }
  return false;
}

/**
 * PostgreSQL text cannot hold a NUL character. A body or query value with one is refused here,
 * naming each field, before validation or any query; the database-error mapping stays behind it
 * for what this cannot see (path parameters), where no field can be named.
 */
function refuseUnstorableText(req: Request, _res: Response, next: NextFunction): void {
  const fields = [...fieldsWithNul(req.body, ''), ...fieldsWithNul(req.query, '')];
  next(fields.length ? new ValidationFailed(fields.map((field) => ({ field, message: 'contains a NUL character, which cannot be stored' }))) : undefined);
}

/** Paths (`a.b[0]`) of the strings in `value` holding a NUL, in a name or a value; `value` is at most MAX_JSON_DEPTH deep. */
function fieldsWithNul(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\0') ? [path || 'body'] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    return key.includes('\0') ? [path || 'body'] : fieldsWithNul(child, at);
  });
}
