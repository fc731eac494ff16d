import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { requestId } from './request-id.js';

/**
 * Query parameters that carry credentials, grants or personal data (`login_hint` is usually the
 * user's email address or username; a `request` object can carry a login_hint of its own, and a
 * `request_uri` stands for a pushed request); their values never reach a log line.
 */
const SECRET_PARAMS = [
  'access_token',
  'assertion',
  'client_assertion',
  'client_secret',
  'code',
  'code_verifier',
  'device_code',
  'id_token',
  'id_token_hint',
  'login_hint',
  'password',
  'refresh_token',
  'request',
  'request_uri',
  'token',
  'user_code',
];

export function redactUrl(url: string | undefined): string | undefined {
  if (!url || !url.includes('?')) return url;
  const [path, query] = url.split('?', 2);
  const params = new URLSearchParams(query);
  for (const name of SECRET_PARAMS) if (params.has(name)) params.set(name, '[Redacted]');
  return `${path}?${params.toString()}`;
}

/** Probes would drown everything else at one line each per second per pod. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** How often buffered log lines are written out at the latest. */
export const LOG_FLUSH_MS = 100;

/**
 * Standard output, written in chunks of at least 4 KiB (or every LOG_FLUSH_MS) rather than a
 * write per line: a synchronous write per request cost more CPU than serving a discovery
 * document. pino writes what is buffered when the process exits, fatal errors included; only a
 * process killed outright (SIGKILL, OOM) loses its last LOG_FLUSH_MS of lines.
 */
function bufferedStdout(): pino.DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  // Without a callback: with one, sonic-boom also fsyncs, which a log on a pipe does not need.
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // Ended (at exit): nothing left to write.
    }
  }, LOG_FLUSH_MS).unref();
  return destination;
}

/** JSON logs through pino: one line per request and every application line tagged with the request id. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: requestId,
        autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
        customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
        serializers: {
          req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
            id: req.id,
            method: req.method,
            url: redactUrl(req.url),
            remoteAddress: req.remoteAddress,
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        // Defence in depth: anything logged with these keys is masked, wherever it comes from.
        redact: {
          paths: [
            'req.headers.authorization',
            'req.headers.cookie',
            'res.headers["set-cookie"]',
            '*.password',
            '*.client_secret',
            '*.secret',
            '*.adminApiKey',
            '*.keyEncryptionKeys',
          ],
          censor: '[Redacted]',
        },
        // Every line logged while serving a request carries `req_id`, not the whole request.
        quietReqLogger: true,
        customAttributeKeys: { reqId: 'req_id' },
      },
      bufferedStdout(),
    ],
  };
}
