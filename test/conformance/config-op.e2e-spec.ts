import { readFile } from 'node:fs/promises';
import { importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createTenant } from '../helpers/rp.js';

/**
 * The members the suite's metadata schema knows (json-schemas/rfc8414/oauth_authorization_server_metadata.json);
 * any other one is a warning (CheckForUnexpectedParametersInServerMetadata).
 */
const SUITE_KNOWN_MEMBERS = new Set(
  `issuer authorization_endpoint token_endpoint jwks_uri registration_endpoint scopes_supported response_types_supported
  response_modes_supported grant_types_supported token_endpoint_auth_methods_supported token_endpoint_auth_signing_alg_values_supported
  service_documentation ui_locales_supported op_policy_uri op_tos_uri revocation_endpoint revocation_endpoint_auth_methods_supported
  revocation_endpoint_auth_signing_alg_values_supported global_token_revocation_endpoint global_token_revocation_endpoint_auth_methods_supported
  introspection_endpoint introspection_endpoint_auth_methods_supported introspection_endpoint_auth_signing_alg_values_supported
  code_challenge_methods_supported userinfo_endpoint end_session_endpoint check_session_iframe subject_types_supported
  id_token_signing_alg_values_supported id_token_encryption_alg_values_supported id_token_encryption_enc_values_supported
  userinfo_signing_alg_values_supported userinfo_encryption_alg_values_supported userinfo_encryption_enc_values_supported
  request_object_signing_alg_values_supported request_object_encryption_alg_values_supported request_object_encryption_enc_values_supported
  display_values_supported claim_types_supported claims_supported claims_locales_supported claims_parameter_supported
  request_parameter_supported request_uri_parameter_supported require_request_uri_registration acr_values_supported
  frontchannel_logout_supported frontchannel_logout_session_supported backchannel_logout_supported backchannel_logout_session_supported
  dpop_signing_alg_values_supported pushed_authorization_request_endpoint require_pushed_authorization_requests
  authorization_details_types_supported authorization_challenge_endpoint backchannel_authentication_endpoint
  backchannel_token_delivery_modes_supported backchannel_authentication_request_signing_alg_values_supported
  backchannel_user_code_parameter_supported authorization_signing_alg_values_supported authorization_encryption_alg_values_supported
  authorization_encryption_enc_values_supported client_attestation_signing_alg_values_supported
  client_attestation_pop_signing_alg_values_supported challenge_endpoint mtls_endpoint_aliases tls_client_certificate_bound_access_tokens
  signed_metadata pre-authorized_grant_anonymous_access_supported authorization_response_iss_parameter_supported
  device_authorization_endpoint require_signed_request_object introspection_signing_alg_values_supported
  introspection_encryption_alg_values_supported introspection_encryption_enc_values_supported prompt_values_supported signed_jwks_uri
  jwks organization_name organization_uri display_name description keywords contacts logo_uri information_uri
  federation_registration_endpoint client_registration_types_supported client_id_metadata_document_supported`.split(/\s+/),
);

/** The OIDC response types (OIDCCCheckDiscEndpointResponseTypesSupported: at least one). */
const OIDC_RESPONSE_TYPES = ['code', 'code id_token', 'id_token', 'token id_token', 'id_token token', 'code id_token token', 'code token'];

/** RFC 6749 §3.3 scope-token: NQCHAR (%x21 / %x23-5B / %x5D-7E). */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * Config OP: oidcc-config-certification-test-plan, its one module. The application runs as it
 * does behind its TLS terminator: PUBLIC_URL is https, and the test stands where the terminator
 * does, reaching the application over loopback http with the path of the public URL. So the
 * module's "every endpoint is https" checks the real document.
 */
