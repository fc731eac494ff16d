import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError, randomIssuerId } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';

describe('tenants admin API', () => {
  let running: RunningApp;
  let api: ReturnType<typeof adminApi>;

  beforeAll(async () => {
    running = await startApp({ PUBLIC_URL: 'https://id.example.com' });
    api = adminApi(running.url);
  });
  afterAll(() => running.close());

  const tenantBody = (issuerId: string, displayName: string, enabled = true) => ({
    issuer_id: issuerId,
    issuer: `https://id.example.com/${issuerId}`,
    display_name: displayName,
    enabled,
    signing_alg: 'RS256',
    key_rotation_days: 90,
    access_token_ttl: 3600,
    id_token_ttl: 3600,
    refresh_token_ttl: 1_209_600,
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials', 'implicit', 'urn:ietf:params:oauth:grant-type:device_code'],
    logo_url: null,
    brand_color: null,
    require_pkce_for_all_clients: false,
    registration: 'off',
    sign_in_policy: {
      factors: ['password', 'passkey', 'totp', 'security_key', 'recovery_code'],
      second_factor: 'when_enrolled',
      enrollment_required: false,
      enrollment_grace_days: 0,
      enrollment_required_since: null,
      link_verified_email: false,
    },
    created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });

  describe('POST /v1/tenants', () => {
    it('creates a tenant whose issuer is PUBLIC_URL/issuer_id exactly', async () => {
      const id = randomIssuerId();
      const reply = await api.post('/v1/tenants', { issuer_id: id, display_name: 'Acme' });
      expect(reply.status).toBe(201);
      expect(reply.body).toEqual(tenantBody(id, 'Acme'));
      expect((await api.get(`/v1/tenants/${id}`)).body).toEqual(reply.body);
    });

    it('defaults display_name to the issuer_id', async () => {
      const id = randomIssuerId();
      const reply = await api.post('/v1/tenants', { issuer_id: id });
      expect(reply.body).toEqual(tenantBody(id, id));
    });

    it('answers 409 for a duplicate issuer_id and changes nothing', async () => {
      const id = randomIssuerId();
      await api.post('/v1/tenants', { issuer_id: id, display_name: 'First' });
      const reply = await api.post('/v1/tenants', { issuer_id: id, display_name: 'Second' });
      expect(reply).toMatchObject({ status: 409, body: adminError('conflict') });
      expect((await api.get(`/v1/tenants/${id}`)).body.display_name).toBe('First');
    });

    it('lists every failing field in one 422, unknown fields included', async () => {
      const reply = await api.post('/v1/tenants', { issuer_id: 'A', display_name: '', enabled: 'yes', color: 'red' });
      expect(reply.status).toBe(422);
      expect(reply.body).toEqual(
        adminError('validation_failed', expect.any(String), [
          { field: 'color', message: 'is not a known field' },
          { field: 'issuer_id', message: 'must be 2-63 characters of a-z, 0-9 and inner hyphens' },
          { field: 'display_name', message: 'must be 1-200 characters long' },
          { field: 'enabled', message: 'must be a boolean' },
        ]),
      );
    });

    it.each([
      ['a', 'too short'],
      ['x'.repeat(64), 'too long'],
      ['-abc', 'leading hyphen'],
      ['abc-', 'trailing hyphen'],
      ['Acme', 'upper case'],
      ['ac_me', 'underscore'],
      ['ac.me', 'dot'],
    ])('refuses issuer_id %j (%s)', async (issuerId) => {
      const reply = await api.post('/v1/tenants', { issuer_id: issuerId });
      expect(reply.status).toBe(422);
      expect(reply.body.details).toEqual([{ field: 'issuer_id', message: expect.any(String) }]);
    });

    it.each(['v1', 'docs', 'healthz', 'readyz', 'metrics', 'openapi', 'assets'])('refuses the reserved name %j', async (name) => {
      const reply = await api.post('/v1/tenants', { issuer_id: name });
      expect(reply.status).toBe(422);
      expect(reply.body.details).toEqual([{ field: 'issuer_id', message: 'is a reserved name' }]);
    });

    it('accepts the longest and shortest valid issuer_id', async () => {
      const long = `a${randomIssuerId().replace('-', '')}`.padEnd(63, '0');
      expect((await api.post('/v1/tenants', { issuer_id: long })).status).toBe(201);
      const short = randomIssuerId().slice(-2);
      expect([201, 409]).toContain((await api.post('/v1/tenants', { issuer_id: short })).status);
    });

    it('answers 422 when the body is not an object', async () => {
      const reply = await api.post('/v1/tenants', []);
      expect(reply.status).toBe(422);
    });
  });

  describe('GET /v1/tenants/{issuer_id}', () => {
    it('answers 404 for an unknown tenant', async () => {
      const reply = await api.get(`/v1/tenants/${randomIssuerId()}`);
      expect(reply).toMatchObject({ status: 404, body: adminError('not_found') });
    });
  });

  describe('PATCH /v1/tenants/{issuer_id}', () => {
    it('changes only the fields given', async () => {
      const id = randomIssuerId();
      await api.post('/v1/tenants', { issuer_id: id, display_name: 'Before' });
      const disabled = await api.patch(`/v1/tenants/${id}`, { enabled: false });
      expect(disabled).toMatchObject({ status: 200, body: tenantBody(id, 'Before', false) });
      const renamed = await api.patch(`/v1/tenants/${id}`, { display_name: 'After' });
      expect(renamed.body).toEqual(tenantBody(id, 'After', false));
      expect(Date.parse(renamed.body.updated_at)).toBeGreaterThanOrEqual(Date.parse(renamed.body.created_at));
    });

    it('refuses to change issuer_id and keeps the tenant as it was', async () => {
      const id = randomIssuerId();
      await api.post('/v1/tenants', { issuer_id: id, display_name: 'Kept' });
      const reply = await api.patch(`/v1/tenants/${id}`, { issuer_id: 'other', display_name: 42 });
      expect(reply.status).toBe(422);
      expect(reply.body.details.map((d: { field: string }) => d.field)).toEqual(['issuer_id', 'display_name']);
      expect((await api.get(`/v1/tenants/${id}`)).body.display_name).toBe('Kept');
    });

    it('sets sign_in_policy.link_verified_email alone, keeping the rest of the policy, and refuses a non-boolean', async () => {
      const id = randomIssuerId();
      await api.post('/v1/tenants', { issuer_id: id, sign_in_policy: { second_factor: 'when_asked' } });
      const on = await api.patch(`/v1/tenants/${id}`, { sign_in_policy: { link_verified_email: true } });
      expect(on.body.sign_in_policy).toMatchObject({ second_factor: 'when_asked', link_verified_email: true });
      const refused = await api.patch(`/v1/tenants/${id}`, { sign_in_policy: { link_verified_email: 'yes' } });
      expect(refused).toMatchObject({ status: 422, body: { details: [{ field: 'sign_in_policy.link_verified_email' }] } });
      expect((await api.get(`/v1/tenants/${id}`)).body.sign_in_policy.link_verified_email).toBe(true);
    });

    it('answers 404 for an unknown tenant', async () => {
      expect((await api.patch(`/v1/tenants/${randomIssuerId()}`, { enabled: false })).status).toBe(404);
    });
  });

  describe('DELETE /v1/tenants/{issuer_id}', () => {
    it('deletes (204), then answers 404', async () => {
      const id = randomIssuerId();
      await api.post('/v1/tenants', { issuer_id: id });
      const first = await api.delete(`/v1/tenants/${id}`);
      expect(first.status).toBe(204);
      expect(first.body).toBeUndefined();
      expect((await api.delete(`/v1/tenants/${id}`)).status).toBe(404);
      expect((await api.get(`/v1/tenants/${id}`)).status).toBe(404);
    });
  });

  describe('GET /v1/tenants', () => {
    it('walks every page in issuer_id order, each tenant exactly once', async () => {
      const prefix = randomIssuerId('page');
      const ids = Array.from({ length: 7 }, (_, i) => `${prefix}-${i}`);
      for (const id of [...ids].reverse()) await api.post('/v1/tenants', { issuer_id: id });

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : '?limit=3';
        const reply = await api.get(`/v1/tenants${query}`);
        expect(reply.status).toBe(200);
        expect(reply.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...reply.body.items.map((t: { issuer_id: string }) => t.issuer_id));
        cursor = reply.body.next_cursor;
        pages++;
      } while (cursor && pages < 1000);

      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => id.startsWith(prefix))).toEqual(ids);
    });

    it('ends with next_cursor null', async () => {
      const reply = await api.get('/v1/tenants?limit=200');
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ items: expect.any(Array), next_cursor: reply.body.items.length < 200 ? null : expect.any(String) });
    });

    it('filters by enabled', async () => {
      const id = randomIssuerId();
      await api.post('/v1/tenants', { issuer_id: id, enabled: false });
      const disabled = await api.get('/v1/tenants?enabled=false&limit=200');
      expect(disabled.body.items.every((t: { enabled: boolean }) => !t.enabled)).toBe(true);
      expect(disabled.body.items.map((t: { issuer_id: string }) => t.issuer_id)).toContain(id);
    });

    it.each([
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=ten', 'limit'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?enabled=maybe', 'enabled'],
      ['?color=red', 'color'],
    ])('answers 422 naming the field for %s', async (query, field) => {
      const reply = await api.get(`/v1/tenants${query}`);
      expect(reply.status).toBe(422);
      expect(reply.body.details).toEqual([{ field, message: expect.any(String) }]);
    });
  });
});
