import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ClientAuthenticationDto } from './client-authentication.dto.js';

@ApiSchema({ name: 'DeviceAuthorizationRequest' })
export class DeviceAuthorizationRequestDto extends ClientAuthenticationDto {
  @ApiPropertyOptional({ example: 'openid offline_access', description: 'Space-delimited scopes.' })
  scope?: string;

  @ApiPropertyOptional({ format: 'uri', description: 'RFC 8707 resource indicator.' })
  resource?: string;
}

/** RFC 8628 §3.2. */
@ApiSchema({ name: 'DeviceAuthorizationResponse' })
export class DeviceAuthorizationResponseDto {
  @ApiProperty({ description: 'What the device polls the token endpoint with.' }) device_code: string;
  @ApiProperty({ example: 'QVNL-RDJT', description: 'What the user enters at verification_uri.' }) user_code: string;
  @ApiProperty({ example: 'https://id.example.com/acme/device', description: "The issuer's user-code page." }) verification_uri: string;
  @ApiProperty({ example: 'https://id.example.com/acme/device?user_code=QVNL-RDJT' }) verification_uri_complete: string;
  @ApiProperty({ type: 'integer', example: 600, description: 'Seconds the codes stay valid.' }) expires_in: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Seconds between polls; absent means RFC 8628 default of 5.' }) interval?: number;
}
