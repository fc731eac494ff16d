import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import { oauthErrorBody } from '../common/errors/error-body.js';
import { redactUrl } from '../common/http/logger-options.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Metrics } from '../health/metrics.js';
import { serveDocument } from './document-cache.js';
import { ProviderRegistry } from './provider-registry.js';
import { publicRouteLabel, publicRouteMethods } from './public-routes.js';

/** RFC 8414 §3.1 path-insertion forms: `/.well-known/{document}/{issuer_id}`. */
const PATH_INSERTION = /^\/\.well-known\/(oauth-authorization-server|openid-configuration)\/([^/]+)\/?$/;
const DOCUMENTS = new Set(['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server']);
const JWKS = '/jwks.json';

/**
 * The public side: `/{issuer_id}/…` (and the path-insertion metadata URLs) go straight to
 * that issuer's oidc-provider, ahead of Nest's router and middleware, because these are the
 * hot routes and oidc-provider parses, validates and answers them all itself. What is not an
 * enabled issuer passes on to Nest (admin API, probes, 404).
 *
 * The provider sees the path below the issuer (`req.url`) mounted at `/{issuer_id}`
 * (`req.baseUrl`), with host and protocol pinned to PUBLIC_URL, so endpoint URLs never
 * follow a caller's Host header.
 */
@Injectable()
export class IssuerGateway {
  private readonly forwardedHost: string;
  private readonly forwardedProto: string;

  constructor(
    private readonly registry: ProviderRegistry,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const publicUrl = new URL(config.publicUrl);
    this.forwardedHost = publicUrl.host;
    this.forwardedProto = publicUrl.protocol.slice(0, -1);
  }

  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    const target = this.route(req.path);
    if (!target) return next();
    this.registry.get(target.issuerId).then((issuer) => {
      if (!issuer) return next();
      this.observe(req, res, publicRouteLabel(target.path));

      const methods = publicRouteMethods(target.path);
      if (methods && !methods.includes(req.method) && req.method !== 'OPTIONS') {
        res.status(405).set({ Allow: methods.join(', '), 'Cache-Control': 'no-store' });
        res.json(oauthErrorBody({ status: 405, error: 'method_not_allowed', message: `${req.method} is not allowed on this endpoint.` }));
        return;
      }

      const cacheable = (req.method === 'GET' || req.method === 'HEAD') && (DOCUMENTS.has(target.path) || target.path === JWKS);
      if (cacheable) {
        const maxAge = target.path === JWKS ? this.config.jwksCacheSeconds : this.config.discoveryCacheSeconds;
        const cached = issuer.documents.get(target.path);
        if (cached) return serveDocument(req, res, cached, maxAge);
        issuer.documents.capture(target.path, res);
        res.setHeader('Cache-Control', `public, max-age=${maxAge}`);
      }

      const query = req.originalUrl.indexOf('?');
      req.url = target.path + (query >= 0 ? req.originalUrl.slice(query) : '');
      (req as { baseUrl: string }).baseUrl = `/${target.issuerId}`;
      req.headers['x-forwarded-host'] = this.forwardedHost;
      req.headers['x-forwarded-proto'] = this.forwardedProto;
      return issuer.handle(req, res);
    }, next);
  };

  /** Issuer and path below it, or undefined for a path that cannot be an issuer route. */
  private route(path: string): { issuerId: string; path: string } | undefined {
    const insertion = PATH_INSERTION.exec(path);
    if (insertion) return { issuerId: insertion[2], path: `/.well-known/${insertion[1]}` };
    const slash = path.indexOf('/', 1);
    const issuerId = slash < 0 ? path.slice(1) : path.slice(1, slash);
    if (!issuerId || issuerId.startsWith('.')) return undefined;
    const rest = slash < 0 ? '/' : path.slice(slash);
    // The JWKS is published at both contract URLs; oidc-provider serves one.
    return { issuerId, path: rest === '/.well-known/jwks.json' ? JWKS : rest };
  }

  /** Request log line and metrics for a request Nest's middleware never sees. */
  private observe(req: Request, res: Response, route: string): void {
    const stop = this.metrics.duration.startTimer();
    const started = performance.now();
    res.once('finish', () => {
      const labels = { method: req.method, route, status: String(res.statusCode) };
      stop(labels);
      this.metrics.requests.inc(labels);
      const logger = PinoLogger.root;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      if (logger?.isLevelEnabled(level)) {
        logger[level](
          { req_id: req.id, req: { method: req.method, url: redactedPath(req), remoteAddress: req.socket.remoteAddress }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started) },
          'request completed',
        );
      }
    });
  }
}

/** The original path and query, with credential-bearing parameters masked. */
const redactedPath = (req: Request): string => redactUrl(req.originalUrl) ?? req.originalUrl;
