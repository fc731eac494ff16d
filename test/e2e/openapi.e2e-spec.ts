import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApiText } from '../../scripts/generate-openapi.js';
import { generateOpenApiTypes } from '../../scripts/openapi-types.js';
import { validateOpenApi } from '../../scripts/validate-openapi.js';
import { startApp, type RunningApp } from '../helpers/app.js';

/** The committed document, the one the code generates and the one served are the same. */
describe('OpenAPI document', () => {
  let running: RunningApp;
  let committed: string;

  beforeAll(async () => {
    committed = await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8');
    running = await startApp();
  });
  afterAll(() => running.close());

  it('openapi/openapi.json is what the code generates', async () => {
    expect(await generateOpenApiText()).toBe(committed);
  });

  it('/docs/openapi.json serves the committed document', async () => {
    const served = await (await fetch(`${running.url}/docs/openapi.json`)).json();
    expect(served).toEqual(JSON.parse(committed));
  });

  it('openapi/openapi.d.ts holds the types generated from the committed document', async () => {
    const types = await readFile(new URL('../../openapi/openapi.d.ts', import.meta.url), 'utf8');
    expect(await generateOpenApiTypes(JSON.parse(committed))).toBe(types);
  });

  it('the committed and the served documents are valid OpenAPI 3.1', async () => {
    const served = await (await fetch(`${running.url}/docs/openapi.json`)).json();
    expect(JSON.parse(committed).openapi).toBe('3.1.0');
    expect(await validateOpenApi(JSON.parse(committed))).toEqual([]);
    expect(await validateOpenApi(served as object)).toEqual([]);
  });

  it('the validator refuses a broken document and a 3.0 nullable', async () => {
    const doc = JSON.parse(committed);
    doc.paths['/v1/tenants'].get.responses['200'] = { content: {} };
    doc.components.schemas.TenantDto.properties.display_name.nullable = true;
    const problems = await validateOpenApi(doc);
    expect(problems).toContainEqual(expect.stringContaining('/paths/~1v1~1tenants/get/responses/200'));
    expect(problems).toContainEqual("/components/schemas/TenantDto/properties/display_name/nullable: nullable is not OpenAPI 3.1; use type: [T, 'null']");
  });

  it('documents every tenant route with its statuses and the admin bearer scheme', () => {
    // 429 on every admin route: too many wrong admin keys from one address.
    const doc = JSON.parse(committed);
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path][method].responses).sort();
    expect(statuses('/v1/tenants', 'post')).toEqual(['201', '400', '401', '403', '409', '413', '415', '422', '429']);
    expect(statuses('/v1/tenants', 'get')).toEqual(['200', '401', '403', '422', '429']);
    expect(statuses('/v1/tenants/{issuer_id}', 'get')).toEqual(['200', '401', '404', '429']);
    expect(statuses('/v1/tenants/{issuer_id}', 'patch')).toEqual(['200', '400', '401', '404', '413', '415', '422', '429']);
    expect(statuses('/v1/tenants/{issuer_id}', 'delete')).toEqual(['204', '401', '404', '429']);
    expect(doc.paths['/v1/tenants'].post.security).toEqual([{ 'admin-key': [] }]);
    expect(doc.components.schemas.CreateTenantDto.required).toEqual(['issuer_id']);
    expect(doc.components.schemas.TenantDto.required).toEqual(expect.arrayContaining(['issuer_id', 'issuer', 'display_name', 'enabled', 'created_at']));
  });
});

describe('OpenAPI document of the public discovery surface', () => {
  it('has the seed schemas under their names, with their required members', async () => {
    const doc = JSON.parse(await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'));
    const schemas = doc.components.schemas;
    expect(schemas.IssuerJWKS.required).toEqual(['keys']);
    expect(schemas.JWK.required).toEqual(expect.arrayContaining(['kty', 'use', 'kid', 'alg']));
    expect(schemas.OAuthError.required).toEqual(['error']);
    expect(schemas.OAuth2Metadata.required).toEqual(['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri', 'response_types_supported']);
    // OpenID Connect Discovery 1.0 §3 REQUIRED members.
    expect(schemas.OpenIDConfiguration.required).toEqual([
      ...schemas.OAuth2Metadata.required,
      'subject_types_supported',
      'id_token_signing_alg_values_supported',
    ]);
  });

  it.each([
    ['/{issuer_id}/.well-known/openid-configuration', 'OpenIDConfiguration'],
    ['/.well-known/openid-configuration/{issuer_id}', 'OpenIDConfiguration'],
    ['/{issuer_id}/.well-known/oauth-authorization-server', 'OAuth2Metadata'],
    ['/.well-known/oauth-authorization-server/{issuer_id}', 'OAuth2Metadata'],
    ['/{issuer_id}/jwks.json', 'IssuerJWKS'],
    ['/{issuer_id}/.well-known/jwks.json', 'IssuerJWKS'],
  ])('documents GET %s with %s and the error statuses', async (path, schema) => {
    const doc = JSON.parse(await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'));
    const responses = doc.paths[path].get.responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '304', '404', '405', '429', '500', '503']);
    const mediaType = schema === 'IssuerJWKS' ? 'application/jwk-set+json' : 'application/json';
    expect(responses['200'].content[mediaType].schema.$ref).toBe(`#/components/schemas/${schema}`);
    for (const status of ['404', '405', '429', '500', '503']) {
      expect(responses[status].content['application/json'].schema.$ref).toBe('#/components/schemas/OAuthError');
    }
  });
});
