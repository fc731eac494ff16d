import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from './auth/current-actor.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AdminApi } from './auth/admin-api.decorator.js';
import { ApiInvalid, ApiJsonBodyErrors, ApiNotFound, ApiTenantScopedKeyForbidden } from '../common/errors/admin-error-responses.js';
import type { Page } from '../common/http/pagination.js';
import { AdminKeysService } from './admin-keys.service.js';
import { AdminKeyDto, AdminKeyPageDto, AdminKeyWithSecretDto, CreateAdminKeyDto, ListAdminKeysQueryDto } from './dto/admin-key.dto.js';

const IdParam = () => ApiParam({ name: 'id', format: 'uuid', example: '6f1c2b7e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' });
const NotFound = () => ApiNotFound('admin key', '5f0c2a7e-8d1b-4c3a-9e6f-2b7d4a1c8e90', 'No such key.');

@ApiTags('admin-keys')
@AdminApi()
@Controller('v1/admin-keys')
export class AdminKeysController {
  constructor(private readonly keys: AdminKeysService) {}

  @Post()
  @ApiOperation({ operationId: 'createAdminKey', summary: 'Create an admin API key, for all tenants or one; the key is shown only in this answer' })
  @ApiResponse({ status: 201, type: AdminKeyWithSecretDto })
  @ApiInvalid('issuer_id', "tenant 'acme' does not exist")
  @ApiJsonBodyErrors()
  @ApiTenantScopedKeyForbidden()
  create(@Body() dto: CreateAdminKeyDto, @CurrentActor() actor: Actor): Promise<AdminKeyWithSecretDto> {
    return this.keys.create(dto, actor);
  }

  @Get()
  @ApiOperation({ operationId: 'listAdminKeys', summary: 'List admin API keys (never the keys themselves)' })
  @ApiResponse({ status: 200, type: AdminKeyPageDto })
  @ApiInvalid('limit', 'must be an integer between 1 and 200', 'Invalid filters, each named in `details`.')
  @ApiTenantScopedKeyForbidden()
  list(@Query() query: ListAdminKeysQueryDto): Promise<Page<AdminKeyDto>> {
    return this.keys.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getAdminKey', summary: 'Get an admin API key (never the key itself)' })
  @IdParam()
  @ApiResponse({ status: 200, type: AdminKeyDto })
  @NotFound()
  @ApiTenantScopedKeyForbidden()
  get(@Param('id') id: string): Promise<AdminKeyDto> {
    return this.keys.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeAdminKey', summary: 'Revoke an admin API key; it stops working at once' })
  @IdParam()
  @ApiResponse({ status: 204, description: 'Revoked.' })
  @NotFound()
  @ApiTenantScopedKeyForbidden()
  revoke(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.keys.revoke(id, actor);
  }
}
