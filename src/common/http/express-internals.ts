import type { Application } from 'express';
import { METHODS } from 'node:http';

/**
 * Every place Portcullis relies on how Express works inside, rather than on its documented
 * API. Each function names the internal it relies on, the version it was checked against and
 * why no public API does the job; `express-internals.spec.ts` exercises each one on a bare
 * Express application, so an upgrade that changes one fails there, by name.
 *
 * Checked against Express 5.3.0 (router 2.3.0).
 */

interface RouterLayer {
  route?: { methods: Record<string, boolean>; _methods(): string[] };
  match(path: string): unknown;
}

/** A route of the application's own router whose path matches a request's. */
interface MatchingRoute {
  /** Methods it was registered for (`app.get`, `app.post`, …), as the router names them (upper-case in router 2). */
  methods: string[];
  /** Registered for every method (`app.all`, or one registration per method), as request middleware is. */
  everyMethod: boolean;
}

/**
 * The routes registered on `app`'s router whose path matches `path`, whatever their method.
 * Relies on: `app.router.stack` (the router's layers, in order), `layer.route` on a route's
 * layer, `layer.match(path)`, `route.methods` (`_all` for `app.all`) and `route._methods()`
 * (router/lib/layer.js, router/lib/route.js).
 * No public API: Express answers a method no route takes with a 404, and exposes no way to
 * ask which methods a path takes (the 405 and its Allow header need that).
 */
export function matchingRoutes(app: Application, path: string): MatchingRoute[] {
  const stack = (app.router as unknown as { stack: RouterLayer[] }).stack;
  const routes: MatchingRoute[] = [];
  for (const layer of stack) {
    if (!layer.route || !layer.match(path)) continue;
    const { route } = layer;
    routes.push({
      methods: route._methods().filter((method) => method !== '_all'),
      everyMethod: route.methods._all === true || Object.keys(route.methods).length >= METHODS.length,
    });
  }
  return routes;
}
