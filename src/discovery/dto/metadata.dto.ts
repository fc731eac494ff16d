import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CLIENT_AUTH_METHODS, ACR_LEVELS, SIGNING_ALGS } from '../../common/protocol.js';

const list = (example: readonly string[], description?: string) => ApiPropertyOptional({ type: [String], example, description });

/** RFC 8414 §2 members Portcullis publishes, and the OpenID Connect Discovery ones it publishes beside them. */
@ApiSchema({ name: 'OAuth2Metadata' })
export class OAuth2MetadataDto {
  @ApiProperty({ example: 'https://id.example.com/acme', description: 'PUBLIC_URL/{issuer_id}, exactly.' }) issuer: string;
  @ApiProperty({ example: 'https://id.example.com/acme/authorize' }) authorization_endpoint: string;
  @ApiProperty({ example: 'https://id.example.com/acme/token' }) token_endpoint: string;
  @ApiProperty({ example: 'https://id.example.com/acme/jwks.json' }) jwks_uri: string;
  @ApiProperty({ type: [String], example: ['code', 'id_token', 'id_token token', 'code id_token', 'code token', 'code id_token token'] })
  response_types_supported: string[];
  @list(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']) scopes_supported?: string[];
  @list(['query', 'fragment', 'form_post']) response_modes_supported?: string[];
  @list(['authorization_code', 'implicit', 'client_credentials', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'])
  grant_types_supported?: string[];
  @list(CLIENT_AUTH_METHODS) token_endpoint_auth_methods_supported?: string[];
  @list(['HS256', 'RS256', 'PS256', 'ES256', 'EdDSA']) token_endpoint_auth_signing_alg_values_supported?: string[];
  @ApiPropertyOptional({ example: 'https://id.example.com/docs' }) service_documentation?: string;
  @ApiPropertyOptional({ example: 'https://id.example.com/acme/revoke' }) revocation_endpoint?: string;
  @ApiPropertyOptional({
    example: 'https://id.example.com/acme/register',
    description: 'RFC 7591 dynamic client registration: only at an issuer whose `registration` option is not `off`.',
  })
  registration_endpoint?: string;
  @list(CLIENT_AUTH_METHODS) revocation_endpoint_auth_methods_supported?: string[];
  @ApiPropertyOptional({ example: 'https://id.example.com/acme/introspect' }) introspection_endpoint?: string;
  @list(CLIENT_AUTH_METHODS) introspection_endpoint_auth_methods_supported?: string[];
  @list(['S256'], 'PKCE: S256 only (plain is refused).') code_challenge_methods_supported?: string[];
  @ApiPropertyOptional({ example: 'https://id.example.com/acme/par' }) pushed_authorization_request_endpoint?: string;
  @ApiPropertyOptional({ example: false }) require_pushed_authorization_requests?: boolean;
  @ApiPropertyOptional({ example: 'https://id.example.com/acme/device_authorization' }) device_authorization_endpoint?: string;
  @ApiPropertyOptional({ example: true }) authorization_response_iss_parameter_supported?: boolean;
  @list(['ES256', 'Ed25519', 'EdDSA'], 'DPoP proofs (RFC 9449).') dpop_signing_alg_values_supported?: string[];

  // The OpenID Connect members: Portcullis serves one document at both URLs, so they are here too.
  @list(['public']) subject_types_supported?: string[];
  @list(['RS256'], "The tenant's signing algorithm.") id_token_signing_alg_values_supported?: string[];
  @ApiPropertyOptional({ example: 'https://id.example.com/acme/userinfo' }) userinfo_endpoint?: string;
  @ApiPropertyOptional({ example: 'https://id.example.com/acme/end-session' }) end_session_endpoint?: string;
  @ApiPropertyOptional({ example: true, description: 'OpenID Connect Back-Channel Logout 1.0.' }) backchannel_logout_supported?: boolean;
  @ApiPropertyOptional({ example: true, description: 'Logout tokens carry sid.' }) backchannel_logout_session_supported?: boolean;
  @list(['sub', 'name', 'email', 'email_verified', 'address', 'phone_number']) claims_supported?: string[];
  @ApiPropertyOptional({ example: true }) claims_parameter_supported?: boolean;
  @list(['none', 'login', 'consent', 'enroll'], '`enroll` sends a signed-in user to add a passkey, security key or authenticator app.')
  prompt_values_supported?: string[];
  @ApiPropertyOptional({ example: true }) request_parameter_supported?: boolean;
  @ApiPropertyOptional({ example: false }) request_uri_parameter_supported?: boolean;
  @list(['HS256', 'RS256', 'ES256', 'EdDSA']) request_object_signing_alg_values_supported?: string[];
  @list(SIGNING_ALGS) userinfo_signing_alg_values_supported?: string[];
  @list([...ACR_LEVELS]) acr_values_supported?: string[];
  @list(['normal']) claim_types_supported?: string[];
}

/** OpenID Connect Discovery 1.0 §3: the same members, two more of them required. */
@ApiSchema({ name: 'OpenIDConfiguration' })
export class OpenIdConfigurationDto extends OAuth2MetadataDto {
  // `required` said outright: the decorator merges into the optional member it overrides.
  @ApiProperty({ required: true, type: [String], example: ['public'] }) override subject_types_supported: string[];
  @ApiProperty({ required: true, type: [String], example: ['RS256'], description: "The tenant's signing algorithm." })
  override id_token_signing_alg_values_supported: string[];
}
