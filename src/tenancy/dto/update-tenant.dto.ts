import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { KeyRotationDaysField } from './tenant-options.js';

/** Partial update: absent fields keep their value. `issuer_id` and `signing_alg` cannot change. */
export class UpdateTenantDto {
  @ApiPropertyOptional({ example: 'Acme Corporation', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @Length(1, 200, { message: '$property must be 1-200 characters long' })
  display_name?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean({ message: '$property must be a boolean' })
  enabled?: boolean;

  @KeyRotationDaysField()
  key_rotation_days?: number;
}
