import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsISO8601, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { ExportedUserDto, UserDto } from '../../accounts/dto/user.dto.js';
import { ClientWithSecretDto } from '../../clients/dto/client.dto.js';
import { ClientMetadataDto } from '../../clients/dto/client-metadata.dto.js';
import { CreateTenantDto } from '../../tenancy/dto/create-tenant.dto.js';
import { TenantDto } from '../../tenancy/dto/tenant.dto.js';

export const EXPORT_FORMAT = 'portcullis.tenant.v1';

/** A client in a tenant export: its registered metadata and client_id, never its secret. */
export class ExportedClientDto extends ClientMetadataDto {
  @ApiProperty({ example: 'mQ2c3Yw0a1h5b9ZkTt8xq7Pe', description: 'Kept on import, so relying parties keep their configuration.' })
  @IsString({ message: '$property must be a string' })
  @Length(1, 100, { message: '$property must be 1-100 characters long' })
  client_id: string;
}

/**
 * Everything needed to re-create a tenant elsewhere, and nothing secret: no client secrets,
 * no password hashes, no private keys (the new tenant gets new keys and new client secrets).
 */
export class TenantExportDto {
  @ApiProperty({ enum: [EXPORT_FORMAT], example: EXPORT_FORMAT })
  @IsIn([EXPORT_FORMAT], { message: `$property must be ${EXPORT_FORMAT}` })
  format: string;

  @ApiProperty({ format: 'date-time', required: false })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be an ISO 8601 date-time' })
  exported_at?: string;

  @ApiProperty({ type: CreateTenantDto, description: 'The tenant and its options. Change issuer_id to import it under another name.' })
  @IsDefined({ message: '$property is required' })
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => CreateTenantDto)
  tenant: CreateTenantDto;

  @ApiProperty({ type: [ExportedClientDto] })
  @IsArray({ message: '$property must be an array' })
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => ExportedClientDto)
  clients: ExportedClientDto[];

  @ApiProperty({ type: [ExportedUserDto] })
  @IsArray({ message: '$property must be an array' })
  @ArrayMaxSize(100_000)
  @ValidateNested({ each: true })
  @Type(() => ExportedUserDto)
  users: ExportedUserDto[];
}

export class TenantImportResultDto {
  @ApiProperty({ type: TenantDto })
  tenant: TenantDto;

  @ApiProperty({ type: [ClientWithSecretDto], description: 'The clients, each confidential one with its new secret (shown only in this answer).' })
  clients: ClientWithSecretDto[];

  @ApiProperty({ type: [UserDto], description: 'The users. They have no password until one is set (PATCH the user).' })
  users: UserDto[];
}
