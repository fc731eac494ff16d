import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger, PinoLogger } from 'nestjs-pino';
import { loggerOptions } from './common/http/logger-options.js';
import { assignRequestId } from './common/http/request-id.js';
import { IssuerGateway } from './oidc/issuer-gateway.js';
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
    logger: new Logger(new PinoLogger(logParams), logParams),
    // Bodies are parsed per route family (see common/http/body-parsers.ts), never globally.
    bodyParser: false,
    // Throw instead of printing a stack and exiting: main.ts reports a failed start in one line.
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(assignRequestId);
  // Issuer routes first: they bypass Nest's router and middleware entirely (see IssuerGateway).
  app.use(app.get(IssuerGateway).handle);
  // Behind a load balancer, the client address and protocol come from X-Forwarded-*.
  app.set('trust proxy', config.nodeEnv === 'production' ? 1 : 'loopback');
  serveOpenApiDocument(app, buildOpenApiDocument(app));
  return app;
}
