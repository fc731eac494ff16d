import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsRFC3339, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';
import { ISSUER_ID_PATTERN } from '../../stores/tenants/issuer-id.js';

export class ListAuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'client',
    description: 'Only events about this kind of resource: tenant, client, user, key, session, admin_key, connection.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  resource_type?: string;

  @ApiPropertyOptional({ description: 'Only events about this resource (with resource_type).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  resource_id?: string;

  @ApiPropertyOptional({ example: 'login.failed' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events at or after this time (RFC 3339).' })
  @IsOptional()
  @IsRFC3339({ message: '$property must be an RFC 3339 date-time, such as 2026-11-23T15:00:00Z' })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only events before this time (RFC 3339).' })
  @IsOptional()
  @IsRFC3339({ message: '$property must be an RFC 3339 date-time, such as 2026-11-23T15:00:00Z' })
  until?: string;
}

/** The global list may also be narrowed to one tenant. */
export class ListAllAuditEventsQueryDto extends ListAuditEventsQueryDto {
  @ApiPropertyOptional({ example: 'acme', description: 'Only events of this tenant (it may since have been deleted).' })
  @IsOptional()
  @Matches(ISSUER_ID_PATTERN, { message: '$property must be an issuer_id' })
  issuer_id?: string;
}
