import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, randomIssuerId } from '../helpers/admin-api.js';
import { TEST_ADMIN_KEY, TEST_KEK } from '../helpers/app.js';
import { createDatabase, dropDatabase } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver.js';
import { spawnPortcullis, type PortcullisProcess } from '../helpers/process.js';
import { packageVersion } from '../../src/common/metrics/package-version.js';

const SERVER = 2;
const CLIENT = 3;

/**
 * Preloaded into the process (NODE_OPTIONS): reports on stderr the first OpenTelemetry module the
 * process resolves, through a module hook that sees `import` and `require` alike. The API package
 * does not count: prom-client always loads it (for exemplars), and without an SDK it does nothing.
 */
const REPORT_OPENTELEMETRY_LOADS = `import { registerHooks } from 'node:module';
let seen = false;
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    if (!seen && result.url.includes('/node_modules/@opentelemetry/') && !result.url.includes('/node_modules/@opentelemetry/api/')) {
      seen = true;
      process.stderr.write('opentelemetry loaded: ' + result.url + '\\n');
    }
    return result;
  },
});`;
const NODE_OPTIONS = `--import=data:text/javascript;base64,${Buffer.from(REPORT_OPENTELEMETRY_LOADS).toString('base64')}`;

/** A request the test sent, and the span name its trace must carry. */
interface Sent {
  name: string;
  path: string;
  /** Whether its trace must hold database statements (true), must not (false), or may (undefined). */
  database?: boolean;
}

