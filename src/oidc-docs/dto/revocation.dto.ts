import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ClientAuthenticationDto } from './client-authentication.dto.js';
import { TOKEN_TYPE_HINTS } from './introspection.dto.js';

/** RFC 7009 §2.1. */
@ApiSchema({ name: 'RevocationRequest' })
export class RevocationRequestDto extends ClientAuthenticationDto {
  @ApiProperty({ description: 'The access or refresh token to revoke; revoking a refresh token revokes its grant.' })
  token: string;

  @ApiPropertyOptional({ enum: TOKEN_TYPE_HINTS, description: 'Where to look first; the others are looked in too.' })
  token_type_hint?: string;
}
