import { Logger } from '@nestjs/common';
import { context, diag, DiagLogLevel, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { TracingConfig } from '../../config/app-config.js';
import { packageVersion } from '../metrics/package-version.js';
import { isUntracedPath, nameByRoute, redactedQuery } from './request-attributes.js';

/** How long the last spans may take to leave at shutdown. */
const SHUTDOWN_FLUSH_MS = 3000;

export interface Tracing {
  /** Where spans go, for the start-up log line (the collector's origin). */
  destination: string;
  /** Sends the spans still waiting; called once the server has drained. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing: one server span per request, its PostgreSQL statements below it,
 * exported over OTLP/HTTP (JSON) in batches. main.ts imports this module only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set, and before any module of the application: the
 * instrumentations patch `http` (`Server.prototype.emit`) and `pg` (`pg/lib/client.js`,
 * `pg-pool`) from require-in-the-middle hooks as those CommonJS modules are first required,
 * which happens when app.js loads Express and the database driver. Both patch points are
 * CommonJS and shared by every importer, ESM or not, so no ESM loader hook is registered.
 */
export function startTracing(config: TracingConfig): Tracing {
  const logger = new Logger('Tracing');
  diag.setLogger(
    {
      error: (message) => logger.error(message),
      warn: (message) => logger.warn(message),
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    DiagLogLevel.WARN,
  );

  const provider = new TracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME (envDetector) over Portcullis's own.
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': config.serviceName, 'service.version': packageVersion() }))
      .merge(detectResources({ detectors: [envDetector] })),
    // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT), _HEADERS, _TIMEOUT and the certificate variables itself.
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter(), scheduledDelayMillis: config.scheduleDelayMs })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);

  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would bury the requests worth reading; their database checks go untraced with them.
        ignoreIncomingRequestHook: (request) => isUntracedPath(request.url),
        // Outgoing calls (client jwks_uri, provider checks through fetch) are not traced: only what Portcullis serves and its database.
        disableOutgoingRequestInstrumentation: true,
        // Replaces the instrumentation's `url.query`: query strings carry codes, state, PKCE challenges and hints.
        startIncomingSpanHook: (request) => redactedQuery(request.url),
        // Named by route pattern once the route is known, never by the concrete path.
        applyCustomAttributesOnSpan: (span, request) => nameByRoute(span, request),
        // Said explicitly: no header is recorded (Authorization, Cookie, Location all stay out).
        headersToSpanAttributes: { server: { requestHeaders: [], responseHeaders: [] } },
      }),
      new PgInstrumentation({
        // Statement text only ($1, $2 placeholders), never the values bound to it.
        enhancedDatabaseReporting: false,
        // Background work (payload sweeps, key rotation checks, migrations) is not a request: no trace of its own.
        requireParentSpan: true,
      }),
    ],
  });

  return {
    destination: new URL(config.endpoint).origin,
    // Waits for exports in flight too, but not for long: a collector out of reach would hold the exit for the exporter's retries.
    shutdown: async () => {
      const late = new Promise<string>((resolve) => setTimeout(resolve, SHUTDOWN_FLUSH_MS, `not all sent within ${SHUTDOWN_FLUSH_MS} ms`).unref());
      const sent = provider.shutdown().then(
        () => undefined,
        (error: unknown) => String(error),
      );
      const problem = await Promise.race([sent, late]);
      if (problem) logger.warn(`spans left at shutdown: ${problem}`);
    },
  };
}
