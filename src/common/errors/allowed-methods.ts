import type { Application, Request } from 'express';
import { METHODS } from 'node:http';

interface RouterLayer {
  route?: { methods: Record<string, boolean>; _methods(): string[] };
  match(path: string): unknown;
}

/**
 * The methods the application's routes accept for this request's path, upper-case, or an
 * empty list when no route matches it at all. It reads Express's own route table, so it
 * knows every route, including the ones registered outside Nest (Swagger UI).
 */
export function allowedMethods(app: Application, req: Request): string[] {
  const stack = (app.router as unknown as { stack: RouterLayer[] }).stack;
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || acceptsEveryMethod(layer.route) || !layer.match(req.path)) continue;
    for (const method of layer.route._methods()) {
      if (method !== '_all') methods.add(method.toUpperCase());
    }
  }
  return [...methods].sort();
}

/** Middleware mounted for every method (request logging) shows up as such a route; it never makes a method wrong. */
function acceptsEveryMethod(route: { methods: Record<string, boolean> }): boolean {
  return route.methods._all === true || Object.keys(route.methods).length >= METHODS.length;
}
