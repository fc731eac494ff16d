import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';

export class SessionDto {
  @ApiProperty({ description: 'Opaque identifier of the session (not the cookie value).' })
  session_id: string;

  @ApiProperty({ format: 'uuid', description: 'The signed-in user (`sub`).' })
  user_id: string;

  @ApiProperty({ type: [String], description: 'Clients the user authorized in this session.' })
  client_ids: string[];

  @ApiProperty({ format: 'date-time', description: 'When the user signed in.' })
  signed_in_at: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expires_at: string | null;
}

export class SessionPageDto {
  @ApiProperty({ type: [SessionDto] })
  items: SessionDto[];

  @ApiProperty({ type: String, nullable: true })
  next_cursor: string | null;
}

export class ListSessionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this user\'s sessions.' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  user_id?: string;
}
