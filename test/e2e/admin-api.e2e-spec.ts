import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIssuerId } from '../helpers/admin-api.js';
import { adminClient, type AdminClient } from '../helpers/admin-client.js';
import { AdminFixtures, type PathParams } from '../helpers/admin-fixtures.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { responseValidator } from '../helpers/openapi-schemas.js';

/**
 * Every admin operation of the committed document, called through the client generated from
 * it: once successfully and once for each error it documents, each answer checked against the
 * schema documented for its status. An operation without a case below fails, as does an error
 * the route gives but does not document, or documents but this spec cannot provoke.
 */
const doc = JSON.parse(await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'));
const validate = responseValidator(doc);

interface Operation {
  operationId: string;
  method: string;
  path: string;
  responses: Record<string, unknown>;
  hasBody: boolean;
  queryNames: string[];
  resourceParams: string[];
}
const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, any>>)
  .filter(([path]) => path.startsWith('/v1/'))
  .flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      operationId: op.operationId,
      method,
      path,
      responses: op.responses,
      hasBody: op.requestBody !== undefined,
      queryNames: (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name),
      resourceParams: (op.parameters ?? []).filter((p: any) => p.in === 'path' && p.name !== 'issuer_id').map((p: any) => p.name),
    })),
  );
const listOperations = operations.filter((o) => o.queryNames.includes('limit'));

type Result = { data?: unknown; error?: unknown; response: Response };
/** Request options the error provocations add: a raw body, a raw query, headers. */
type Init = { bodySerializer?: (body: any) => string; querySerializer?: (query: any) => string; headers?: Record<string, string> };

interface OperationCase {
  /** Makes, with the root key, what one successful call needs; returns the path parameters naming it. */
  prepare?: (fx: AdminFixtures) => Promise<Partial<PathParams>>;
  /** A call that succeeds with `path` as prepared and the root key. */
  call: (api: AdminClient, path: PathParams, init?: Init) => Promise<Result>;
  /** Errors only this operation can give, by status. */
  errors?: Record<string, (fx: AdminFixtures, path: PathParams) => Promise<Result>>;
}

