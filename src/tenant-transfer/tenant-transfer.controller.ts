import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { ApiConflict, ApiInvalid, ApiJsonBodyErrors, ApiNotFound, ApiTenantScopedKeyForbidden } from '../common/errors/admin-error-responses.js';
import { TenantExportDto, TenantImportResultDto } from './dto/tenant-export.dto.js';
import { TenantTransferService } from './tenant-transfer.service.js';

@ApiTags('tenants')
@AdminApi()
@Controller('v1/tenants')
export class TenantTransferController {
  constructor(private readonly transfer: TenantTransferService) {}

  @Get(':issuer_id/export')
  @ApiOperation({ operationId: 'exportTenant', summary: 'Export a tenant: options, clients (no secrets) and users (no password hashes)' })
  @ApiParam({ name: 'issuer_id', example: 'acme' })
  @ApiResponse({ status: 200, type: TenantExportDto })
  @ApiNotFound('tenant', 'acme', 'No such tenant.')
  export(@Param('issuer_id') issuerId: string): Promise<TenantExportDto> {
    return this.transfer.export(issuerId);
  }

  @Post('import')
  @ApiOperation({ operationId: 'importTenant', summary: 'Re-create a tenant from an export, with new keys and new client secrets (shown only in this answer)' })
  @ApiResponse({ status: 201, type: TenantImportResultDto })
  @ApiTenantScopedKeyForbidden()
  @ApiConflict("tenant 'acme' already exists", 'A tenant with this issuer_id exists.')
  @ApiInvalid(
    'clients[0].grant_types',
    'grant_types can only contain authorization_code, refresh_token',
    'Invalid document, or a client or user the tenant refuses; each named in `details`. Nothing is created.',
  )
  @ApiJsonBodyErrors()
  import(@Body() document: TenantExportDto, @CurrentActor() actor: Actor): Promise<TenantImportResultDto> {
    return this.transfer.import(document, actor);
  }
}
