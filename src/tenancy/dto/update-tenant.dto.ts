import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/decorators.js';
import { TenantOptionsDto } from './tenant-options.dto.js';

/** Partial update: absent fields keep their value. `issuer_id` and `signing_alg` cannot change. */
export class UpdateTenantDto extends TenantOptionsDto {
  @ApiPropertyOptional({ example: 'Acme Corporation', minLength: 1, maxLength: 200 })
  @OptionalNotNull()
  @IsString({ message: '$property must be a string' })
  @Length(1, 200, { message: '$property must be 1-200 characters long' })
  display_name?: string;

  @ApiPropertyOptional({ example: false })
  @OptionalNotNull()
  @IsBoolean({ message: '$property must be a boolean' })
  enabled?: boolean;
}