/** The process as operators run it, with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a receiver on loopback. */
describe('OpenTelemetry traces', () => {
  let databaseUrl: string;
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    databaseUrl = await createDatabase('portcullis_traces');
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await dropDatabase(databaseUrl);
  });

  const start = (env: Record<string, string> = {}) =>
    spawnPortcullis({
      NODE_ENV: 'production',
      ALLOW_INSECURE_PUBLIC_URL: 'true',
      DATABASE_URL: databaseUrl,
      ADMIN_API_KEY: TEST_ADMIN_KEY,
      KEY_ENCRYPTION_KEY: TEST_KEK,
      NODE_OPTIONS,
      ...env,
    });

  it('one trace per request, named by its route pattern, with its database statements inside; no secret in any span', async () => {
    receiver.bodies.length = 0;
    const proc = start({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' });
    const sent: Sent[] = [];
    const secrets: Record<string, string> = { adminKey: TEST_ADMIN_KEY };
    let authorizeQuery = '';
    try {
      const url = await proc.listening;
      expect(await proc.waitForLine(/"msg":"tracing: /)).toContain(`OTLP/HTTP receiver at ${receiver.url}`);
      const api = adminApi(url);
      const issuerId = randomIssuerId();
      const admin = async (method: string, path: string, name: string, body?: unknown) => {
        const reply = await api.call(method, path, body);
        expect(reply.status).toBeLessThan(300);
        sent.push({ name, path, database: true });
        return reply.body;
      };
      await admin('POST', '/v1/tenants', 'POST /v1/tenants', { issuer_id: issuerId, display_name: 'Traced' });
      const redirectUri = 'https://rp.example.com/cb';
      const client = await admin('POST', `/v1/tenants/${issuerId}/clients`, 'POST /v1/tenants/:issuer_id/clients', {
        grant_types: ['client_credentials', 'authorization_code'],
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
      });
      secrets.clientSecret = client.client_secret;
      const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`;
      secrets.basicCredentials = basic.slice('Basic '.length);

      // Discovery, twice: the second answer is the cached document, written without a statement.
      for (const database of [undefined, false]) {
        const path = `/${issuerId}/.well-known/openid-configuration`;
        expect((await fetch(`${url}${path}`)).status).toBe(200);
        sent.push({ name: 'GET /:issuer_id/.well-known/openid-configuration', path, database });
      }

      const form = { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' };
      const token = await fetch(`${url}/${issuerId}/token`, { method: 'POST', headers: form, body: 'grant_type=client_credentials' });
      expect(token.status).toBe(200);
      secrets.accessToken = ((await token.json()) as { access_token: string }).access_token;
      sent.push({ name: 'POST /:issuer_id/token', path: `/${issuerId}/token`, database: true });

      const introspection = await fetch(`${url}/${issuerId}/introspect`, { method: 'POST', headers: form, body: `token=${secrets.accessToken}` });
      expect(await introspection.json()).toMatchObject({ active: true });
      sent.push({ name: 'POST /:issuer_id/introspect', path: `/${issuerId}/introspect`, database: true });

      secrets.state = `state-${randomIssuerId()}`;
      secrets.codeChallenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
      authorizeQuery = new URLSearchParams({
        client_id: client.client_id,
        response_type: 'code',
        scope: 'openid',
        redirect_uri: redirectUri,
        state: secrets.state,
        code_challenge: secrets.codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      const authorize = await fetch(`${url}/${issuerId}/authorize?${authorizeQuery}`, { redirect: 'manual' });
      expect(authorize.status).toBe(303);
      sent.push({ name: 'GET /:issuer_id/authorize', path: `/${issuerId}/authorize`, database: true });

      await admin('GET', `/v1/tenants/${issuerId}`, 'GET /v1/tenants/:issuer_id');

      // Probes are not traced.
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      // Exported within OTEL_BSP_SCHEDULE_DELAY of their end.
      await eventually(async () => {
        expect(receiver.spans().filter((span) => span.kind === SERVER)).toHaveLength(sent.length);
      });
    } finally {
      // A clean stop sends what is still waiting: after it, the receiver has every span.
      expect(await proc.stop()).toEqual({ code: 0, signal: null });
    }

    // The module report that the untraced start below must keep silent sees this one.
    expect(proc.stderr()).toMatch(/opentelemetry loaded: file:.*\/node_modules\/@opentelemetry\//);

    const spans = receiver.spans();
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const roots = spans.filter((span) => !span.parentSpanId);
    // One trace per request, no more: no statement outside a request started a trace of its own.
    expect(roots).toHaveLength(sent.length);
    expect(new Set(spans.map((span) => span.traceId))).toEqual(new Set(roots.map((root) => root.traceId)));
    for (const root of roots) {
      expect(root).toMatchObject({ kind: SERVER, scope: '@opentelemetry/instrumentation-http' });
      expect(root.resource).toMatchObject({ 'service.name': 'portcullis', 'service.version': packageVersion() });
    }

    // The requests went one after the other: their server spans, in start order, are the requests in the order sent.
    roots.sort((a, b) => (BigInt(a.startTimeUnixNano) < BigInt(b.startTimeUnixNano) ? -1 : 1));
    expect(roots.map((root) => `${root.name} ${String(root.attributes['url.path'])}`)).toEqual(sent.map((request) => `${request.name} ${request.path}`));
    roots.forEach((root, i) => {
      expect(root.attributes['http.route']).toBe(sent[i].name.slice(sent[i].name.indexOf(' ') + 1));
      const inTrace = spans.filter((span) => span.traceId === root.traceId && span !== root);
      // Every other span of the trace descends from its server span.
      for (const span of inTrace) {
        let ancestor: ReceivedSpan | undefined = span;
        while (ancestor?.parentSpanId) ancestor = byId.get(ancestor.parentSpanId);
        expect(ancestor, `${span.name} in ${root.name}`).toBe(root);
      }
      const statements = inTrace.filter((span) => span.name.startsWith('pg.query:'));
      for (const statement of statements) expect(statement).toMatchObject({ kind: CLIENT, scope: '@opentelemetry/instrumentation-pg' });
      if (sent[i].database !== undefined) expect(statements.length > 0, `statements in ${root.name}`).toBe(sent[i].database);
    });

    // The statements' text is recorded, with placeholders: the values bound to them are not.
    const statementTexts = spans.filter((span) => span.name.startsWith('pg.query:')).map((span) => span.attributes['db.query.text']);
    expect(statementTexts).toContainEqual(expect.stringMatching(/\$1/));
    expect(spans.some((span) => 'db.postgresql.values' in span.attributes)).toBe(false);

    // Nothing secret anywhere in what left the process: not in attributes, names, events or the resource.
    for (const body of receiver.bodies) {
      for (const [what, secret] of Object.entries(secrets)) expect(body.includes(secret), `${what} in an export`).toBe(false);
      expect(body).not.toMatch(/Bearer |Basic |cookie/i);
    }

    // The authorization request's query, with every value but protocol vocabulary redacted.
    const authorize = roots.find((root) => root.name === 'GET /:issuer_id/authorize')!;
    const recordedQuery = new URLSearchParams(authorize.attributes['url.query'] as string);
    expect(Object.fromEntries(recordedQuery)).toEqual({
      ...Object.fromEntries(new URLSearchParams(authorizeQuery)),
      redirect_uri: 'REDACTED',
      state: 'REDACTED',
      code_challenge: 'REDACTED',
    });
  });

  it('with OTEL_EXPORTER_OTLP_ENDPOINT unset, loads no OpenTelemetry module and sends nothing', async () => {
    receiver.bodies.length = 0;
    const proc: PortcullisProcess = start();
    try {
      const url = await proc.listening;
      const issuerId = randomIssuerId();
      expect((await adminApi(url).post('/v1/tenants', { issuer_id: issuerId, display_name: 'Untraced' })).status).toBe(201);
      expect((await fetch(`${url}/${issuerId}/.well-known/openid-configuration`)).status).toBe(200);
    } finally {
      expect(await proc.stop()).toEqual({ code: 0, signal: null });
    }
    expect(proc.stderr()).not.toContain('opentelemetry loaded');
    expect(proc.stdout.join('\n')).not.toContain('"msg":"tracing: ');
    expect(receiver.bodies).toEqual([]);
  });
});
