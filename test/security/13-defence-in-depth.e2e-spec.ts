import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminApi, adminError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { query } from '../helpers/db.js';
import { fakeServer, sendJson, type FakeServer } from '../helpers/fake-issuer.js';
import { createClient, createTenant, discover, oauthErrorOf, oidc } from '../helpers/rp.js';

const REDIRECT = 'https://rp.example.com/cb';

/** A client-side ES256 key pair: the public JWK to publish, the private key to sign client assertions. */
async function clientKey(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  return { jwk: { ...(await exportJWK(publicKey)), alg: 'ES256', use: 'sig', kid }, privateKey };
}

describe('finding 13: defence in depth (client URIs, redirect URIs, introspection)', () => {
  let strict: RunningApp; // the default policy, test mode
  let open: RunningApp; // CLIENT_URIS_ALLOW_PRIVATE=true
  let production: RunningApp;
  let jwksServer: FakeServer;
  let served: { keys: unknown[] } = { keys: [] };

  beforeAll(async () => {
    strict = await startApp();
    open = await startApp({ CLIENT_URIS_ALLOW_PRIVATE: 'true' });
    // ALLOW_INSECURE_PUBLIC_URL: the test serves plain http on loopback, as production never should.
    production = await startApp({ NODE_ENV: 'production', ALLOW_INSECURE_PUBLIC_URL: 'true' });
    jwksServer = await fakeServer((_req, res) => sendJson(res, served));
  });
  afterAll(async () => {
    await jwksServer?.close();
    await Promise.all([strict?.close(), open?.close(), production?.close()]);
  });

  describe('a client jwks_uri never reaches a private address unless CLIENT_URIS_ALLOW_PRIVATE', () => {
    const machine = (jwksUri: string) => ({ grant_types: ['client_credentials'], token_endpoint_auth_method: 'private_key_jwt', jwks_uri: jwksUri });

    it.each([
      ['loopback', () => `http://127.0.0.1:${jwksServer.port}/jwks`],
      ['localhost', () => `https://localhost:${jwksServer.port}/jwks`],
      ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data'],
      ['a private network', () => 'https://10.0.0.7/jwks'],
      ['IPv6 loopback', () => 'https://[::1]/jwks'],
      ['IPv4-mapped loopback', () => 'https://[::ffff:127.0.0.1]/jwks'],
      ['IPv4-compatible loopback', () => 'https://[::127.0.0.1]/jwks'],
    ])('refuses %s at registration and on update with a 422 naming jwks_uri', async (_name, uri) => {
      const { issuerId } = await createTenant(strict.url);
      const api = adminApi(strict.url);
      const created = await api.post(`/v1/tenants/${issuerId}/clients`, machine(uri()));
      expect(created).toMatchObject({
        status: 422,
        body: adminError('validation_failed', expect.any(String), [{ field: 'jwks_uri', message: expect.stringMatching(/public address|loopback/) }]),
      });
      const { jwk } = await clientKey('k');
      const { clientId } = await createClient(strict.url, issuerId, {
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [jwk] },
      });
      const updated = await api.patch(`/v1/tenants/${issuerId}/clients/${clientId}`, { jwks: null, jwks_uri: uri() });
      expect(updated).toMatchObject({ status: 422, body: { details: [{ field: 'jwks_uri' }] } });
      expect(jwksServer.requests).toEqual([]);
    });

    it('does not fetch a private jwks_uri stored before the rule, whatever it resolves to now', async () => {
      const { issuerId, issuer } = await createTenant(strict.url);
      const { jwk, privateKey } = await clientKey('legacy');
      const { clientId } = await createClient(strict.url, issuerId, {
        grant_types: ['client_credentials'],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [jwk] },
      });
      // As a row written before registration judged jwks_uri (or by a name whose DNS answer changed).
      served = { keys: [jwk] };
      await query(
        inject('databaseUrl'),
        `UPDATE clients SET metadata = (metadata - 'jwks') || jsonb_build_object('jwks_uri', $3::text) WHERE tenant_id = $1 AND client_id = $2`,
        [issuerId, clientId, `http://127.0.0.1:${jwksServer.port}/jwks`],
      );
      const config = await discover(issuer, clientId, oidc.PrivateKeyJwt({ key: privateKey, kid: 'legacy' }));
      expect(await oauthErrorOf(oidc.clientCredentialsGrant(config))).toMatchObject({ error: 'invalid_client' });
      expect(jwksServer.requests).toEqual([]);
    });

    it('with CLIENT_URIS_ALLOW_PRIVATE=true, registers and uses a loopback jwks_uri', async () => {
      const { issuerId, issuer } = await createTenant(open.url);
      const { jwk, privateKey } = await clientKey('local');
      served = { keys: [jwk] };
      const { clientId } = await createClient(open.url, issuerId, machine(`http://127.0.0.1:${jwksServer.port}/jwks`));
      const config = await discover(issuer, clientId, oidc.PrivateKeyJwt({ key: privateKey, kid: 'local' }));
      expect((await oidc.clientCredentialsGrant(config)).access_token).toEqual(expect.any(String));
      expect(jwksServer.requests).toEqual(['GET /jwks']);
      // Embedding forms stay refused even then.
      const embedded = await adminApi(open.url).post(`/v1/tenants/${issuerId}/clients`, machine('https://[64:ff9b::7f00:1]/jwks'));
      expect(embedded).toMatchObject({ status: 422, body: { details: [{ field: 'jwks_uri' }] } });
    });
  });

  describe('redirect URIs: no whitespace or userinfo anywhere, https only for web clients in production', () => {
    it.each([
      [{ redirect_uris: [` ${REDIRECT}`] }, 'redirect_uris[0]', /whitespace/],
      [{ redirect_uris: [REDIRECT, `${REDIRECT}\t`] }, 'redirect_uris[1]', /whitespace/],
      [{ redirect_uris: ['https://user@rp.example.com/cb'] }, 'redirect_uris[0]', /user name or password/],
      [{ redirect_uris: ['https://user:secret@rp.example.com/cb'] }, 'redirect_uris[0]', /user name or password/],
      [{ redirect_uris: ['https://@rp.example.com/cb'] }, 'redirect_uris[0]', /user name or password/],
      [
        { redirect_uris: [REDIRECT], post_logout_redirect_uris: ['https://rp.example.com@evil.example/'] },
        'post_logout_redirect_uris[0]',
        /user name or password/,
      ],
      [{ redirect_uris: [REDIRECT], post_logout_redirect_uris: [' https://rp.example.com/'] }, 'post_logout_redirect_uris[0]', /whitespace/],
    ])('refuses %j in every mode with a 422 naming the field', async (metadata, field, message) => {
      for (const app of [strict, production]) {
        const { issuerId } = await createTenant(app.url);
        const reply = await adminApi(app.url).post(`/v1/tenants/${issuerId}/clients`, metadata);
        expect(reply).toMatchObject({
          status: 422,
          body: adminError('validation_failed', expect.any(String), [{ field, message: expect.stringMatching(message) }]),
        });
      }
    });

    it('in production, a web client registers https only; a native client keeps loopback http and private-use schemes', async () => {
      const { issuerId } = await createTenant(production.url);
      const api = adminApi(production.url);
      const clients = `/v1/tenants/${issuerId}/clients`;
      expect(await api.post(clients, { redirect_uris: ['http://rp.example.com/cb'] })).toMatchObject({
        status: 422,
        body: { details: [{ field: 'redirect_uris[0]', message: expect.stringMatching(/https/) }] },
      });
      expect(
        await api.post(clients, { application_type: 'web', redirect_uris: [REDIRECT], post_logout_redirect_uris: ['http://rp.example.com/'] }),
      ).toMatchObject({ status: 422, body: { details: [{ field: 'post_logout_redirect_uris[0]' }] } });
      expect((await api.post(clients, { redirect_uris: [REDIRECT], post_logout_redirect_uris: ['https://rp.example.com/'] })).status).toBe(201);
      const native = { application_type: 'native', token_endpoint_auth_method: 'none' };
      expect((await api.post(clients, { ...native, redirect_uris: ['http://127.0.0.1:8400/cb'] })).status).toBe(201);
      expect((await api.post(clients, { ...native, redirect_uris: ['com.example.app:/cb'] })).status).toBe(201);
      const web = await api.post(clients, { redirect_uris: [REDIRECT] });
      expect(web.status).toBe(201);
      expect(await api.patch(`${clients}/${web.body.client_id}`, { redirect_uris: ['http://rp.example.com/cb'] })).toMatchObject({ status: 422 });
    });

    it('outside production, http redirect URIs stay allowed for web clients', async () => {
      const { issuerId } = await createTenant(strict.url);
      expect((await adminApi(strict.url).post(`/v1/tenants/${issuerId}/clients`, { redirect_uris: ['http://rp.example.com/cb'] })).status).toBe(201);
    });
  });

  describe('introspection: own tokens, or as a registered resource server of the token audience', () => {
    let issuerId: string;
    let issuer: string;

    beforeAll(async () => {
      ({ issuerId, issuer } = await createTenant(strict.url));
    });

    async function machine(extra: Record<string, unknown> = {}) {
      const { clientId, clientSecret } = await createClient(strict.url, issuerId, { grant_types: ['client_credentials'], ...extra });
      return { clientId, config: await discover(issuer, clientId, oidc.ClientSecretBasic(clientSecret)) };
    }

    it('the owner sees its token; another confidential client does not, unless it serves the token audience', async () => {
      const owner = await machine();
      const bystander = await machine();
      const apiServer = await machine({ resource_server_audiences: ['https://api.example.com'] });
      const issuerServer = await machine({ resource_server_audiences: [issuer] });
      const { access_token } = await oidc.clientCredentialsGrant(owner.config);

      expect(await oidc.tokenIntrospection(owner.config, access_token)).toMatchObject({ active: true, client_id: owner.clientId });
      expect(await oidc.tokenIntrospection(bystander.config, access_token)).toEqual({ active: false });
      // An opaque token requested without a resource has the issuer as its audience.
      expect(await oidc.tokenIntrospection(apiServer.config, access_token)).toEqual({ active: false });
      expect(await oidc.tokenIntrospection(issuerServer.config, access_token)).toMatchObject({ active: true, client_id: owner.clientId });
    });

    it('a public client cannot be registered as a resource server', async () => {
      const reply = await adminApi(strict.url).post(`/v1/tenants/${issuerId}/clients`, {
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'none',
        resource_server_audiences: [issuer],
      });
      expect(reply).toMatchObject({ status: 422, body: { details: [{ field: 'resource_server_audiences' }] } });
      const bad = await adminApi(strict.url).post(`/v1/tenants/${issuerId}/clients`, {
        grant_types: ['client_credentials'],
        resource_server_audiences: ['not a uri'],
      });
      expect(bad).toMatchObject({ status: 422, body: { details: [{ field: 'resource_server_audiences' }] } });
    });
  });
});
