import { ApiProperty } from '@nestjs/swagger';

export class TenantDto {
  @ApiProperty({ example: 'acme' })
  issuer_id: string;

  @ApiProperty({ description: 'The issuer identifier: PUBLIC_URL/{issuer_id}.', example: 'https://id.example.com/acme' })
  issuer: string;

  @ApiProperty({ example: 'Acme Corp' })
  display_name: string;

  @ApiProperty({ example: true })
  enabled: boolean;

  @ApiProperty({ enum: ['RS256', 'ES256', 'EdDSA'], example: 'RS256' })
  signing_alg: string;

  @ApiProperty({ example: 90, description: '0 = manual rotation only.' })
  key_rotation_days: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T15:00:00.000Z' })
  created_at: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T15:00:00.000Z' })
  updated_at: string;
}

export class TenantPageDto {
  @ApiProperty({ type: [TenantDto] })
  items: TenantDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}
