import { ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Client authentication in the form body, for the endpoints a client authenticates at (token,
 * introspection, revocation, PAR, device authorization). `client_secret_basic` sends the
 * credentials in the Authorization header instead (security scheme `client_secret_basic`).
 */
export class ClientAuthenticationDto {
  @ApiPropertyOptional({
    example: 's6BhdRkqt3',
    description: 'The client identifier: required of a public client (`none`) and with `client_secret_post`; optional with a client assertion.',
  })
  client_id?: string;

  @ApiPropertyOptional({ description: '`client_secret_post`: the client secret in the body.' })
  client_secret?: string;

  @ApiPropertyOptional({
    enum: ['urn:ietf:params:oauth:client-assertion-type:jwt-bearer'],
    description: '`client_secret_jwt` and `private_key_jwt` (RFC 7523).',
  })
  client_assertion_type?: string;

  @ApiPropertyOptional({ description: 'A JWT signed with the client secret (`client_secret_jwt`, HS256) or with one of the client keys (`private_key_jwt`).' })
  client_assertion?: string;
}
