import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as OTLP/JSON carries it, its attributes flattened to their values. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** Nanoseconds since the epoch, as a decimal string. */
  startTimeUnixNano: string;
  /** OTLP's SpanKind: 2 server, 3 client. */
  kind: number;
  scope: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

export interface OtlpReceiver {
  /** The base URL to give as OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  /** Every request body received, as sent: what a secret must not appear in. */
  bodies: string[];
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

type AnyValue = Record<string, unknown>;
type KeyValue = { key: string; value: AnyValue };

/** OTLP/JSON's AnyValue, unwrapped (`{"stringValue": "x"}` → "x"; 64-bit integers come as strings). */
function valueOf(value: AnyValue): unknown {
  if ('arrayValue' in value) return ((value.arrayValue as { values?: AnyValue[] }).values ?? []).map(valueOf);
  if ('intValue' in value) return Number(value.intValue);
  return Object.values(value)[0];
}

const flatten = (attributes: KeyValue[] = []) => Object.fromEntries(attributes.map(({ key, value }) => [key, valueOf(value)]));

/**
 * An OpenTelemetry collector's OTLP/HTTP trace receiver, reduced to what a test reads: it
 * accepts JSON exports on `/v1/traces` (what the http/json exporter sends) on loopback.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !req.headers['content-type']?.startsWith('application/json')) {
        res.writeHead(404).end();
        return;
      }
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    spans: () =>
      bodies.flatMap((body) =>
        (JSON.parse(body) as { resourceSpans: any[] }).resourceSpans.flatMap((resourceSpans) =>
          (resourceSpans.scopeSpans as any[]).flatMap((scopeSpans) =>
            (scopeSpans.spans as any[]).map((span): ReceivedSpan => ({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              name: span.name,
              startTimeUnixNano: String(span.startTimeUnixNano),
              kind: span.kind,
              scope: scopeSpans.scope.name,
              attributes: flatten(span.attributes),
              resource: flatten(resourceSpans.resource?.attributes),
            })),
          ),
        ),
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
