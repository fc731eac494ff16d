import { ApiProperty, ApiSchema, IntersectionType, OmitType } from '@nestjs/swagger';
import { AuthorizationRequestDto } from './authorization.dto.js';
import { ClientAuthenticationDto } from './client-authentication.dto.js';

/**
 * RFC 9126 §2.1: the client's authentication and the authorization request's parameters (but
 * request_uri), client_id among them whatever the authentication.
 */
@ApiSchema({ name: 'PushedAuthorizationRequest' })
export class PushedAuthorizationRequestDto extends IntersectionType(ClientAuthenticationDto, OmitType(AuthorizationRequestDto, ['request_uri'] as const)) {}

/** RFC 9126 §2.2. */
@ApiSchema({ name: 'PushedAuthorizationResponse' })
export class PushedAuthorizationResponseDto {
  @ApiProperty({
    example: 'urn:ietf:params:oauth:request_uri:08zqvtj1hcnEpsCSFYOH-eZceO3WYNCR_BY9MqslK1V',
    description: 'Pass it as request_uri, with client_id, to the authorization endpoint.',
  })
  request_uri: string;

  @ApiProperty({ type: 'integer', example: 60, description: 'Seconds it can be used.' })
  expires_in: number;
}
