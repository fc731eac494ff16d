import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';

export class ListTenantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only enabled (`true`) or only disabled (`false`) tenants.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '$property must be true or false' })
  enabled?: boolean;
}
