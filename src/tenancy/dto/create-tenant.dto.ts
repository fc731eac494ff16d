import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsIssuerId } from '../../stores/tenants/issuer-id.js';
import type { SigningAlg } from '../../stores/tenants/tenant.js';
import { SigningAlgField } from './tenant-options.js';
import { TenantOptionsDto } from './tenant-options.dto.js';

export class CreateTenantDto extends TenantOptionsDto {
  @IsIssuerId()
  issuer_id: string;

  @ApiPropertyOptional({ description: 'Name shown on login pages. Default: the issuer_id.', example: 'Acme Corp', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @Length(1, 200, { message: '$property must be 1-200 characters long' })
  display_name?: string;

  @ApiPropertyOptional({ description: 'A disabled issuer answers 404 on all its public routes.', default: true, example: true })
  @IsOptional()
  @IsBoolean({ message: '$property must be a boolean' })
  enabled?: boolean;

  @SigningAlgField()
  signing_alg?: SigningAlg;
}
