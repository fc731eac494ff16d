import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { RESPONSE_TYPES } from '../../oidc/provider-options.js';

/**
 * Seed 001's authorization request parameters and the others Portcullis takes, as query
 * parameters (GET) or a form body (POST). Only client_id is always required: with a pushed
 * request (request_uri) or a request object (request) the others travel inside it.
 */
@ApiSchema({ name: 'AuthorizationRequest' })
export class AuthorizationRequestDto {
  // `required` said outright: PushedAuthorizationRequest merges this into an optional client_id.
  @ApiProperty({ required: true, example: 's6BhdRkqt3', description: 'The client identifier issued at registration.' })
  client_id: string;

  @ApiPropertyOptional({
    enum: RESPONSE_TYPES,
    description:
      "Required (outside request_uri or request). 'code' for the authorization code flow, 'id_token' and 'id_token token' for the implicit flow, " +
      "'code id_token', 'code token' and 'code id_token token' for the hybrid flow; all but 'code' need a client (and tenant) with the implicit grant.",
  })
  response_type?: string;

  @ApiPropertyOptional({
    format: 'uri',
    example: 'https://rp.example.com/cb',
    description: 'Required (outside request_uri or request). Exactly one of the redirect URIs the client registered.',
  })
  redirect_uri?: string;

  @ApiPropertyOptional({
    example: 'openid profile email',
    description:
      "Required (outside request_uri or request). Space-delimited scopes; 'openid' for an OpenID Connect request, then profile, email, address, phone, offline_access.",
  })
  scope?: string;

  @ApiPropertyOptional({ description: 'Returned unchanged with the response; recommended against CSRF.' })
  state?: string;

  @ApiPropertyOptional({ description: 'Bound into the ID token; required by the implicit and hybrid flows.' })
  nonce?: string;

  @ApiPropertyOptional({
    enum: ['query', 'fragment', 'form_post'],
    description: "How the response reaches redirect_uri; the default is 'query' for 'code', 'fragment' otherwise.",
  })
  response_mode?: string;

  @ApiPropertyOptional({
    example: 'login',
    description: "Space-delimited: 'none' (no page: login_required or consent_required instead), 'login', 'consent'. Seed 001's select_account is not offered.",
  })
  prompt?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'Seconds since the user last signed in beyond which she signs in again.' })
  max_age?: number;

  @ApiPropertyOptional({ description: 'A hint of the user (her username), pre-filled on the sign-in page.' })
  login_hint?: string;

  @ApiPropertyOptional({ description: 'An ID token the issuer gave earlier, naming the user expected.' })
  id_token_hint?: string;

  @ApiPropertyOptional({ example: 'urn:portcullis:acr:password', description: 'Requested authentication context classes, space-delimited.' })
  acr_values?: string;

  @ApiPropertyOptional({ description: 'Preferred languages of the pages, space-delimited BCP 47 tags.' })
  ui_locales?: string;

  @ApiPropertyOptional({ description: 'OpenID Connect Core §5.5: the claims wanted in the ID token and at userinfo, as JSON.' })
  claims?: string;

  @ApiPropertyOptional({
    description:
      'PKCE (RFC 7636): the base64url SHA-256 of the code verifier. Required of public clients, and of confidential ones registered with ' +
      'require_pkce or at a tenant with require_pkce_for_all_clients; a code issued with it is redeemed only with its verifier.',
  })
  code_challenge?: string;

  @ApiPropertyOptional({ enum: ['S256'], description: "Only S256: seed 001's 'plain' is refused (RFC 9700 §2.1.1)." })
  code_challenge_method?: string;

  @ApiPropertyOptional({ description: 'A request object (RFC 9101): the parameters as a JWT, signed or not.' })
  request?: string;

  @ApiPropertyOptional({
    example: 'urn:ietf:params:oauth:request_uri:08zqvtj1hcnEpsCSFYOH-eZceO3WYNCR_BY9MqslK1V',
    description: 'A request pushed to the PAR endpoint (RFC 9126); other parameters then come from it.',
  })
  request_uri?: string;

  @ApiPropertyOptional({ format: 'uri', description: 'RFC 8707 resource indicator: the API the access token is for.' })
  resource?: string;

  @ApiPropertyOptional({ description: 'RFC 9449 §10: thumbprint of the DPoP key the code is bound to.' })
  dpop_jkt?: string;
}

/**
 * What the client receives at its redirect_uri on success: in the query (response_mode
 * query), the fragment (fragment) or the body the form_post page posts. Which members come
 * depends on the response type: code; id_token; id_token, access_token; code, id_token;
 * code, access_token; code, id_token, access_token. Every value is a string.
 */
@ApiSchema({ name: 'AuthorizationResponse' })
export class AuthorizationResponseDto {
  @ApiPropertyOptional({ description: "Response types with 'code'." }) code?: string;
  @ApiPropertyOptional({ description: "Response types with 'id_token'." }) id_token?: string;
  @ApiPropertyOptional({ description: "Response types with 'token'." }) access_token?: string;
  @ApiPropertyOptional({ enum: ['Bearer'], description: 'With access_token.' }) token_type?: string;
  @ApiPropertyOptional({ pattern: '^[0-9]+$', example: '3600', description: 'With access_token: its lifetime in seconds.' }) expires_in?: string;
  @ApiPropertyOptional({ description: 'With access_token: the scopes granted.' }) scope?: string;
  @ApiPropertyOptional({ description: 'The state of the request, unchanged.' }) state?: string;
  @ApiPropertyOptional({
    format: 'uri',
    description: 'The issuer (RFC 9207), in responses that carry no ID token; clients check it against the issuer they sent the user to.',
  })
  iss?: string;
}

/** RFC 6749 §4.1.2.1: an error sent back to the client's redirect_uri, in the response mode requested. */
@ApiSchema({ name: 'AuthorizationErrorResponse' })
export class AuthorizationErrorResponseDto {
  @ApiProperty({
    example: 'login_required',
    description:
      'RFC 6749 §4.1.2.1 and OpenID Connect Core §3.1.2.6 codes: invalid_request, unauthorized_client, access_denied, unsupported_response_type, invalid_scope, login_required, consent_required, interaction_required, …',
  })
  error: string;

  @ApiPropertyOptional() error_description?: string;
  @ApiPropertyOptional({ description: 'The state of the request, unchanged.' }) state?: string;
  @ApiPropertyOptional({ format: 'uri', description: 'The issuer (RFC 9207).' }) iss?: string;
}
