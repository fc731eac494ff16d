import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CheckNetwork } from '../../src/provider-check/check-network.js';
import { adminApi, adminError, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { fakeServer, openIdConfiguration, rsaKeys, sendJson, type FakeServer, type Handler } from '../helpers/fake-issuer.js';

/** Seed 002's 200 example, whose members every answer must have, no more and no fewer. */
const seedExample = {
  discovery: {
    issuer: 'https://acme.auth0.com/',
    jwks_uri: 'https://acme.auth0.com/.well-known/jwks.json',
    authorization_endpoint: 'https://acme.auth0.com/authorize',
    token_endpoint: 'https://acme.auth0.com/oauth/token',
    supported_algs: ['RS256'],
  },
  jwks_reachability: 'reachable',
  findings: [],
  status: 'ok',
};

const finding = (code: string, severity = 'error') => ({ code, severity, message: expect.any(String) });
const codes = (body: { findings: { code: string }[] }) => body.findings.map((f) => f.code);

describe('POST /v1/providers/discover', () => {
  let open: RunningApp; // private addresses allowed: the fake issuers live on loopback
  let strict: RunningApp; // the production policy
  const servers: FakeServer[] = [];
  const keys = rsaKeys();

  /** A fake issuer at `${url}/` serving a correct document and JWKS, with `override` taking the paths it names. */
  async function issuer(override: Record<string, Handler> = {}, documentOf: (iss: string) => object = openIdConfiguration) {
    const server = await fakeServer((req, res, self) => {
      const path = req.url ?? '/';
      if (override[path]) return override[path](req, res, self);
      if (path === '/.well-known/openid-configuration') return sendJson(res, documentOf(`${self.url}/`));
      if (path === '/.well-known/jwks.json') return sendJson(res, { keys: [keys.public] });
      sendJson(res, { error: 'not_found' }, 404);
    });
    servers.push(server);
    return server;
  }

  const discover = (app: RunningApp, issuerUrl: unknown, key?: string | null) => adminApi(app.url, key).post('/v1/providers/discover', { issuer: issuerUrl });

  beforeAll(async () => {
    open = await startApp({ PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true', PROVIDER_DISCOVERY_TIMEOUT_MS: '1000', PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: '0' });
    strict = await startApp({ PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: '0' });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await open?.close();
    await strict?.close();
  });

  it('judges a correct issuer ok, with exactly the members of seed 002', async () => {
    const server = await issuer();
    const reply = await discover(open, `${server.url}/`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      discovery: {
        issuer: `${server.url}/`,
        jwks_uri: `${server.url}/.well-known/jwks.json`,
        authorization_endpoint: `${server.url}/authorize`,
        token_endpoint: `${server.url}/oauth/token`,
        supported_algs: ['RS256'],
      },
      jwks_reachability: 'reachable',
      findings: [],
      status: 'ok',
    });
    expect(Object.keys(reply.body).sort()).toEqual(Object.keys(seedExample).sort());
    expect(Object.keys(reply.body.discovery).sort()).toEqual(Object.keys(seedExample.discovery).sort());
    // Reachability came from a HEAD request, as seed 002 says; the keys from a GET.
    expect(server.requests).toEqual(['GET /.well-known/openid-configuration', 'HEAD /.well-known/jwks.json', 'GET /.well-known/jwks.json']);
  });

  it('fails an issuer whose document names another issuer', async () => {
    const server = await issuer({}, () => openIdConfiguration('https://other.example.com/'));
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body.status).toBe('failed');
    expect(reply.body.discovery.issuer).toBe('https://other.example.com/');
    expect(reply.body.findings).toContainEqual(finding('ISSUER_MISMATCH'));
  });

  it('reports each missing required member as INVALID_METADATA', async () => {
    const server = await issuer({}, (iss) => {
      const { token_endpoint: _t, subject_types_supported: _s, ...rest } = openIdConfiguration(iss);
      return rest;
    });
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body).toEqual({
      discovery: expect.objectContaining({ token_endpoint: null, jwks_uri: `${server.url}/.well-known/jwks.json` }),
      jwks_reachability: 'reachable',
      findings: [
        { code: 'INVALID_METADATA', severity: 'error', message: 'The required member token_endpoint is missing.' },
        { code: 'INVALID_METADATA', severity: 'error', message: 'The required member subject_types_supported is missing.' },
      ],
      status: 'partial',
    });
  });

  it('reports a JWKS answering 404 as unreachable (partial)', async () => {
    const server = await issuer({ '/.well-known/jwks.json': (_req, res) => sendJson(res, { error: 'not_found' }, 404) });
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body).toMatchObject({ jwks_reachability: 'unreachable', status: 'partial' });
    expect(reply.body.discovery).not.toBeNull();
    expect(codes(reply.body)).toEqual(['JWKS_UNREACHABLE', 'HTTP_ERROR']);
  });

  it('reports a JWKS that never answers as timeout (partial)', async () => {
    const server = await issuer({ '/.well-known/jwks.json': () => undefined });
    const started = Date.now();
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body).toMatchObject({ jwks_reachability: 'timeout', status: 'partial' });
    expect(codes(reply.body)).toEqual(['JWKS_UNREACHABLE', 'TIMEOUT']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('flags a JWKS key that publishes private members', async () => {
    const server = await issuer({ '/.well-known/jwks.json': (_req, res) => sendJson(res, { keys: [keys.private] }) });
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body).toMatchObject({ jwks_reachability: 'reachable', status: 'partial' });
    expect(reply.body.findings).toEqual([finding('JWK_PRIVATE_MEMBER'), finding('JWKS_NO_SIGNING_KEYS')]);
    expect(reply.body.findings[0].message).toMatch(/\bd\b.*\bp\b/);
  });

  it('flags an RSA key under 2048 bits and an advertised algorithm without a key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const weak = { ...generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' }), kid: 'weak' };
    const server = await issuer({ '/.well-known/jwks.json': (_req, res) => sendJson(res, { keys: [weak, keys.public] }) }, (iss) => ({
      ...openIdConfiguration(iss),
      id_token_signing_alg_values_supported: ['RS256', 'ES256'],
    }));
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body.findings).toEqual([finding('JWK_WEAK_KEY'), finding('ALG_WITHOUT_KEY', 'warning')]);
    expect(reply.body.status).toBe('partial');
  });

  /** A fake issuer whose metadata is reached through `hops` redirects: /.well-known/openid-configuration → /r1 → … → /r{hops}. */
  function redirectingIssuer(hops: number) {
    const routes: Record<string, Handler> = {};
    for (let i = 0; i < hops; i++) {
      routes[i === 0 ? '/.well-known/openid-configuration' : `/r${i}`] = (_req, res) => {
        res.writeHead(i % 2 ? 301 : 302, { location: `/r${i + 1}` });
        res.end();
      };
    }
    routes[`/r${hops}`] = (_req, res, self) => sendJson(res, openIdConfiguration(`${self.url}/`));
    return issuer(routes);
  }

  it('follows at most 3 redirects: a chain of 4 fails discovery, the fourth hop is never requested', async () => {
    const server = await redirectingIssuer(4);
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body).toMatchObject({ discovery: null, jwks_reachability: 'unreachable', status: 'failed' });
    expect(codes(reply.body)).toEqual(expect.arrayContaining(['DISCOVERY_FAILED', 'TOO_MANY_REDIRECTS']));
    expect(server.requests).not.toContain('GET /r4');
    expect(server.requests.slice(0, 4)).toEqual(['GET /.well-known/openid-configuration', 'GET /r1', 'GET /r2', 'GET /r3']);
  });

  it('follows a chain of 3 redirects', async () => {
    const server = await redirectingIssuer(3);
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body).toMatchObject({ findings: [], status: 'ok' });
    expect(server.requests).toContain('GET /r3');
  });

  it('stops reading a 10 MiB body at the size limit', async () => {
    const huge: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 10 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    const server = await issuer({ '/.well-known/openid-configuration': huge, '/.well-known/oauth-authorization-server': huge });
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body).toMatchObject({ discovery: null, status: 'failed' });
    expect(codes(reply.body)).toEqual(['DISCOVERY_FAILED', 'RESPONSE_TOO_LARGE', 'RESPONSE_TOO_LARGE']);
  });

  it('refuses HTML in place of JSON', async () => {
    const html: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Sign in</title>');
    };
    const server = await issuer({ '/.well-known/openid-configuration': html, '/.well-known/oauth-authorization-server': html });
    const reply = await discover(open, `${server.url}/`);
    expect(reply.body).toMatchObject({ discovery: null, jwks_reachability: 'unreachable', status: 'failed' });
    expect(codes(reply.body)).toEqual(['DISCOVERY_FAILED', 'UNEXPECTED_CONTENT_TYPE', 'UNEXPECTED_CONTENT_TYPE']);
  });

  it('finds the metadata of an issuer with a path at the RFC 8414 path-insertion URL', async () => {
    const server = await fakeServer((req, res, self) => {
      if (req.url === '/.well-known/oauth-authorization-server/tenants/acme') return sendJson(res, openIdConfiguration(`${self.url}/tenants/acme`));
      if (req.url === '/tenants/acme/.well-known/jwks.json') return sendJson(res, { keys: [keys.public] });
      sendJson(res, { error: 'not_found' }, 404);
    });
    servers.push(server);
    const reply = await discover(open, `${server.url}/tenants/acme`);
    expect(reply.body).toMatchObject({
      discovery: { issuer: `${server.url}/tenants/acme`, jwks_uri: `${server.url}/tenants/acme/.well-known/jwks.json` },
      jwks_reachability: 'reachable',
      findings: [finding('OPENID_CONFIGURATION_MISSING', 'warning')],
      status: 'ok',
    });
    expect(server.requests.slice(0, 2)).toEqual([
      'GET /tenants/acme/.well-known/openid-configuration',
      'GET /.well-known/oauth-authorization-server/tenants/acme',
    ]);
  });

  describe('with private addresses refused', () => {
    let target: FakeServer;
    beforeAll(async () => {
      target = await issuer();
    });

    it.each([
      ['127.0.0.1', (port: number) => `https://127.0.0.1:${port}/`],
      ['[::1]', (port: number) => `https://[::1]:${port}/`],
      ['10.0.0.1', (port: number) => `https://10.0.0.1:${port}/`],
      ['169.254.169.254', () => 'https://169.254.169.254/'],
      ['[::ffff:127.0.0.1]', (port: number) => `https://[::ffff:127.0.0.1]:${port}/`],
      ['a name resolving to loopback (localhost)', (port: number) => `https://localhost:${port}/`],
    ])('refuses %s with a finding, sending nothing', async (_name, issuerOf) => {
      const reply = await discover(strict, issuerOf(target.port));
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        discovery: null,
        jwks_reachability: 'unreachable',
        findings: [finding('DISCOVERY_FAILED'), finding('ADDRESS_NOT_ALLOWED')],
        status: 'failed',
      });
      expect(target.requests).toEqual([]);
    });

    it('refuses a public-looking host that redirects to loopback, sending nothing to loopback', async () => {
      // Stand-ins for DNS and the network only: idp.example.com resolves to a public address,
      // and a connection to that address reaches a server here that redirects to loopback.
      const publicAddress = '93.184.216.34';
      const redirector = await fakeServer((_req, res) => {
        res.writeHead(302, { location: `http://127.0.0.1:${target.port}/.well-known/openid-configuration` });
        res.end();
      });
      servers.push(redirector);
      const network = strict.app.get(CheckNetwork);
      const dialed: string[] = [];
      const resolve = vi
        .spyOn(network, 'resolve')
        .mockImplementation(async (host) =>
          host === 'idp.example.com' ? [{ address: publicAddress, family: 4 }] : [{ address: host, family: host.includes(':') ? 6 : 4 }],
        );
      const dial = vi.spyOn(network, 'connect').mockImplementation(async (to) => {
        dialed.push(to.address);
        const socket = connect(redirector.port, '127.0.0.1');
        await new Promise((done) => socket.once('connect', done));
        return socket;
      });
      try {
        const reply = await discover(strict, 'https://idp.example.com/');
        expect(reply.body).toMatchObject({ discovery: null, status: 'failed' });
        expect(reply.body.findings).toEqual([finding('DISCOVERY_FAILED'), finding('ADDRESS_NOT_ALLOWED')]);
        expect(reply.body.findings[1].message).toContain('127.0.0.1');
        expect(redirector.requests).toEqual(['GET /.well-known/openid-configuration']);
        expect(dialed).toEqual([publicAddress]);
        expect(target.requests).toEqual([]);
      } finally {
        resolve.mockRestore();
        dial.mockRestore();
      }
    });

    it('answers 422 to a plain-http issuer, even on loopback', async () => {
      const reply = await discover(strict, `http://127.0.0.1:${target.port}/`);
      expect(reply.status).toBe(422);
      expect(reply.body).toEqual(adminError('validation_failed', expect.any(String), [{ field: 'issuer', message: expect.stringMatching(/https/) }]));
      expect(target.requests).toEqual([]);
    });
  });

  it("judges Portcullis's own tenant, through its PUBLIC_URL, ok", async () => {
    const issuerId = randomIssuerId('disc');
    const created = await adminApi(open.url).post('/v1/tenants', { issuer_id: issuerId });
    expect(created.status).toBe(201);
    const reply = await discover(open, `${open.url}/${issuerId}`);
    expect(reply.body).toEqual({
      discovery: {
        issuer: `${open.url}/${issuerId}`,
        jwks_uri: expect.stringMatching(new RegExp(`^${open.url}/${issuerId}/`)),
        authorization_endpoint: expect.stringMatching(new RegExp(`^${open.url}/${issuerId}/`)),
        token_endpoint: expect.stringMatching(new RegExp(`^${open.url}/${issuerId}/`)),
        supported_algs: expect.arrayContaining([expect.any(String)]),
      },
      jwks_reachability: 'reachable',
      findings: [],
      status: 'ok',
    });
  });

  it('answers 401 without an admin key, and with a wrong one', async () => {
    expect((await discover(open, 'https://acme.auth0.com/', null)).status).toBe(401);
    const wrong = await discover(open, 'https://acme.auth0.com/', 'not-the-admin-key');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(adminError('unauthorized'));
  });

  it.each([
    ['a missing issuer', {}],
    ['an issuer that is not a string', { issuer: 42 }],
    ['an issuer that is not a URL', { issuer: 'acme.auth0.com' }],
    ['an issuer that is not http(s)', { issuer: 'ftp://acme.auth0.com/' }],
    ['an issuer with a query', { issuer: 'https://acme.auth0.com/?tenant=1' }],
    ['an issuer with credentials', { issuer: 'https://user:pw@acme.auth0.com/' }],
    ['a plain-http public issuer', { issuer: 'http://acme.auth0.com/' }],
  ])('answers 422 naming issuer for %s', async (_name, body) => {
    const reply = await adminApi(open.url).post('/v1/providers/discover', body);
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual(adminError('validation_failed', expect.any(String), [{ field: 'issuer', message: expect.any(String) }]));
  });

  it('answers 422 to an unknown body field', async () => {
    const reply = await adminApi(open.url).post('/v1/providers/discover', { issuer: 'https://acme.auth0.com/', follow: true });
    expect(reply.status).toBe(422);
    expect(reply.body.details).toEqual([{ field: 'follow', message: 'is not a known field' }]);
  });

  it('rate limits per admin key, with Retry-After', async () => {
    const limited = await startApp({ PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await discover(limited, 'https://10.0.0.1/')).status);
      expect(statuses).toEqual([200, 200, 429]);
      const reply = await discover(limited, 'https://10.0.0.1/');
      expect(reply.body).toEqual(adminError('too_many_requests'));
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
      // Calls without a valid key are refused before they spend anything.
      expect((await discover(limited, 'https://10.0.0.1/', null)).status).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('documents the operation and its schemas under the names of seed 002', async () => {
    const doc: any = await (await fetch(`${open.url}/docs/openapi.json`)).json();
    const operation = doc.paths['/v1/providers/discover'].post;
    expect(operation.operationId).toBe('discoverProvider');
    expect(operation.tags).toEqual(['providers']);
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '413', '415', '422', '429']);
    expect(operation.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/DiscoverProviderRequest' });
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/DiscoverProviderResponse' });
    const response = doc.components.schemas.DiscoverProviderResponse;
    expect(Object.keys(response.properties).sort()).toEqual(Object.keys(seedExample).sort());
    expect(Object.keys(doc.components.schemas.ProviderDiscovery.properties).sort()).toEqual(Object.keys(seedExample.discovery).sort());
    expect(doc.components.schemas.DiscoveryFinding.properties.code.enum).toEqual(
      expect.arrayContaining(['DISCOVERY_FAILED', 'JWKS_UNREACHABLE', 'INVALID_METADATA']),
    );
  });
});
