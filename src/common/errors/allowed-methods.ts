import type { Application, Request } from 'express';
import { matchingRoutes } from '../http/express-internals.js';

/**
 * The methods the application's routes accept for this request's path, upper-case, or an
 * empty list when no route matches it at all. It reads Express's own route table, so it
 * knows every route, including the ones registered outside Nest (Swagger UI).
 */
export function allowedMethods(app: Application, req: Request): string[] {
  const methods = new Set<string>();
  for (const route of matchingRoutes(app, req.path)) {
    // Middleware mounted for every method (request logging) shows up as such a route; it never makes a method wrong.
    if (route.everyMethod) continue;
    for (const method of route.methods) methods.add(method.toUpperCase());
  }
  return [...methods].sort();
}