describe('oidcc-config-certification-test-plan', () => {
  const PUBLIC_URL = 'https://op.example.test';
  let running: RunningApp;
  /** The discovery URL the suite is given, and the one the terminator forwards it to. */
  let discoveryUrl: string;
  const upstream = (url: string) => url.replace(PUBLIC_URL, running.url);

  beforeAll(async () => {
    running = await startApp({ PUBLIC_URL });
    const { issuer } = await createTenant(running.url, { display_name: 'Conformance' });
    discoveryUrl = `${issuer}/.well-known/openid-configuration`;
  });
  afterAll(() => running?.close());

  it('oidcc-discovery-endpoint-verification', async () => {
    // GetDynamicServerConfiguration, EnsureDiscoveryEndpointResponseStatusCodeIs200, CheckDiscoveryEndpointReturnedJsonContentType.
    const res = await fetch(upstream(discoveryUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json\b/);
    const doc = (await res.json()) as Record<string, any>;

    // OIDCCCheckDiscEndpointResponseTypesSupported (static client).
    expect(doc.response_types_supported.filter((type: string) => OIDC_RESPONSE_TYPES.includes(type)).length).toBeGreaterThan(0);
    // CheckDiscEndpointDiscoveryUrl, CheckDiscEndpointIssuer, CheckDiscEndpointIssuerIsValidUrl (RFC 8414 §2).
    expect(discoveryUrl).toMatch(/^https:\/\/.+\/\.well-known\/openid-configuration$/);
    expect(doc.issuer.replace(/\/$/, '')).toBe(discoveryUrl.replace(/\/\.well-known\/openid-configuration$/, ''));
    const issuer = new URL(doc.issuer);
    expect({ protocol: issuer.protocol, search: issuer.search, hash: issuer.hash }).toEqual({ protocol: 'https:', search: '', hash: '' });

    // ValidateServerMetadataAgainstSchema (here the project's Discovery 1.0 and RFC 8414 schemas).
    const { Ajv } = await import('ajv');
    const formats = (await import('ajv-formats')) as unknown as { default: { default?: (ajv: unknown) => void } & ((ajv: unknown) => void) };
    const ajv = new Ajv({ allErrors: true, strict: false });
    (formats.default.default ?? formats.default)(ajv);
    const load = async (name: string) => JSON.parse(await readFile(new URL(`../schemas/${name}`, import.meta.url), 'utf8'));
    ajv.addSchema(await load('oauth2-metadata.schema.json'));
    const validate = ajv.compile(await load('oidc-discovery.schema.json'));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    // CheckForUnexpectedParametersInServerMetadata (a warning).
    expect(Object.keys(doc).filter((member) => !SUITE_KNOWN_MEMBERS.has(member))).toEqual([]);

    // CheckDiscEndpointSubjectTypesSupported, OIDCCCheckDiscEndpointIdTokenSigningAlgValuesSupported.
    expect(doc.subject_types_supported.some((type: string) => ['public', 'pairwise'].includes(type))).toBe(true);
    expect(doc.id_token_signing_alg_values_supported).toContain('RS256');
    if (doc.userinfo_signing_alg_values_supported !== undefined) expect(doc.userinfo_signing_alg_values_supported).toEqual(expect.any(Array));

    // CheckDiscEndpointAuthorizationEndpoint, ...TokenEndpoint, ...UserinfoEndpoint (a warning when missing), ...RegistrationEndpoint if present.
    for (const member of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint']) expect(doc[member], member).toMatch(/^https:\/\//);
    if (doc.registration_endpoint !== undefined) expect(doc.registration_endpoint).toMatch(/^https:\/\//);

    // CheckJwksUri, FetchServerKeys, ValidateJwksSequence: public keys only, well formed, usable, distinct kids.
    expect(doc.jwks_uri).toMatch(/^https:\/\//);
    const jwks = (await (await fetch(upstream(doc.jwks_uri))).json()) as { keys: JWK[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key.kty).not.toBe('oct');
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']) expect(key, `${key.kid}: private member ${member}`).not.toHaveProperty(member);
      await importJWK(key, key.alg);
    }
    expect(new Set(jwks.keys.map((key) => key.kid)).size).toBe(jwks.keys.length);

    // CheckDiscEndpointRequestParameterSupported, ...RequestUriParameterSupported, ...ClaimsParameterSupported: information only.
    // CheckDiscEndpointRequestObjectSigningAlgValuesSupportedIncludesRS256 (a warning).
    if (doc.request_object_signing_alg_values_supported !== undefined) expect(doc.request_object_signing_alg_values_supported).toContain('RS256');
    // OIDCCCheckDiscEndpointClaimsSupported (a warning), OIDCCCheckDiscEndpointGrantTypesSupported.
    expect(doc.claims_supported).toEqual(expect.arrayContaining(['sub']));
    expect(doc.grant_types_supported.length).toBeGreaterThan(0);
    // CheckDiscEndpointScopesSupportedContainsOpenId, CheckDiscEndpointScopesSupportedSyntax.
    expect(doc.scopes_supported).toContain('openid');
    for (const scope of doc.scopes_supported) expect(scope).toMatch(SCOPE_TOKEN);
    // CheckDiscEndpointLocalesSyntax, CheckDiscEndpointLocalesCanonicalCasing (BCP 47), for the members published.
    for (const member of ['ui_locales_supported', 'claims_locales_supported']) {
      for (const tag of doc[member] ?? []) expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    }
    // CheckDiscEndpointAllEndpointsAreHttps: every *_endpoint member.
    const endpoints = Object.entries(doc).filter(([member]) => member.endsWith('_endpoint'));
    expect(endpoints.length).toBeGreaterThan(5);
    for (const [member, value] of endpoints) expect(value, member).toMatch(/^https:\/\//);
    // EnsureServerConfigurationCodeChallengeMethodsSupportedIsAnArray.
    expect(doc.code_challenge_methods_supported).toEqual(expect.any(Array));
  });
});
