import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { ApiInvalid, ApiNotFound, ApiTenantScopedKeyForbidden } from '../common/errors/admin-error-responses.js';
import type { Page } from '../common/http/pagination.js';
import { TenantsService } from '../tenancy/tenants.service.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditEventPageDto, type AuditEventDto } from './dto/audit-event.dto.js';
import { ListAllAuditEventsQueryDto, ListAuditEventsQueryDto } from './dto/list-audit-events-query.dto.js';

const Invalid = () => ApiInvalid('since', 'must be an ISO 8601 date-time', 'Invalid filters, each named in `details`.');

@ApiTags('audit')
@AdminApi()
@Controller('v1')
export class AuditEventsController {
  constructor(
    private readonly events: AuditEventsService,
    private readonly tenants: TenantsService,
  ) {}

  @Get('audit-events')
  @ApiOperation({ operationId: 'listAuditEvents', summary: 'Audit events of all tenants and of the admin keys, newest first' })
  @ApiResponse({ status: 200, type: AuditEventPageDto })
  @ApiTenantScopedKeyForbidden()
  @Invalid()
  listAll(@Query() query: ListAllAuditEventsQueryDto): Promise<Page<AuditEventDto>> {
    return this.events.list(query);
  }

  @Get('tenants/:issuer_id/audit-events')
  @ApiOperation({ operationId: 'listTenantAuditEvents', summary: "A tenant's audit events: admin changes and sign-in security events, newest first" })
  @ApiParam({ name: 'issuer_id', example: 'acme' })
  @ApiResponse({ status: 200, type: AuditEventPageDto })
  @ApiNotFound('tenant', 'acme', 'No such tenant.')
  @Invalid()
  async list(@Param('issuer_id') issuerId: string, @Query() query: ListAuditEventsQueryDto): Promise<Page<AuditEventDto>> {
    const tenant = await this.tenants.find(issuerId);
    return this.events.list({ ...query, issuer_id: issuerId }, tenant.createdAt);
  }
}
