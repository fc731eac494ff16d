import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import { AdminAuthenticator } from './admin-keys/auth/admin-authenticator.js';
import { operatorKeyMiddleware } from './admin-keys/auth/operator-access.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { AppLogger } from './common/http/app-logger.js';
import { loggerOptions } from './common/http/logger-options.js';
import { guardPages } from './common/http/page-headers.js';
import { assignRequestId } from './common/http/request-id.js';
import { strictTransportSecurity } from './common/http/strict-transport-security.js';
import { IssuerGateway } from './oidc/issuer-gateway.js';
import { ReadinessCheck } from './health/readiness.js';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { buildOpenApiDocument, serveOpenApiDocument } from './openapi.js';

/**
 * Builds the whole application, ready to listen: used by `main.ts` and by the tests, so
 * the tests run exactly what production runs.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  // The JSON logger exists before Nest does, so start-up lines and start-up failures are JSON too.
  const logParams = loggerOptions(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new AppLogger(new PinoLogger(logParams), logParams),
    // Bodies are parsed per route family (see common/http/body-parsers.ts), never globally.
    bodyParser: false,
    // Throw instead of printing a stack and exiting: main.ts reports a failed start in one line.
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(assignRequestId);
  // Every answer Nest or Express gives; the issuer gateway sets it on its own (issuer-gateway.ts).
  const hsts = strictTransportSecurity(config.publicUrl);
  if (hsts) {
    app.use((_req: IncomingMessage, res: ServerResponse, next: () => void) => {
      res.setHeader('Strict-Transport-Security', hsts);
      next();
    });
  }
  routeIssuersFirst(app);
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names (none by default): `req.ip`
  // is then the same address the issuer gateway resolves (common/http/client-address.ts).
  app.set('trust proxy', config.trustProxy);
  serveDocumentation(app, config);
  return app;
}

/**
 * The first step of a graceful shutdown, while the listener stays open: `/readyz` answers 503, so
 * balancers that follow it stop sending requests here, and every answer from now on ends its
 * connection, so a kept-alive connection closes on our side right after a response, never while
 * a balancer may be sending its next request on it.
 */
export function stopServing(app: NestExpressApplication): void {
  app.get(ReadinessCheck).shutDown();
  app.getHttpServer().prependListener('request', (_req: IncomingMessage, res: ServerResponse) => res.setHeader('Connection', 'close'));
}

/**
 * Gives every HTML page its security headers (common/http/page-headers.ts), whoever renders it,
 * then puts the issuer gateway in front of Express on the HTTP server: issuer requests never pay
 * for Express's and Nest's layers; all others go on to Express unchanged.
 */
function routeIssuersFirst(app: NestExpressApplication): void {
  const server = app.getHttpServer();
  const gateway = app.get(IssuerGateway);
  const [express] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    guardPages(req, res);
    gateway.handle(req, res, () => express(req, res));
  });
}

/** `/docs` as DOCS_ACCESS says: for anyone, behind an admin key above tenants, or not at all (404). */
function serveDocumentation(app: NestExpressApplication, config: AppConfig): void {
  if (config.docsAccess === 'off') return;
  if (config.docsAccess === 'admin') {
    app.use('/docs', operatorKeyMiddleware(app.get(AdminAuthenticator), new AllExceptionsFilter(app.get(HttpAdapterHost))));
  }
  serveOpenApiDocument(app, buildOpenApiDocument(app));
}
