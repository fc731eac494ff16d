import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../audit/actor.js';
import { AdminApi } from '../common/auth/admin-api.decorator.js';
import { AdminErrorDto } from '../common/errors/admin-error.dto.js';
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
  @ApiResponse({ status: 404, description: 'No such tenant.', type: AdminErrorDto })
  export(@Param('issuer_id') issuerId: string): Promise<TenantExportDto> {
    return this.transfer.export(issuerId);
  }

  @Post('import')
  @ApiOperation({ operationId: 'importTenant', summary: 'Re-create a tenant from an export, with new keys and new client secrets (shown only in this answer)' })
  @ApiResponse({ status: 201, type: TenantImportResultDto })
  @ApiResponse({ status: 403, description: 'Tenant-scoped keys cannot create tenants.', type: AdminErrorDto })
  @ApiResponse({ status: 409, description: 'A tenant with this issuer_id exists.', type: AdminErrorDto })
  @ApiResponse({ status: 422, description: 'Invalid document, or a client or user the tenant refuses; each named in `details`. Nothing is created.', type: AdminErrorDto })
  import(@Body() document: TenantExportDto, @CurrentActor() actor: Actor): Promise<TenantImportResultDto> {
    return this.transfer.import(document, actor);
  }
}
