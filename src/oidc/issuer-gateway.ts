import { Inject, Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { databaseProblem } from '../common/errors/database-problem.js';
import { oauthErrorBody, SERVER_ERROR, type Problem } from '../common/errors/error-body.js';
import { strictTransportSecurity } from '../common/http/strict-transport-security.js';
import { accessLine, accessLogger } from '../common/http/access-log.js';
import { requestId, requestIdOf } from '../common/http/request-id.js';
import { setRoutePattern } from '../common/http/route-pattern.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { loggableError } from '../database/database-errors.js';
import { Metrics } from '../common/metrics/metrics.js';
import { serveDocument } from './document-cache.js';
import { mountRequest } from './oidc-provider-internals.js';
import { ProviderRegistry, type LiveIssuer } from './provider-registry.js';
import { PublicRateLimits } from './public-rate-limits.js';
import { publicRoute } from './public-routes.js';

/** RFC 8414 §3.1 path-insertion forms: `/.well-known/{document}/{issuer_id}`. */
const PATH_INSERTION = /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/([^/]+)\/?$/;
const JWKS = '/jwks.json';
/**
 * A NUL character, percent-encoded, in a query string. No protocol parameter can carry one and
 * PostgreSQL cannot store one: refused at the edge, before any lookup (the adapter's error
 * mapping stays the net for form bodies, which the provider parses itself).
 */
const NUL_IN_QUERY = /%00/;
/** Metadata documents: their own rate-limit budget, and cached once rendered. */
const DOCUMENTS = new Set(['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server', JWKS]);

type Request = IncomingMessage & { id?: unknown; baseUrl?: string };

/**
 * The public side. Requests for `/{issuer_id}/…` (and the path-insertion metadata URLs) of an
 * enabled issuer go from the HTTP server straight to that issuer's oidc-provider, which
 * parses, validates and answers them all itself; Express and Nest never see them, because
 * these are the hot routes and every layer costs. Everything else (admin API, probes, 404s)
 * passes on to Nest.
 *
 * The provider sees the path below the issuer (`req.url`) mounted at `/{issuer_id}`
 * (`req.baseUrl`), with host and protocol pinned to PUBLIC_URL, so endpoint URLs never
 * follow a caller's Host header.
 */
@Injectable()
export class IssuerGateway {
  private readonly forwardedHost: string;
  private readonly forwardedProto: string;
  private readonly discoveryCacheControl: string;
  private readonly jwksCacheControl: string;
  /** `Strict-Transport-Security` when PUBLIC_URL is https, as a flat header list for `writeHead`; else empty. */
  private readonly hsts: string[];
  /** The access logger, made from the root logger once it exists (and again should it be replaced). */
  private accessRoot?: Logger;
  private access?: Logger;

  constructor(
    private readonly registry: ProviderRegistry,
    private readonly metrics: Metrics,
    private readonly limits: PublicRateLimits,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const publicUrl = new URL(config.publicUrl);
    this.forwardedHost = publicUrl.host;
    this.forwardedProto = publicUrl.protocol.slice(0, -1);
    this.discoveryCacheControl = `public, max-age=${config.discoveryCacheSeconds}`;
    this.jwksCacheControl = `public, max-age=${config.jwksCacheSeconds}`;
    const hsts = strictTransportSecurity(config.publicUrl);
    this.hsts = hsts ? ['Strict-Transport-Security', hsts] : [];
  }

  /** Serves the request if it belongs to an enabled issuer; otherwise calls `next`. */
  readonly handle = (req: Request, res: ServerResponse, next: () => void): void => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const target = route(queryAt < 0 ? url : url.slice(0, queryAt));
    if (!target) return next();
    const query = queryAt < 0 ? '' : url.slice(queryAt);
    const warm = this.registry.peek(target.issuerId);
    if (warm) return this.serve(warm, target, query, req, res);
    this.registry
      .get(target.issuerId)
      .then((issuer) => (issuer ? this.serve(issuer, target, query, req, res) : next()))
      .catch((error: unknown) => this.fail(req, res, error, target));
  };

  /**
   * The rate limit first, when one applies, then the request. Without a limit the whole
   * path is synchronous: a cached document is answered in the same tick it arrived.
   */
  private serve(issuer: LiveIssuer, target: Target, query: string, req: Request, res: ServerResponse): void {
    const started = performance.now();
    setRoutePattern(req, publicRoute(target.path).label);
    const family = DOCUMENTS.has(target.path) ? 'metadata' : publicRoute(target.path).registration ? 'registration' : 'protocol';
    if (!this.limits.applies(family)) return this.attempt(() => this.dispatch(issuer, target, query, req, res, started), req, res, target);
    this.limits
      .retryAfter(family, issuer, req)
      .then((seconds) => {
        if (seconds === 0) return this.dispatch(issuer, target, query, req, res, started);
        this.observe(req, res, publicRoute(target.path).label, started);
        this.answer(
          res,
          { status: 429, error: 'too_many_requests', message: 'Too many requests; slow down.', headers: { 'Retry-After': String(seconds) } },
          requestId(req, res),
        );
      })
      .catch((error: unknown) => this.fail(req, res, error, target));
  }

  private dispatch(issuer: LiveIssuer, target: Target, query: string, req: Request, res: ServerResponse, started: number): void {
    const { methods, label, registration } = publicRoute(target.path);
    const isGet = req.method === 'GET' || req.method === 'HEAD';
    const cached = isGet ? issuer.documents.get(target.path) : undefined;
    if (cached) {
      // Written in one go: the request is complete as soon as `end` returns.
      serveDocument(req, res, cached, requestIdOf(req), this.hsts);
      return this.completed(req, res, label, started, req.url);
    }

    requestId(req, res);
    if (this.hsts.length) res.setHeader(this.hsts[0], this.hsts[1]);
    this.observe(req, res, label, started);
    // A registration route of an issuer that offers none does not exist: oidc-provider's 404, not a 405.
    const exists = !registration || issuer.tenant.registration !== 'off';
    if (methods && exists && !methods.includes(req.method!) && req.method !== 'OPTIONS') {
      return this.answer(res, {
        status: 405,
        error: 'method_not_allowed',
        message: `${req.method} is not allowed on this endpoint.`,
        headers: { Allow: methods.join(', ') },
      });
    }
    if (NUL_IN_QUERY.test(query)) {
      return this.answer(res, { status: 400, error: 'invalid_request', message: 'A request parameter contains a NUL character.' });
    }
    if (isGet && DOCUMENTS.has(target.path)) {
      issuer.documents.capture(target.path, res);
      res.setHeader('Cache-Control', target.path === JWKS ? this.jwksCacheControl : this.discoveryCacheControl);
    }

    req.url = target.path + query;
    mountRequest(req, `/${target.issuerId}`);
    this.pin(req);
    void issuer.handle(req, res);
  }

  /** Runs `step`, turning a synchronous throw into the same 500 an asynchronous one gets. */
  private attempt(step: () => void, req: Request, res: ServerResponse, target: Target): void {
    try {
      step();
    } catch (error) {
      this.fail(req, res, error, target);
    }
  }

  /** Host and protocol as PUBLIC_URL says, whatever the caller sent: oidc-provider builds URLs and cookie flags from them. */
  pin(req: IncomingMessage): void {
    req.headers['x-forwarded-host'] = this.forwardedHost;
    req.headers['x-forwarded-proto'] = this.forwardedProto;
  }

  /** The registry could not answer: a database failure gets its mapped answer (503 while it is out of reach), a bug 500. */
  private fail(req: Request, res: ServerResponse, error: unknown, target: Target): void {
    const id = requestId(req, res);
    const { label } = publicRoute(target.path);
    setRoutePattern(req, label);
    // Counted and logged like every answer: operators alert on the 5xx rate.
    this.observe(req, res, label, performance.now());
    const problem = databaseProblem(error, 'protocol');
    if (problem) {
      if (problem.status >= 500) PinoLogger.root?.warn({ req_id: id, err: String(error) }, 'transient database failure');
      return this.answer(res, problem, id);
    }
    PinoLogger.root?.error({ req_id: id, err: loggableError(error) }, 'unexpected error');
    this.answer(res, SERVER_ERROR, id);
  }

  private answer(res: ServerResponse, problem: Problem, id?: string): void {
    const body = JSON.stringify(oauthErrorBody(problem, id));
    res.writeHead(problem.status, {
      ...problem.headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(body),
      ...(this.hsts.length ? { [this.hsts[0]]: this.hsts[1] } : {}),
    });
    res.end(body);
  }

  /** Request log line and metrics once the response is out, which Nest's middleware would otherwise do. */
  private observe(req: Request, res: ServerResponse, routeLabel: string, started: number): void {
    if (observed.has(res)) return;
    observed.add(res);
    const originalUrl = req.url;
    res.once('finish', () => this.completed(req, res, routeLabel, started, originalUrl));
  }

  private completed(req: Request, res: ServerResponse, routeLabel: string, started: number, url: string | undefined): void {
    this.metrics.record(req.method!, routeLabel, res.statusCode, (performance.now() - started) / 1000);
    const level = res.statusCode >= 500 ? 'error' : 'info';
    const root = PinoLogger.root;
    if (!root?.isLevelEnabled(level)) return;
    if (this.accessRoot !== root) [this.accessRoot, this.access] = [root, accessLogger(root)];
    this.access![level](accessLine(req, url, res.statusCode, Math.round(performance.now() - started)), 'request completed');
  }
}

/** Responses whose completion is already observed: a failure after `dispatch` began is counted once. */
const observed = new WeakSet<ServerResponse>();

interface Target {
  issuerId: string;
  /** Below the issuer, without the query. */
  path: string;
}

/** Issuer and path below it, or undefined for a path that cannot be an issuer route. */
function route(path: string): Target | undefined {
  const insertion = path.startsWith('/.well-known/') ? PATH_INSERTION.exec(path) : null;
  if (insertion) return { issuerId: insertion[2], path: `/.well-known/${insertion[1]}` };
  const slash = path.indexOf('/', 1);
  const issuerId = slash < 0 ? path.slice(1) : path.slice(1, slash);
  if (!issuerId || issuerId.startsWith('.')) return undefined;
  const rest = slash < 0 ? '/' : path.slice(slash);
  // Sign-in and consent pages, and the upstream sign-in's callback, are Nest routes (interactions/).
  if (rest.startsWith('/interaction/') || rest.startsWith('/federation/')) return undefined;
  // The JWKS is published at both contract URLs; oidc-provider serves one.
  return { issuerId, path: rest === '/.well-known/jwks.json' ? JWKS : rest };
}
