import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';
import { ISSUER_ID_PATTERN } from '../../stores/tenants/issuer-id.js';

export class CreateAdminKeyDto {
  @ApiProperty({ example: 'acme-ci', description: 'Who or what uses the key; shown in the audit log.', minLength: 1, maxLength: 100 })
  @IsString({ message: '$property must be a string' })
  @Length(1, 100, { message: '$property must be 1-100 characters long' })
  name: string;

  @ApiPropertyOptional({ example: 'acme', description: 'Limit the key to this tenant. Without it the key manages every tenant.' })
  @IsOptional()
  @Matches(ISSUER_ID_PATTERN, { message: '$property must be an issuer_id' })
  issuer_id?: string;
}

export class AdminKeyDto {
  @ApiProperty({ format: 'uuid', example: '9b2f1c4e-3a7d-4e8b-b5c6-0d1e2f3a4b5c' })
  id: string;

  @ApiProperty({ example: 'acme-ci' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'acme', description: 'The one tenant it manages; null for all.' })
  issuer_id: string | null;

  @ApiProperty({ example: 'pck_Hq3v', description: 'The first characters of the key, to recognise it.' })
  key_prefix: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-29T10:00:00.000Z' })
  created_at: string;
}

export class AdminKeyWithSecretDto extends AdminKeyDto {
  @ApiProperty({ example: 'pck_Hq3vN1n7kq0f0h8mXo3YwzQ6c5m2bT9rLqf1sJk2aPw', description: 'The key. Shown only in this answer; only its hash is stored.' })
  key: string;
}

export class AdminKeyPageDto {
  @ApiProperty({ type: [AdminKeyDto] })
  items: AdminKeyDto[];

  @ApiProperty({ type: String, nullable: true, example: 'eyJrIjoiYWNtZSJ9', description: 'Cursor of the next page; null on the last page.' })
  next_cursor: string | null;
}

export class ListAdminKeysQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'acme', description: 'Only keys limited to this tenant.' })
  @IsOptional()
  @Matches(ISSUER_ID_PATTERN, { message: '$property must be an issuer_id' })
  issuer_id?: string;
}
