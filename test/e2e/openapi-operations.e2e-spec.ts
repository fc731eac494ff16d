import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/** What a client generator needs from every operation of the committed document. */
const doc = JSON.parse(await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, method, op })),
);
const adminOperations = operations.filter(({ path }) => path.startsWith('/v1/'));
const errorStatuses = (op: any) => Object.keys(op.responses).filter((status) => Number(status) >= 400);

describe('OpenAPI operations', () => {
  it('have unique operationIds', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(operations)('$name has a summary, tags and a 2xx response, each media type with a schema', ({ op }) => {
    expect(op.summary).toEqual(expect.any(String));
    expect(op.tags).toEqual([expect.any(String)]);
    const success = Object.entries(op.responses as Record<string, any>).filter(([status]) => /^2\d\d$/.test(status));
    expect(success.length).toBeGreaterThan(0);
    for (const [, response] of success) {
      for (const media of Object.values(response.content ?? {})) expect((media as any).schema).toBeDefined();
    }
  });

  it.each(adminOperations)('$name answers JSON on success (or a 204)', ({ op }) => {
    for (const [status, response] of Object.entries(op.responses as Record<string, any>).filter(([status]) => /^2\d\d$/.test(status))) {
      if (status !== '204') expect(response.content['application/json'].schema).toBeDefined();
    }
  });

  it.each(adminOperations)('$name requires the admin key and documents 401', ({ op }) => {
    expect(op.security).toEqual([{ 'admin-key': [] }]);
    expect(errorStatuses(op)).toContain('401');
  });

  it.each(adminOperations)('$name documents each error with AdminErrorDto and an example of that status', ({ op }) => {
    for (const status of errorStatuses(op)) {
      const content = op.responses[status].content['application/json'];
      expect(content.schema).toEqual({ $ref: '#/components/schemas/AdminErrorDto' });
      expect(content.example).toEqual({
        error: expect.any(String),
        message: expect.any(String),
        ...(status === '422' ? { details: [{ field: expect.any(String), message: expect.any(String) }] } : {}),
      });
    }
    const codes = errorStatuses(op).map((status) => op.responses[status].content['application/json'].example.error);
    expect(new Set(codes).size, 'each status has its own example').toBe(codes.length);
  });

  it.each(adminOperations)('$name documents the errors its route can give', ({ path, op }) => {
    const statuses = errorStatuses(op);
    // A key limited to one tenant is refused (403) on routes above tenants; on a tenant's routes an unknown tenant is 404.
    expect(statuses).toContain(path.includes('{issuer_id}') ? '404' : '403');
    const hasInput = op.requestBody !== undefined || (op.parameters ?? []).some((p: any) => p.in === 'query');
    if (hasInput) expect(statuses).toContain('422');
    if (op.requestBody) expect(statuses).toEqual(expect.arrayContaining(['400', '413', '415']));
    // Every path parameter names a resource that may not exist.
    if ((op.parameters ?? []).some((p: any) => p.in === 'path')) expect(statuses).toContain('404');
  });

  it.each(adminOperations.filter(({ op }) => op.requestBody))('$name has a JSON request body schema with examples', ({ op }) => {
    const schema = op.requestBody.content['application/json'].schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const properties = Object.values(doc.components.schemas[name].properties as Record<string, any>);
    expect(properties.some((p) => p.example !== undefined)).toBe(true);
  });
});
