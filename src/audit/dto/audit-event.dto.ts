import { ApiProperty } from '@nestjs/swagger';

export const ACTOR_TYPES = ['admin_key', 'system', 'end_user', 'client'] as const;

export class AuditEventDto {
  @ApiProperty({ format: 'uuid', example: '9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c' })
  id: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  occurred_at: string;

  @ApiProperty({ type: String, nullable: true, example: 'acme', description: 'The tenant concerned; null for events above tenants (admin keys).' })
  issuer_id: string | null;

  @ApiProperty({ enum: ACTOR_TYPES, example: 'admin_key' })
  actor_type: string;

  @ApiProperty({ example: 'root', description: 'Admin key id (`root` for ADMIN_API_KEY), user id, client id, or a system task.' })
  actor_id: string;

  @ApiProperty({ type: String, nullable: true, example: 'ADMIN_API_KEY' })
  actor_name: string | null;

  @ApiProperty({ example: 'client.updated', description: '`{resource}.{verb}`.' })
  action: string;

  @ApiProperty({ example: 'client' })
  resource_type: string;

  @ApiProperty({ example: 'portal' })
  resource_id: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { display_name: 'Acme' },
    description: 'The resource before the change, without secrets.',
  })
  before: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { display_name: 'Acme Corp' },
    description: 'The resource after the change, without secrets.',
  })
  after: Record<string, unknown> | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '4f6c1d2e-8a9b-4c3d-a1e2-f3a4b5c6d7e8',
    description: 'X-Request-Id of the request that made the change.',
  })
  request_id: string | null;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip: string | null;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto], description: 'Newest first.' })
  items: AuditEventDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}
