import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AddressDto } from '../../accounts/dto/user.dto.js';

/**
 * OpenID Connect Core §5.3.2: `sub` and the standard claims (§5.1) the access token's scopes
 * (and a `claims` request) release; a claim the user has no value for is left out.
 */
@ApiSchema({ name: 'UserInfo' })
export class UserInfoDto {
  @ApiProperty({ example: '0c6f2225-3f87-4d14-ae46-91bbe50e1f99', description: 'The user id (user_id in the admin API).' }) sub: string;
  @ApiPropertyOptional({ example: 'Jane Doe', description: 'profile' }) name?: string;
  @ApiPropertyOptional({ example: 'Doe', description: 'profile' }) family_name?: string;
  @ApiPropertyOptional({ example: 'Jane', description: 'profile' }) given_name?: string;
  @ApiPropertyOptional({ description: 'profile' }) middle_name?: string;
  @ApiPropertyOptional({ description: 'profile' }) nickname?: string;
  @ApiPropertyOptional({ example: 'jane', description: 'profile: the username she signs in with.' }) preferred_username?: string;
  @ApiPropertyOptional({ description: 'profile' }) profile?: string;
  @ApiPropertyOptional({ description: 'profile' }) picture?: string;
  @ApiPropertyOptional({ description: 'profile' }) website?: string;
  @ApiPropertyOptional({ description: 'profile' }) gender?: string;
  @ApiPropertyOptional({ example: '1990-01-31', description: 'profile' }) birthdate?: string;
  @ApiPropertyOptional({ example: 'Europe/Paris', description: 'profile' }) zoneinfo?: string;
  @ApiPropertyOptional({ example: 'fr-FR', description: 'profile' }) locale?: string;
  @ApiPropertyOptional({ type: 'integer', example: 1796181048, description: 'profile: seconds since the epoch.' }) updated_at?: number;
  @ApiPropertyOptional({ example: 'jane@example.com', description: 'email' }) email?: string;
  @ApiPropertyOptional({ example: true, description: 'email' }) email_verified?: boolean;
  @ApiPropertyOptional({ type: AddressDto, description: 'address' }) address?: AddressDto;
  @ApiPropertyOptional({ example: '+33 1 23 45 67 89', description: 'phone' }) phone_number?: string;
  @ApiPropertyOptional({ example: false, description: 'phone' }) phone_number_verified?: boolean;
}

/** The userinfo POST body: the access token in the body (RFC 6750 §2.2) instead of the Authorization header. */
@ApiSchema({ name: 'UserInfoRequest' })
export class UserInfoRequestDto {
  @ApiPropertyOptional({ description: 'The access token, when it is not in the Authorization header (never both).' })
  access_token?: string;
}

/** RFC 6750 §3.1: the error of a request with a missing, bad or too weak access token, also in WWW-Authenticate. */
@ApiSchema({ name: 'BearerTokenError' })
export class BearerTokenErrorDto {
  @ApiProperty({ enum: ['invalid_request', 'invalid_token', 'insufficient_scope'] })
  error: string;

  @ApiPropertyOptional({ example: 'invalid token provided' })
  error_description?: string;

  @ApiPropertyOptional({ example: 'openid', description: 'insufficient_scope: the scope the token lacks.' })
  scope?: string;
}
