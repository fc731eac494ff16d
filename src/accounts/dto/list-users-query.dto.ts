import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the user with this email (any case).' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ description: 'Only the user with this username (any case).' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  username?: string;
}
