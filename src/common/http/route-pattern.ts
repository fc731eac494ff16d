import type { IncomingMessage } from 'node:http';

/** Set by the issuer gateway, whose routes Express never matches. */
const ROUTE_PATTERN = Symbol('route pattern');

type Routed = IncomingMessage & { [ROUTE_PATTERN]?: string; route?: { path?: unknown } };

/** Records the route pattern (`/:issuer_id/token`) a request matched outside Express. */
export function setRoutePattern(req: IncomingMessage, pattern: string): void {
  (req as Routed)[ROUTE_PATTERN] = pattern;
}

/**
 * The route pattern a request matched, never its concrete path: the gateway's, or the one of
 * the Express route (Nest's) that handled it; undefined when no route matched (a 404).
 */
export function routePatternOf(req: IncomingMessage): string | undefined {
  const routed = req as Routed;
  if (routed[ROUTE_PATTERN]) return routed[ROUTE_PATTERN];
  const path = routed.route?.path;
  return typeof path === 'string' ? path : undefined;
}