const cases: Record<string, OperationCase> = {
  createTenant: {
    call: (api, _, init) => api.POST('/v1/tenants', { body: { issuer_id: randomIssuerId('api'), display_name: 'Acme' }, ...init }),
    errors: { 409: (fx, path) => fx.root.POST('/v1/tenants', { body: { issuer_id: path.issuer_id } }) },
  },
  listTenants: { call: (api, _, init) => api.GET('/v1/tenants', { ...init }) },
  getTenant: { call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}', { params: { path }, ...init }) },
  updateTenant: {
    prepare: async (fx) => ({ issuer_id: await fx.tenant() }),
    call: (api, path, init) => api.PATCH('/v1/tenants/{issuer_id}', { params: { path }, body: { display_name: 'Acme Corp' }, ...init }),
  },
  deleteTenant: {
    prepare: async (fx) => ({ issuer_id: await fx.tenant() }),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}', { params: { path }, ...init }),
  },

  exportTenant: { call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/export', { params: { path }, ...init }) },
  importTenant: {
    call: (api, _, init) =>
      api.POST('/v1/tenants/import', {
        body: { format: 'portcullis.tenant.v1', tenant: { issuer_id: randomIssuerId('imp') }, clients: [], users: [] },
        ...init,
      }),
    errors: {
      409: (fx, path) =>
        fx.root.POST('/v1/tenants/import', { body: { format: 'portcullis.tenant.v1', tenant: { issuer_id: path.issuer_id }, clients: [], users: [] } }),
    },
  },

  createClient: {
    call: (api, path, init) =>
      api.POST('/v1/tenants/{issuer_id}/clients', { params: { path }, body: { client_name: 'Acme', redirect_uris: ['https://rp.example.com/cb'] }, ...init }),
  },
  listClients: { call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/clients', { params: { path }, ...init }) },
  getClient: {
    prepare: async (fx) => ({ client_id: await fx.client() }),
    call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/clients/{client_id}', { params: { path }, ...init }),
  },
  updateClient: {
    prepare: async (fx) => ({ client_id: await fx.client() }),
    call: (api, path, init) => api.PATCH('/v1/tenants/{issuer_id}/clients/{client_id}', { params: { path }, body: { client_name: 'Renamed' }, ...init }),
  },
  deleteClient: {
    prepare: async (fx) => ({ client_id: await fx.client() }),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}/clients/{client_id}', { params: { path }, ...init }),
  },
  rotateClientSecret: {
    prepare: async (fx) => ({ client_id: await fx.client() }),
    call: (api, path, init) => api.POST('/v1/tenants/{issuer_id}/clients/{client_id}/secret', { params: { path }, ...init }),
    errors: {
      409: (fx, path) => fx.root.POST('/v1/tenants/{issuer_id}/clients/{client_id}/secret', { params: { path: { ...path, client_id: fx.publicClientId } } }),
    },
  },

  createInitialAccessToken: {
    call: (api, path, init) => api.POST('/v1/tenants/{issuer_id}/initial-access-tokens', { params: { path }, body: { expires_in: 3600 }, ...init }),
  },
  listInitialAccessTokens: {
    prepare: async (fx) => (await fx.initialAccessToken(), {}),
    call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/initial-access-tokens', { params: { path }, ...init }),
  },
  revokeInitialAccessToken: {
    prepare: async (fx) => ({ id: await fx.initialAccessToken() }),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}/initial-access-tokens/{id}', { params: { path }, ...init }),
  },

  createUser: {
    call: (api, path, init) =>
      api.POST('/v1/tenants/{issuer_id}/users', {
        params: { path },
        body: { username: `u-${randomUUID()}`, password: 'correct horse battery staple', email: 'jane@example.com' },
        ...init,
      }),
    errors: {
      409: (fx, path) =>
        fx.root.POST('/v1/tenants/{issuer_id}/users', { params: { path }, body: { username: fx.username, password: 'correct horse battery staple' } }),
    },
  },
  listUsers: { call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/users', { params: { path }, ...init }) },
  getUser: {
    prepare: async (fx) => ({ user_id: (await fx.user()).user_id }),
    call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/users/{user_id}', { params: { path }, ...init }),
  },
  updateUser: {
    prepare: async (fx) => ({ user_id: (await fx.user()).user_id }),
    call: (api, path, init) => api.PATCH('/v1/tenants/{issuer_id}/users/{user_id}', { params: { path }, body: { name: 'Jane Doe' }, ...init }),
    errors: {
      409: async (fx, path) => {
        const { user_id } = await fx.user();
        return fx.root.PATCH('/v1/tenants/{issuer_id}/users/{user_id}', { params: { path: { ...path, user_id } }, body: { username: fx.username } });
      },
    },
  },
  deleteUser: {
    prepare: async (fx) => ({ user_id: (await fx.user()).user_id }),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}/users/{user_id}', { params: { path }, ...init }),
  },

  listUserFactors: {
    prepare: async (fx) => ({ user_id: (await fx.user()).user_id }),
    call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/users/{user_id}/factors', { params: { path }, ...init }),
  },
  resetUserFactors: {
    prepare: async (fx) => ({ user_id: (await fx.factor()).user_id }),
    call: (api, path, init) => api.POST('/v1/tenants/{issuer_id}/users/{user_id}/factors/reset', { params: { path }, ...init }),
  },
  deleteUserFactor: {
    prepare: (fx) => fx.factor(),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}/users/{user_id}/factors/{factor_id}', { params: { path }, ...init }),
  },

  createConnection: {
    call: (api, path, init) =>
      api.POST('/v1/tenants/{issuer_id}/connections', {
        params: { path },
        body: {
          name: `c-${randomUUID().slice(0, 8)}`,
          display_name: 'Acme',
          issuer: `${baseUrl}/${path.issuer_id}`,
          client_id: 'portcullis',
          client_secret: 'upstream-secret',
        },
        ...init,
      }),
    errors: {
      409: async (fx, path) => {
        const { name } = await fx.connection();
        return fx.root.POST('/v1/tenants/{issuer_id}/connections', {
          params: { path },
          body: { name, display_name: 'Acme', issuer: `${baseUrl}/${path.issuer_id}`, client_id: 'portcullis', client_secret: 'upstream-secret' },
        });
      },
    },
  },
  listConnections: {
    prepare: async (fx) => (await fx.connection(), {}),
    call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/connections', { params: { path }, ...init }),
  },
  getConnection: {
    prepare: async (fx) => ({ connection_id: (await fx.connection()).connection_id }),
    call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/connections/{connection_id}', { params: { path }, ...init }),
  },
  updateConnection: {
    prepare: async (fx) => ({ connection_id: (await fx.connection()).connection_id }),
    call: (api, path, init) =>
      api.PATCH('/v1/tenants/{issuer_id}/connections/{connection_id}', { params: { path }, body: { display_name: 'Acme Corp' }, ...init }),
    errors: {
      409: async (fx, path) => {
        const taken = `d${randomUUID().slice(0, 8)}.example`;
        await fx.connection([taken]);
        return fx.root.PATCH('/v1/tenants/{issuer_id}/connections/{connection_id}', { params: { path }, body: { email_domains: [taken] } });
      },
    },
  },
  deleteConnection: {
    prepare: async (fx) => ({ connection_id: (await fx.connection()).connection_id }),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}/connections/{connection_id}', { params: { path }, ...init }),
  },

  listUserLinks: {
    prepare: async (fx) => ({ user_id: (await fx.link()).user_id }),
    call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/users/{user_id}/links', { params: { path }, ...init }),
  },
  deleteUserLink: {
    prepare: (fx) => fx.link(),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}/users/{user_id}/links/{link_id}', { params: { path }, ...init }),
  },

  listKeys: { call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/keys', { params: { path }, ...init }) },
  rotateKeys: {
    prepare: async (fx) => ({ issuer_id: await fx.tenant() }),
    call: (api, path, init) => api.POST('/v1/tenants/{issuer_id}/keys/rotate', { params: { path }, ...init }),
  },
  deleteKey: {
    prepare: (fx) => fx.retiredKey(),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}/keys/{kid}', { params: { path }, ...init }),
    errors: {
      409: (fx, path) => fx.root.DELETE('/v1/tenants/{issuer_id}/keys/{kid}', { params: { path: { ...path, issuer_id: fx.issuerId, kid: fx.activeKid } } }),
    },
  },

  listSessions: { call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/sessions', { params: { path }, ...init }) },
  deleteSession: {
    prepare: async (fx) => ({ session_id: await fx.session() }),
    call: (api, path, init) => api.DELETE('/v1/tenants/{issuer_id}/sessions/{session_id}', { params: { path }, ...init }),
  },

  listAuditEvents: { call: (api, _, init) => api.GET('/v1/audit-events', { ...init }) },
  listTenantAuditEvents: { call: (api, path, init) => api.GET('/v1/tenants/{issuer_id}/audit-events', { params: { path }, ...init }) },

  listKeyEncryptionKeys: { call: (api, _, init) => api.GET('/v1/key-encryption-keys', { ...init }) },
  // On the run's database everything is under its one key already: the re-encryption finds nothing to move.
  reEncrypt: { call: (api, _, init) => api.POST('/v1/key-encryption-keys/re-encrypt', { ...init }) },

  createAdminKey: { call: (api, _, init) => api.POST('/v1/admin-keys', { body: { name: 'ci' }, ...init }) },
  listAdminKeys: { call: (api, _, init) => api.GET('/v1/admin-keys', { ...init }) },
  getAdminKey: {
    prepare: async (fx) => ({ id: (await fx.adminKey()).id }),
    call: (api, path, init) => api.GET('/v1/admin-keys/{id}', { params: { path }, ...init }),
  },
  revokeAdminKey: {
    prepare: async (fx) => ({ id: (await fx.adminKey()).id }),
    call: (api, path, init) => api.DELETE('/v1/admin-keys/{id}', { params: { path }, ...init }),
  },

  discoverProvider: {
    // The application's own tenant is the provider checked (private addresses are allowed here).
    call: (api, path, init) => api.POST('/v1/providers/discover', { body: { issuer: `${baseUrl}/${path.issuer_id}` }, ...init }),
    errors: {
      429: async (fx, path) => {
        // The limit counts per admin key: a fresh key spends its own allowance.
        const api = adminClient(fx.baseUrl, (await fx.adminKey()).key);
        let result: Result | undefined;
        for (let i = 0; i <= DISCOVERY_LIMIT; i++) result = await cases.discoverProvider.call(api, path);
        return result!;
      },
    },
  },
};

