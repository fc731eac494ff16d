import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { ApiConflict, ApiInvalid, ApiJsonBodyErrors, ApiNotFound, ApiTenantScopedKeyForbidden } from '../common/errors/admin-error-responses.js';
import { CreateTenantDto } from './dto/create-tenant.dto.js';
import { ListTenantsQueryDto } from './dto/list-tenants-query.dto.js';
import { TenantDto, TenantPageDto } from './dto/tenant.dto.js';
import { UpdateTenantDto } from './dto/update-tenant.dto.js';
import { TenantsService } from './tenants.service.js';

const IssuerIdParam = () => ApiParam({ name: 'issuer_id', example: 'acme' });
const NotFound = () => ApiNotFound('tenant', 'acme', 'No such tenant.');
const Invalid = () => ApiInvalid('issuer_id', 'must match ^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$');

@ApiTags('tenants')
@AdminApi()
@Controller('v1/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @ApiOperation({ operationId: 'createTenant', summary: 'Create a tenant (an issuer)' })
  @ApiResponse({ status: 201, type: TenantDto })
  @ApiConflict("tenant 'acme' already exists", 'A tenant with this issuer_id exists.')
  @Invalid()
  @ApiJsonBodyErrors()
  @ApiTenantScopedKeyForbidden()
  create(@Body() dto: CreateTenantDto, @CurrentActor() actor: Actor): Promise<TenantDto> {
    return this.tenants.create(dto, actor);
  }

  @Get()
  @ApiOperation({ operationId: 'listTenants', summary: 'List tenants, in issuer_id order' })
  @ApiResponse({ status: 200, type: TenantPageDto })
  @ApiInvalid('limit', 'must be an integer between 1 and 200', 'Invalid filters, each named in `details`.')
  @ApiTenantScopedKeyForbidden()
  list(@Query() query: ListTenantsQueryDto): Promise<TenantPageDto> {
    return this.tenants.list(query);
  }

  @Get(':issuer_id')
  @ApiOperation({ operationId: 'getTenant', summary: 'Get a tenant' })
  @IssuerIdParam()
  @ApiResponse({ status: 200, type: TenantDto })
  @NotFound()
  get(@Param('issuer_id') issuerId: string): Promise<TenantDto> {
    return this.tenants.get(issuerId);
  }

  @Patch(':issuer_id')
  @ApiOperation({ operationId: 'updateTenant', summary: 'Update a tenant (partial)' })
  @IssuerIdParam()
  @ApiResponse({ status: 200, type: TenantDto })
  @NotFound()
  @ApiInvalid('display_name', 'must be 1-200 characters long')
  @ApiJsonBodyErrors()
  update(@Param('issuer_id') issuerId: string, @Body() dto: UpdateTenantDto, @CurrentActor() actor: Actor): Promise<TenantDto> {
    return this.tenants.update(issuerId, dto, actor);
  }

  @Delete(':issuer_id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteTenant', summary: 'Delete a tenant and everything it owns' })
  @IssuerIdParam()
  @ApiResponse({ status: 204, description: 'Deleted.' })
  @NotFound()
  remove(@Param('issuer_id') issuerId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.tenants.remove(issuerId, actor);
  }
}
