import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ClientAuthenticationDto } from './client-authentication.dto.js';

/** The token_type_hint values oidc-provider knows (RFC 7009 §2.1, RFC 7662 §2.1); any other is ignored. */
export const TOKEN_TYPE_HINTS = ['access_token', 'refresh_token', 'client_credentials'];

@ApiSchema({ name: 'IntrospectionRequest' })
export class IntrospectionRequestDto extends ClientAuthenticationDto {
  @ApiProperty({ description: 'The token to introspect.' })
  token: string;

  @ApiPropertyOptional({ enum: TOKEN_TYPE_HINTS, description: 'Where to look first; the others are looked in too.' })
  token_type_hint?: string;
}

/** RFC 7662 §2.2, with the members Portcullis sends; an inactive, unknown or foreign token is `{"active": false}` alone. */
@ApiSchema({ name: 'IntrospectionResponse' })
export class IntrospectionResponseDto {
  @ApiProperty({ example: true }) active: boolean;
  @ApiPropertyOptional({ example: 'openid profile' }) scope?: string;
  @ApiPropertyOptional({ example: 's6BhdRkqt3', description: 'The client the token was issued to.' }) client_id?: string;
  @ApiPropertyOptional({ description: 'The user (absent for client credentials).' }) sub?: string;
  @ApiPropertyOptional({ enum: ['Bearer', 'DPoP'], description: 'Access tokens only.' }) token_type?: string;
  @ApiPropertyOptional({ type: 'integer' }) exp?: number;
  @ApiPropertyOptional({ type: 'integer' }) iat?: number;
  @ApiPropertyOptional({ example: 'https://id.example.com/acme' }) iss?: string;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'The resource (RFC 8707) the token is for.' })
  aud?: string | string[];
  @ApiPropertyOptional({ description: 'The session the token was issued in.' }) sid?: string;
  @ApiPropertyOptional({ description: 'Token id, when it differs from the token itself (JWT access tokens).' }) jti?: string;
  @ApiPropertyOptional({
    type: 'object',
    properties: { jkt: { type: 'string' }, 'x5t#S256': { type: 'string' } },
    description: 'Confirmation of a sender-constrained (DPoP) token: its key thumbprint.',
  })
  cnf?: { jkt?: string; 'x5t#S256'?: string };
}
