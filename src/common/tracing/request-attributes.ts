import type { Attributes, Span } from '@opentelemetry/api';
import { IncomingMessage, type ClientRequest } from 'node:http';
import { routePatternOf } from '../http/route-pattern.js';

/**
 * Query parameters whose values are protocol vocabulary, never a secret nor a person's data: the
 * only values a span keeps. Everything else (code, state, nonce, code_challenge, login_hint,
 * id_token_hint, request, user_code, redirect_uri, …) becomes `REDACTED`, a parameter added
 * tomorrow included.
 */
const PLAIN_PARAMETERS = new Set(['client_id', 'response_type', 'response_mode', 'scope', 'prompt', 'code_challenge_method']);

/** The instrumentation's own marker for a redacted value. */
const REDACTED = 'REDACTED';

/** Probes and scrapes: every few seconds per replica, with nothing to learn from a trace. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export function isUntracedPath(url: string | undefined): boolean {
  const queryAt = url?.indexOf('?') ?? -1;
  return UNTRACED_PATHS.has(queryAt < 0 ? (url ?? '') : url!.slice(0, queryAt));
}

/**
 * `url.query` with every value redacted but those of `PLAIN_PARAMETERS`, or nothing when the URL
 * has no query; given to the HTTP instrumentation's `startIncomingSpanHook`, whose attributes
 * replace its own (which redacts only a short list of cloud-storage signature parameters).
 */
export function redactedQuery(url: string | undefined): Attributes {
  const queryAt = url?.indexOf('?') ?? -1;
  if (queryAt < 0 || queryAt === url!.length - 1) return {};
  const kept = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(url!.slice(queryAt + 1))) kept.append(name, PLAIN_PARAMETERS.has(name) ? value : REDACTED);
  return { 'url.query': kept.toString() };
}

/**
 * Names a server span `METHOD /route/pattern` and sets `http.route`, once the response is out and
 * the route known (the issuer gateway's, or Nest's): `POST /:issuer_id/token`, never a concrete
 * path. A request no route matched keeps the instrumentation's name, its method alone.
 */
export function nameByRoute(span: Span, request: ClientRequest | IncomingMessage): void {
  if (!(request instanceof IncomingMessage)) return;
  const route = routePatternOf(request);
  if (!route) return;
  span.setAttribute('http.route', route);
  span.updateName(`${request.method ?? 'GET'} ${route}`);
}