const DISCOVERY_LIMIT = 5;
const ADMIN_AUTH_LIMIT = 2;
let guesses = 0;
let baseUrl = '';

describe('admin API through the generated client', () => {
  let running: RunningApp;
  let fx: AdminFixtures;
  let anonymous: AdminClient;
  let wrongKey: AdminClient;
  let tenantKey: AdminClient;

  beforeAll(async () => {
    running = await startApp({
      PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true',
      PROVIDER_DISCOVERY_RATE_LIMIT_PER_MINUTE: String(DISCOVERY_LIMIT),
      // Each 429 for wrong keys is provoked from an address of its own (X-Forwarded-For from the loopback "proxy").
      ADMIN_AUTH_MAX_FAILURES_PER_IP: String(ADMIN_AUTH_LIMIT),
      TRUST_PROXY: 'loopback',
    });
    baseUrl = running.url;
    fx = new AdminFixtures(running.url);
    await fx.setUp();
    anonymous = adminClient(running.url, null);
    wrongKey = adminClient(running.url, 'not-the-admin-key');
    tenantKey = adminClient(running.url, (await fx.adminKey(fx.issuerId)).key);
  });
  afterAll(() => running.close());

  /** The path parameters of one call: the shared tenant, then what the case prepared. */
  async function prepared(operation: Operation): Promise<PathParams> {
    return { ...fx.path(), ...(await cases[operation.operationId].prepare?.(fx)) };
  }

  /** The calls that must give `status`: the generic ones the route's shape implies, then the case's own. */
  function provocations(operation: Operation): Record<string, Array<(path: PathParams) => Promise<Result>>> {
    const { call, errors = {} } = cases[operation.operationId];
    const root = fx.root;
    const found: Record<string, Array<(path: PathParams) => Promise<Result>>> = {};
    const add = (status: string | number, provoke: (path: PathParams) => Promise<Result>) => (found[status] ??= []).push(provoke);

    add(401, (path) => call(anonymous, path));
    add(429, async (path) => {
      // Wrong keys from one address spend its budget, one more locks it; then even the right key is refused there.
      const from = { headers: { 'x-forwarded-for': `198.18.${Math.floor(++guesses / 250)}.${guesses % 250}` } };
      for (let i = 0; i <= ADMIN_AUTH_LIMIT; i++) await call(wrongKey, path, from);
      return call(root, path, from);
    });
    if (operation.path.includes('{issuer_id}')) {
      add(404, (path) => call(root, { ...path, issuer_id: randomIssuerId('gone') }));
    } else {
      add(403, (path) => call(tenantKey, path));
    }
    if (operation.resourceParams.length) {
      add(404, (path) =>
        call(root, {
          ...path,
          client_id: 'no-such-client',
          user_id: randomUUID(),
          kid: 'no-such-kid',
          session_id: 'no-such-session',
          connection_id: randomUUID(),
          link_id: randomUUID(),
          id: randomUUID(),
        }),
      );
    }
    if (operation.hasBody) {
      add(422, (path) => call(root, path, { bodySerializer: (body) => JSON.stringify({ ...body, not_a_field: true }) }));
      add(400, (path) => call(root, path, { bodySerializer: () => '{"issuer_id": ' }));
      add(413, (path) => call(root, path, { bodySerializer: () => JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }) }));
      add(415, (path) => call(root, path, { headers: { 'content-type': 'text/plain' } }));
    }
    if (operation.queryNames.includes('limit')) {
      add(422, (path) => call(root, path, { querySerializer: () => 'limit=0' }));
      add(422, (path) => call(root, path, { querySerializer: () => 'limit=201' }));
    }
    for (const [status, provoke] of Object.entries(errors)) add(status, (path) => provoke(fx, path));
    return found;
  }

  /** The answer has the status expected and the body documented for it. */
  function expectDocumented(operation: Operation, result: Result, status: number): void {
    const body = result.response.ok ? result.data : result.error;
    expect(result.response.status, JSON.stringify(body)).toBe(status);
    expect(validate(operation.operationId, status, body)).toEqual([]);
  }

  it('has a case for every admin operation of the document, and none for another', () => {
    expect(Object.keys(cases).sort()).toEqual(operations.map((o) => o.operationId).sort());
  });

  it.each(operations)('$operationId documents exactly the errors its route gives', (operation) => {
    const documented = Object.keys(operation.responses).filter((status) => Number(status) >= 400);
    expect(Object.keys(provocations(operation)).sort()).toEqual(documented.sort());
  });

  it.each(operations)('$operationId succeeds with its documented answer', async (operation) => {
    const [status] = Object.keys(operation.responses).filter((s) => /^2\d\d$/.test(s));
    const result = await cases[operation.operationId].call(fx.root, await prepared(operation));
    expectDocumented(operation, result, Number(status));
  });

  it.each(operations)('$operationId gives each error it documents, with the documented body', async (operation) => {
    for (const [status, provokes] of Object.entries(provocations(operation))) {
      for (const provoke of provokes) expectDocumented(operation, await provoke(await prepared(operation)), Number(status));
    }
  });

  it.each(operations.filter((o) => o.method === 'delete'))('$operationId answers 204, then 404 for the same resource', async (operation) => {
    const path = await prepared(operation);
    expectDocumented(operation, await cases[operation.operationId].call(fx.root, path), 204);
    expectDocumented(operation, await cases[operation.operationId].call(fx.root, path), 404);
  });

  it.each(listOperations)('$operationId pages with {items, next_cursor} and limit 1-200', async (operation) => {
    const { call } = cases[operation.operationId];
    const path = await prepared(operation);
    const first = await call(fx.root, path, { querySerializer: () => 'limit=1' });
    expectDocumented(operation, first, 200);
    const page = first.data as { items: unknown[]; next_cursor: string | null };
    expect(Object.keys(page).sort()).toEqual(['items', 'next_cursor']);
    expect(page.items).toHaveLength(1);
    if (page.next_cursor !== null) {
      const cursor = encodeURIComponent(page.next_cursor);
      const second = await call(fx.root, path, { querySerializer: () => `limit=1&cursor=${cursor}` });
      expectDocumented(operation, second, 200);
      expect((second.data as typeof page).items[0]).not.toEqual(page.items[0]);
    }
    expectDocumented(operation, await call(fx.root, path, { querySerializer: () => 'limit=200' }), 200);
    for (const limit of [0, 201, 1.5]) {
      const refused = await call(fx.root, path, { querySerializer: () => `limit=${limit}` });
      expectDocumented(operation, refused, 422);
      expect(refused.error).toMatchObject({ error: 'validation_failed', details: [{ field: 'limit', message: expect.any(String) }] });
    }
  });
});
