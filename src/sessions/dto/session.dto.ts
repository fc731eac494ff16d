import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';

export class SessionDto {
  @ApiProperty({ example: 'sxXuFeqc6pmV4kq0', description: 'Opaque identifier of the session (not the cookie value).' })
  session_id: string;

  @ApiProperty({ format: 'uuid', example: '9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c', description: 'The signed-in user (`sub`).' })
  user_id: string;

  @ApiProperty({ type: [String], example: ['b3Jk1xQ2'], description: 'Clients the user authorized in this session.' })
  client_ids: string[];

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z', description: 'When the user signed in.' })
  signed_in_at: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-12-13T10:00:00.000Z' })
  expires_at: string | null;
}

export class SessionPageDto {
  @ApiProperty({ type: [SessionDto] })
  items: SessionDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}

export class ListSessionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this user's sessions." })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  user_id?: string;
}
