import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';

export class ListClientsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only clients with exactly this name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  client_name?: string;
}
