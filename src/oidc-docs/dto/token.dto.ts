import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { DEVICE_CODE } from '../../stores/tenants/tenant.js';
import { ClientAuthenticationDto } from './client-authentication.dto.js';

/** The grants the token endpoint takes: seed 001's three and the device code (RFC 8628). */
export const TOKEN_GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials', DEVICE_CODE];

/** Seed 001's token request, with the device code and resource indicators Portcullis also takes. */
@ApiSchema({ name: 'TokenRequest' })
export class TokenRequestDto extends ClientAuthenticationDto {
  @ApiProperty({ enum: TOKEN_GRANT_TYPES, description: 'The type of grant being presented.' })
  grant_type: string;

  @ApiPropertyOptional({ description: 'authorization_code: the code received from the authorization endpoint.' })
  code?: string;

  @ApiPropertyOptional({ format: 'uri', description: 'authorization_code: the redirect_uri of the authorization request.' })
  redirect_uri?: string;

  @ApiPropertyOptional({
    description: 'authorization_code: the PKCE code verifier (RFC 7636), when the authorization request carried a code_challenge.',
  })
  code_verifier?: string;

  @ApiPropertyOptional({ description: 'refresh_token: the refresh token. Each use rotates it; a used one revokes the whole grant.' })
  refresh_token?: string;

  @ApiPropertyOptional({
    example: 'openid profile',
    description: 'Space-delimited scopes: a subset of those granted (refresh_token), or those wanted (client_credentials).',
  })
  scope?: string;

  @ApiPropertyOptional({ description: `${DEVICE_CODE}: the device_code from the device authorization endpoint.` })
  device_code?: string;

  @ApiPropertyOptional({
    format: 'uri',
    example: 'https://api.example.com',
    description:
      'RFC 8707 resource indicator: the API the access token is for (a JWT access token with that audience); one the client registered in allowed_resources.',
  })
  resource?: string;
}

/** Seed 001's token response. */
@ApiSchema({ name: 'TokenResponse' })
export class TokenResponseDto {
  @ApiProperty({ description: 'The access token: opaque, or a JWT (RFC 9068) for a resource indicator or a client registered with access_token_format jwt.' })
  access_token: string;

  @ApiProperty({ enum: ['Bearer', 'DPoP'], description: 'Bearer, or DPoP when the request carried a DPoP proof (RFC 9449).' })
  token_type: string;

  @ApiProperty({ type: 'integer', example: 3600, description: 'Lifetime of the access token in seconds (the tenant option access_token_ttl).' })
  expires_in: number;

  @ApiPropertyOptional({ description: 'A refresh token: for grants with offline_access to a client registered for refresh_token.' })
  refresh_token?: string;

  @ApiPropertyOptional({ description: 'The ID token (a JWT signed with the issuer key), when the grant has the openid scope.' })
  id_token?: string;

  @ApiPropertyOptional({ example: 'openid profile offline_access', description: 'The scopes granted.' })
  scope?: string;
}

/** The token endpoint's RFC 6749 §5.2 error, with the codes Portcullis gives there. */
@ApiSchema({ name: 'TokenError' })
export class TokenErrorDto {
  @ApiProperty({
    enum: [
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
      'invalid_target',
      'authorization_pending',
      'slow_down',
      'expired_token',
      'access_denied',
      'invalid_dpop_proof',
      'use_dpop_nonce',
    ],
    description:
      'RFC 6749 §5.2; invalid_target (RFC 8707) for a resource the client may not ask for; authorization_pending, slow_down, expired_token and access_denied while polling a device code (RFC 8628 §3.5); invalid_dpop_proof and use_dpop_nonce (RFC 9449).',
  })
  error: string;

  @ApiPropertyOptional({ example: 'grant request is invalid' })
  error_description?: string;
}
