import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/common/http/body-parsers.js';
import { adminApi, adminError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createTenant } from '../helpers/rp.js';

/**
 * JSON text of `levels` levels of objects and arrays in turn around a string
 * (`[{"a":[{"a":"x"}]}]`), written as text: JSON.stringify itself recurses per level.
 */
function nested(levels: number): string {
  const open = Array.from({ length: levels }, (_, level) => (level % 2 === 0 ? '[' : '{"a":'));
  return `${open.join('')}"x"${open
    .reverse()
    .map((o) => (o === '[' ? ']' : '}'))
    .join('')}`;
}

/** A body `{"member": <value>}` as text. */
const bodyWith = (member: string, value: string) => `{"${member}":${value}}`;

/**
 * Validation transforms an admin body recursively (class-transformer): a body nested
 * thousands of levels deep overflowed the stack and answered 500. The body parser now
 * refuses more than MAX_JSON_DEPTH levels with a 400 before anything walks the body.
 */
describe('finding 8: deep JSON nesting gives a 500 on the admin API', () => {
  let running: RunningApp;
  let api: ReturnType<typeof adminApi>;
  let issuerId: string;

  beforeAll(async () => {
    running = await startApp({ PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: '0' });
    api = adminApi(running.url);
    ({ issuerId } = await createTenant(running.url, { display_name: 'Shallow' }));
  });
  afterAll(() => running.close());

  const routes = () => [
    ['POST', '/v1/tenants', 'display_name'],
    ['PATCH', `/v1/tenants/${issuerId}`, 'display_name'],
    ['POST', `/v1/tenants/${issuerId}/clients`, 'jwks'],
    ['POST', `/v1/tenants/${issuerId}/users`, 'address'],
    ['POST', '/v1/providers/discover', 'issuer'],
    ['POST', '/v1/tenants/import', 'tenant'],
  ];

  it('refuses a body nested 5,000 deep with 400 invalid_json naming the limit, on every route with a body', async () => {
    for (const [method, path, member] of routes()) {
      const reply = await api.call(method, path, bodyWith(member, nested(5_000)));
      expect(reply, `${method} ${path}`).toMatchObject({
        status: 400,
        body: adminError('invalid_json', `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`),
      });
    }
    expect((await api.get(`/v1/tenants/${issuerId}`)).body.display_name).toBe('Shallow');
  });

  it('counts arrays and objects alike, the top-level object as level 1', async () => {
    // One level under the limit in the member plus the top-level object: exactly the limit, judged by validation.
    const atLimit = await api.patch(`/v1/tenants/${issuerId}`, bodyWith('display_name', nested(MAX_JSON_DEPTH - 1)));
    expect(atLimit).toMatchObject({ status: 422, body: adminError('validation_failed') });
    const overLimit = await api.patch(`/v1/tenants/${issuerId}`, bodyWith('display_name', nested(MAX_JSON_DEPTH)));
    expect(overLimit).toMatchObject({ status: 400, body: adminError('invalid_json') });
    expect(await api.call('POST', '/v1/tenants', nested(MAX_JSON_DEPTH + 1))).toMatchObject({ status: 400 });
  });
});
