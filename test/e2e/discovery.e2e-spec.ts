import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createTenant } from '../helpers/rp.js';

describe('public metadata routes', () => {
  let running: RunningApp;
  let issuerId: string;
  let issuer: string;

  beforeAll(async () => {
    running = await startApp({ DISCOVERY_CACHE_SECONDS: '600', JWKS_CACHE_SECONDS: '120' });
    ({ issuerId, issuer } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  it('serves one OIDC discovery document at both URL forms, and one RFC 8414 document at both of its forms', async () => {
    const get = async (url: string) => (await (await fetch(url)).json()) as Record<string, unknown>;
    const oidcDocument = await get(`${issuer}/.well-known/openid-configuration`);
    expect(oidcDocument.issuer).toBe(issuer);
    expect(await get(`${running.url}/.well-known/openid-configuration/${issuerId}`)).toEqual(oidcDocument);
    const oauthDocument = await get(`${issuer}/.well-known/oauth-authorization-server`);
    expect(oauthDocument.issuer).toBe(issuer);
    expect(await get(`${running.url}/.well-known/oauth-authorization-server/${issuerId}`)).toEqual(oauthDocument);
    expect(oidcDocument).toMatchObject({
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks.json`,
      introspection_endpoint: `${issuer}/introspect`,
      revocation_endpoint: `${issuer}/revoke`,
      pushed_authorization_request_endpoint: `${issuer}/par`,
      end_session_endpoint: `${issuer}/end-session`,
      code_challenge_methods_supported: ['S256'],
    });
  });

  it.each([
    ['/.well-known/openid-configuration', 'public, max-age=600'],
    ['/jwks.json', 'public, max-age=120'],
    ['/.well-known/jwks.json', 'public, max-age=120'],
  ])('%s carries Cache-Control and a strong ETag, and answers a matching If-None-Match with 304', async (path, cacheControl) => {
    const first = await fetch(`${issuer}${path}`);
    const second = await fetch(`${issuer}${path}`);
    for (const res of [first, second]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe(cacheControl);
      expect(res.headers.get('content-type')).toMatch(/^application\/(json|jwk-set\+json)/);
      expect(res.headers.get('etag')).toBe(second.headers.get('etag'));
    }
    const etag = second.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(await second.text()).toBe(await first.text());
    const conditional = await fetch(`${issuer}${path}`, { headers: { 'if-none-match': etag } });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    expect((await fetch(`${issuer}${path}`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('a key rotation changes the JWKS and its ETag at once', async () => {
    const { issuerId: id, issuer: iss } = await createTenant(running.url);
    const before = await fetch(`${iss}/jwks.json`);
    const { adminApi } = await import('../helpers/admin-api.js');
    await adminApi(running.url).post(`/v1/tenants/${id}/keys/rotate`);
    const after = await fetch(`${iss}/jwks.json`);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(((await after.json()) as { keys: unknown[] }).keys).toHaveLength(3);
  });

  it.each([
    ['POST', '/.well-known/openid-configuration', 'GET, HEAD'],
    ['DELETE', '/jwks.json', 'GET, HEAD'],
    ['GET', '/token', 'POST'],
    ['GET', '/introspect', 'POST'],
    ['PUT', '/userinfo', 'GET, HEAD, POST'],
  ])('answers %s %s with 405 OAuthError and Allow', async (method, path, allow) => {
    const res = await fetch(`${issuer}${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toEqual(oauthError('method_not_allowed'));
  });

  it.each([
    '/no-such-issuer/.well-known/openid-configuration',
    '/no-such-issuer/jwks.json',
    `/.well-known/oauth-authorization-server/no-such-issuer`,
    '/ISSUER/jwks.json',
  ])('answers 404 OAuthError for %s', async (path) => {
    const res = await fetch(`${running.url}${path}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(oauthError('not_found'));
  });

  it('answers 404 OAuthError for an unknown path below a known issuer', async () => {
    const res = await fetch(`${issuer}/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(oauthError('not_found'));
  });

  it('protocol errors are OAuthError JSON from oidc-provider, never HTML', async () => {
    const res = await fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=nope' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/^(invalid_request|unsupported_grant_type|invalid_client)$/) });
    const authorize = await fetch(`${issuer}/authorize?client_id=unknown`, { redirect: 'manual' });
    expect(authorize.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await authorize.json()).toMatchObject({ error: expect.any(String) });
  });
});

describe('metadata completeness', () => {
  let running: RunningApp;
  let issuer: string;
  let issuerId: string;

  beforeAll(async () => {
    running = await startApp();
    ({ issuer, issuerId } = await createTenant(running.url));
  });
  afterAll(() => running.close());

  /** Every member of PingOne's example (seed 003) that Portcullis supports, plus the contract's list. */
  const REQUIRED = [
    'issuer',
    'authorization_endpoint',
    'pushed_authorization_request_endpoint',
    'token_endpoint',
    'jwks_uri',
    'end_session_endpoint',
    'introspection_endpoint',
    'revocation_endpoint',
    'device_authorization_endpoint',
    'userinfo_endpoint',
    'request_parameter_supported',
    'request_uri_parameter_supported',
    'require_pushed_authorization_requests',
    'scopes_supported',
    'response_types_supported',
    'response_modes_supported',
    'grant_types_supported',
    'token_endpoint_auth_methods_supported',
    'token_endpoint_auth_signing_alg_values_supported',
    'code_challenge_methods_supported',
    'claims_supported',
    'claims_parameter_supported',
    'id_token_signing_alg_values_supported',
    'subject_types_supported',
    'introspection_endpoint_auth_methods_supported',
    'revocation_endpoint_auth_methods_supported',
    'request_object_signing_alg_values_supported',
    'userinfo_signing_alg_values_supported',
    'service_documentation',
  ];

  it('the OIDC document holds every member of seed 003 that Portcullis supports, with the contract values', async () => {
    const doc = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    for (const member of REQUIRED) expect(doc, member).toHaveProperty(member);
    expect(doc).toMatchObject({
      scopes_supported: expect.arrayContaining(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']),
      response_types_supported: ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'],
      response_modes_supported: expect.arrayContaining(['query', 'fragment', 'form_post']),
      grant_types_supported: expect.arrayContaining([
        'authorization_code',
        'implicit',
        'client_credentials',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:device_code',
      ]),
      token_endpoint_auth_methods_supported: expect.arrayContaining([
        'client_secret_basic',
        'client_secret_post',
        'client_secret_jwt',
        'private_key_jwt',
        'none',
      ]),
      code_challenge_methods_supported: ['S256'],
      request_parameter_supported: true,
      request_uri_parameter_supported: false,
      require_pushed_authorization_requests: false,
      service_documentation: `${running.url}/docs`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    // Every endpoint is below this issuer, on PUBLIC_URL.
    for (const [member, value] of Object.entries(doc))
      if (member.endsWith('_endpoint') || member === 'jwks_uri') expect(value, member).toMatch(new RegExp(`^${issuer}/`));
  });

  it('the RFC 8414 document has the same OAuth members, at both of its URLs', async () => {
    const oidcDoc = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    const oauthDoc = (await (await fetch(`${running.url}/.well-known/oauth-authorization-server/${issuerId}`)).json()) as Record<string, unknown>;
    for (const member of [
      'issuer',
      'token_endpoint',
      'jwks_uri',
      'grant_types_supported',
      'token_endpoint_auth_methods_supported',
      'introspection_endpoint',
      'revocation_endpoint',
      'pushed_authorization_request_endpoint',
      'device_authorization_endpoint',
    ]) {
      expect(oauthDoc[member], member).toEqual(oidcDoc[member]);
    }
  });

  it('openid-client discovers the issuer at both discovery URL forms', async () => {
    const { oidc } = await import('../helpers/rp.js');
    for (const algorithm of ['oidc', 'oauth2'] as const) {
      const config = await oidc.discovery(new URL(issuer), 'any-client', undefined, undefined, { execute: [oidc.allowInsecureRequests], algorithm });
      expect(config.serverMetadata().issuer).toBe(issuer);
    }
  });
});

describe('metadata documents against JSON Schemas of OIDC Discovery 1.0 and RFC 8414', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it.each(['RS256', 'ES256', 'EdDSA'])('a %s issuer: both documents valid, at every URL form', async (alg) => {
    const { Ajv } = await import('ajv');
    // ajv-formats is CommonJS with a `default` export: under ESM its plugin sits one level down.
    const formats = (await import('ajv-formats')) as unknown as {
      default: { default?: (ajv: InstanceType<typeof Ajv>) => void } & ((ajv: InstanceType<typeof Ajv>) => void);
    };
    const addFormats = formats.default.default ?? formats.default;
    const { readFile } = await import('node:fs/promises');
    const load = async (name: string) => JSON.parse(await readFile(new URL(`../schemas/${name}`, import.meta.url), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(await load('oauth2-metadata.schema.json'));
    const oidcSchema = await load('oidc-discovery.schema.json');
    // Discovery 1.0 §3 wants RS256 among the ID token algorithms; a tenant created with ES256 or
    // EdDSA signs with that one only (a documented deviation, see README "Standards").
    if (alg !== 'RS256') delete oidcSchema.properties.id_token_signing_alg_values_supported.contains;
    const validateOidc = ajv.compile(oidcSchema);
    const validateOauth = ajv.getSchema('https://portcullis.test/schemas/oauth2-metadata.json')!;

    const { issuerId, issuer } = await createTenant(running.url, { signing_alg: alg });
    for (const url of [`${issuer}/.well-known/openid-configuration`, `${running.url}/.well-known/openid-configuration/${issuerId}`]) {
      const doc = await (await fetch(url)).json();
      expect(validateOidc(doc) ? [] : validateOidc.errors).toEqual([]);
    }
    for (const url of [`${issuer}/.well-known/oauth-authorization-server`, `${running.url}/.well-known/oauth-authorization-server/${issuerId}`]) {
      const doc = await (await fetch(url)).json();
      expect(validateOauth(doc) ? [] : validateOauth.errors).toEqual([]);
    }
  });
});
