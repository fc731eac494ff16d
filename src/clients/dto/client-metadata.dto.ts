import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';

export const GRANT_TYPES = ['authorization_code', 'implicit', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'] as const;
import { ACR_LEVELS, CLIENT_AUTH_METHODS as AUTH_METHODS } from '../../common/protocol.js';

/**
 * RFC 7591 client metadata, with the wire names. Shapes are checked here; what the values
 * mean (URIs, combinations, algorithms) is checked by the issuer's oidc-provider. `null`
 * in an update removes the value.
 */
export class ClientMetadataDto {
  @ApiPropertyOptional({ example: 'Billing service', maxLength: 200 })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @Length(1, 200, { message: '$property must be 1-200 characters long' })
  client_name?: string;

  @ApiPropertyOptional({ type: [String], example: ['https://app.example.com/callback'] })
  @IsOptional()
  @IsArray({ message: '$property must be an array of URIs' })
  @IsString({ each: true, message: '$property must be an array of URIs' })
  redirect_uris?: string[];

  @ApiPropertyOptional({ type: [String], example: ['https://app.example.com/'] })
  @IsOptional()
  @IsArray({ message: '$property must be an array of URIs' })
  @IsString({ each: true, message: '$property must be an array of URIs' })
  post_logout_redirect_uris?: string[];

  @ApiPropertyOptional({
    example: 'https://app.example.com/backchannel-logout',
    description:
      'OpenID Connect Back-Channel Logout 1.0: where the issuer POSTs a logout token when a session this client took part in ends ' +
      '(RP-initiated logout, or an admin ending the session). An absolute http(s) URI without a fragment; https in production; ' +
      'not on a loopback or private address unless CLIENT_URIS_ALLOW_PRIVATE.',
  })
  @IsOptional()
  @IsString({ message: '$property must be a URI' })
  backchannel_logout_uri?: string;

  @ApiPropertyOptional({
    default: false,
    example: true,
    description: 'With a backchannel_logout_uri: whether logout tokens, and then ID tokens, carry the session id `sid`. Default: false.',
  })
  @IsOptional()
  @IsBoolean({ message: '$property must be a boolean' })
  backchannel_logout_session_required?: boolean;

  @ApiPropertyOptional({ enum: GRANT_TYPES, isArray: true, example: ['client_credentials'], description: 'Default: authorization_code.' })
  @IsOptional()
  @IsArray({ message: '$property must be an array' })
  @IsIn(GRANT_TYPES, { each: true, message: `$property must contain only ${GRANT_TYPES.join(', ')}` })
  grant_types?: string[];

  @ApiPropertyOptional({ type: [String], example: ['code'], description: 'Default: code (none for a client_credentials-only client).' })
  @IsOptional()
  @IsArray({ message: '$property must be an array' })
  @IsString({ each: true, message: '$property must be an array of strings' })
  response_types?: string[];

  @ApiPropertyOptional({ enum: AUTH_METHODS, example: 'client_secret_basic', description: 'Default: client_secret_basic.' })
  @IsOptional()
  @IsIn(AUTH_METHODS, { message: `$property must be one of ${AUTH_METHODS.join(', ')}` })
  token_endpoint_auth_method?: string;

  @ApiPropertyOptional({ example: 'HS256', description: 'For client_secret_jwt / private_key_jwt.' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  token_endpoint_auth_signing_alg?: string;

  @ApiPropertyOptional({ example: 'openid profile email', description: 'Space-separated scopes the client may ask for.' })
  @IsOptional()
  @IsString({ message: '$property must be a space-separated string' })
  @MaxLength(2000)
  scope?: string;

  @ApiPropertyOptional({ description: "The client's public keys (private_key_jwt), as a JWK Set.", example: { keys: [] } })
  @IsOptional()
  @IsObject({ message: '$property must be a JWK Set object' })
  jwks?: { keys: unknown[] };

  @ApiPropertyOptional({ example: 'https://app.example.com/jwks.json' })
  @IsOptional()
  @IsString({ message: '$property must be a URI' })
  jwks_uri?: string;

  @ApiPropertyOptional({ enum: ['web', 'native'], default: 'web', example: 'web' })
  @IsOptional()
  @IsIn(['web', 'native'], { message: '$property must be web or native' })
  application_type?: string;

  @ApiPropertyOptional({ type: [String], example: ['ops@example.com'] })
  @IsOptional()
  @IsArray({ message: '$property must be an array of strings' })
  @IsString({ each: true, message: '$property must be an array of strings' })
  contacts?: string[];

  @ApiPropertyOptional({ example: 'https://app.example.com' })
  @IsOptional()
  @IsString({ message: '$property must be a URI' })
  client_uri?: string;

  @ApiPropertyOptional({ example: 'https://app.example.com/logo.png' })
  @IsOptional()
  @IsString({ message: '$property must be a URI' })
  logo_uri?: string;

  @ApiPropertyOptional({ example: 'https://app.example.com/privacy' })
  @IsOptional()
  @IsString({ message: '$property must be a URI' })
  policy_uri?: string;

  @ApiPropertyOptional({ example: 'https://app.example.com/terms' })
  @IsOptional()
  @IsString({ message: '$property must be a URI' })
  tos_uri?: string;

  // The other members oidc-provider takes at this issuer, so a client that registered itself
  // (RFC 7591) with them can be read, changed, exported and imported like any other.

  @ApiPropertyOptional({ example: 'https://app.example.com/login', description: 'OpenID Connect Registration: where a third party starts a sign-in (https).' })
  @IsOptional()
  @IsString({ message: '$property must be a URI' })
  initiate_login_uri?: string;

  @ApiPropertyOptional({
    example: 'https://app.example.com/redirect_uris.json',
    description: 'OpenID Connect Registration: an https JSON array listing every redirect URI, fetched and checked when the metadata is written.',
  })
  @IsOptional()
  @IsString({ message: '$property must be a URI' })
  sector_identifier_uri?: string;

  @ApiPropertyOptional({ enum: ['public'], example: 'public', description: 'Only public subject identifiers are offered.' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  subject_type?: string;

  @ApiPropertyOptional({ type: [String], enum: ACR_LEVELS, example: ['urn:portcullis:acr:mfa'] })
  @IsOptional()
  @IsArray({ message: '$property must be an array of strings' })
  @IsString({ each: true, message: '$property must be an array of strings' })
  default_acr_values?: string[];

  @ApiPropertyOptional({ example: 'RS256', description: 'Signed userinfo responses (JWT) with this algorithm.' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  userinfo_signed_response_alg?: string;

  @ApiPropertyOptional({ example: 'RS256', description: 'The algorithm the client signs request objects with.' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  request_object_signing_alg?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean({ message: '$property must be a boolean' })
  require_signed_request_object?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean({ message: '$property must be a boolean' })
  require_pushed_authorization_requests?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean({ message: '$property must be a boolean' })
  dpop_bound_access_tokens?: boolean;

  @ApiPropertyOptional({ example: 'RS256', description: "Default: the tenant's signing_alg." })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  id_token_signed_response_alg?: string;

  @ApiPropertyOptional({ example: 3600 })
  @IsOptional()
  @IsInt({ message: '$property must be a non-negative integer' })
  @Min(0, { message: '$property must be a non-negative integer' })
  default_max_age?: number;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean({ message: '$property must be a boolean' })
  require_auth_time?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['https://api.example.com'],
    description:
      'Portcullis extension: the resource indicators (RFC 8707) this client may ask access tokens for; tokens for them are RFC 9068 JWTs with that audience.',
  })
  @IsOptional()
  @IsArray({ message: '$property must be an array of URIs' })
  @IsString({ each: true, message: '$property must be an array of URIs' })
  allowed_resources?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['https://api.example.com'],
    description:
      'Portcullis extension: the audiences this client serves as a resource server. It may introspect access tokens issued to other clients ' +
      'for one of them (an opaque access token requested without a `resource` has the issuer as its audience); without this, a client ' +
      'introspects only tokens issued to itself. Not for public clients.',
  })
  @IsOptional()
  @IsArray({ message: '$property must be an array of URIs' })
  @IsString({ each: true, message: '$property must be an array of URIs' })
  resource_server_audiences?: string[];

  @ApiPropertyOptional({
    enum: ['opaque', 'jwt'],
    default: 'opaque',
    example: 'opaque',
    description: 'Portcullis extension: format of access tokens issued to this client without a `resource` (with one they are RFC 9068 JWTs).',
  })
  @IsOptional()
  @IsIn(['opaque', 'jwt'], { message: '$property must be opaque or jwt' })
  access_token_format?: string;

  @ApiPropertyOptional({
    default: false,
    example: true,
    description:
      "Portcullis extension: require PKCE (S256) on this confidential client's authorization requests (RFC 9700 §2.1.1). " +
      'Public clients (token_endpoint_auth_method none) always need PKCE, and so does every client of a tenant with require_pkce_for_all_clients.',
  })
  @IsOptional()
  @IsBoolean({ message: '$property must be a boolean' })
  require_pkce?: boolean;

  @ApiPropertyOptional({
    enum: ACR_LEVELS,
    example: 'urn:portcullis:acr:mfa',
    description:
      'Portcullis extension: the weakest sign-in this client accepts. A user signing in below it presents another factor (or enrolls one); ' +
      'one who cannot gets `unmet_authentication_requirements`, and a session below it steps up. Levels, weakest first: ' +
      '`urn:portcullis:acr:password` (a password), `urn:portcullis:acr:mfa` (two factors), `phr` (a passkey or security key).',
  })
  @IsOptional()
  @IsIn(ACR_LEVELS, { message: `$property must be one of ${ACR_LEVELS.join(', ')}` })
  minimum_acr?: string;
}
