import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/load-config.js';
import type { AppConfig } from './config/app-config.js';

/** Shows development secrets generated on this start, once, where a person reads them. */
function announceGenerated(config: AppConfig, logger: Logger): void {
  const { adminApiKeyFile, generatedAdminApiKey, generatedKeyEncryptionKeyFile } = config.devSecrets;
  if (generatedAdminApiKey) {
    process.stderr.write(`\n  Generated an admin API key (kept in ${adminApiKeyFile}, shown only now):\n\n    ${generatedAdminApiKey}\n\n`);
  } else if (adminApiKeyFile) {
    logger.log(`admin API key: the one kept in ${adminApiKeyFile}`);
  }
  if (generatedKeyEncryptionKeyFile) {
    logger.warn(`generated a development key-encryption key in ${generatedKeyEncryptionKeyFile}; set KEY_ENCRYPTION_KEY in production`);
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = await loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`portcullis: invalid configuration: ${problem}\n`);
    process.exit(1);
  }

  // Tracing, when configured, before the application's modules: its instrumentations patch `http`
  // and `pg` as they are first required. Nothing above loads either (only configuration and
  // validation), and without OTEL_EXPORTER_OTLP_ENDPOINT none of its code is loaded at all.
  const tracing = config.tracing ? (await import('./common/tracing/tracing.js')).startTracing(config.tracing) : undefined;

  // Loaded only once the configuration is known good: a bad variable is reported in
  // milliseconds, without the application's modules (and their warnings) loading first.
  const { createApp, stopServing } = await import('./app.js');
  const app = await createApp(config);
  const logger = new Logger('Main');
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.log(`listening on http://${config.host}:${port}; issuers at ${config.publicUrl}/{issuer_id}; admin API docs at ${config.publicUrl}/docs`);
  if (tracing) logger.log(`tracing: every request's spans go to the OTLP/HTTP receiver at ${tracing.destination}`);
  announceGenerated(config, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Readiness first: balancers stop sending requests while the listener still takes what they send until they notice.
    stopServing(app);
    logger.log(`${signal}: not ready; serving ${config.shutdownDelayMs} ms more, then draining in-flight requests and closing the database`);
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
    // A stuck connection must not keep the pod from terminating.
    const deadline = setTimeout(() => {
      logger.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // close() waits for open connections; a keep-alive connection that finishes its
    // in-flight response turns idle afterwards, so keep closing idle ones while draining.
    const server = app.getHttpServer();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    await app.close();
    // The spans of the last requests, before the process ends.
    await tracing?.shutdown();
    logger.log('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`portcullis: failed to start: ${message}\n`);
  process.exit(1);
});
