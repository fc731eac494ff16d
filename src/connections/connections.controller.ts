import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import { ApiConflict, ApiInvalid, ApiJsonBodyErrors, ApiNotFound } from '../common/errors/admin-error-responses.js';
import { PageQueryDto } from '../common/http/pagination.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { ConnectionsService } from './connections.service.js';
import { ConnectionDto, ConnectionPageDto, CreateConnectionDto, UpdateConnectionDto } from './dto/connection.dto.js';

const ConnectionIdParam = () => ApiParam({ name: 'connection_id', format: 'uuid', example: '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b' });
const Invalid = () =>
  ApiInvalid(
    'issuer',
    'is not a usable OpenID Provider: No usable metadata for https://login.acme.example/ at https://login.acme.example/.well-known/openid-configuration.',
    'Invalid fields, each named in `details`; among them an issuer whose discovery failed, named another issuer or found an error.',
  );
const Conflict = () =>
  ApiConflict(
    "email domain 'acme.example' is served by connection 'acme' of this tenant",
    'The name, or an email domain, is taken by another connection of the tenant.',
  );

@ApiTags('connections')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiNotFound('connection', '6a1f0c3e-2b4d-4e8f-9a0b-1c2d3e4f5a6b', 'No such tenant or connection.')
@Controller('v1/tenants/:issuer_id/connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Post()
  @ApiOperation({
    operationId: 'createConnection',
    summary: 'Add a connection: an upstream OpenID Provider the tenant’s users may sign in at',
    description:
      'The issuer is discovered first (a network call, under the provider check’s address policy). Register the answer’s `redirect_uri` at the upstream. ' +
      'Audited as `connection.created`; the client secret is never returned.',
  })
  @ApiResponse({ status: 201, type: ConnectionDto })
  @Invalid()
  @Conflict()
  @ApiJsonBodyErrors()
  create(@Param('issuer_id') issuerId: string, @Body() dto: CreateConnectionDto, @CurrentActor() actor: Actor): Promise<ConnectionDto> {
    return this.connections.create(issuerId, dto, actor);
  }

  @Get()
  @ApiOperation({ operationId: 'listConnections', summary: 'List connections, in name order' })
  @ApiResponse({ status: 200, type: ConnectionPageDto })
  @ApiInvalid('limit', 'must be an integer between 1 and 200', 'Invalid paging, each field named in `details`.')
  list(@Param('issuer_id') issuerId: string, @Query() query: PageQueryDto): Promise<ConnectionPageDto> {
    return this.connections.list(issuerId, query);
  }

  @Get(':connection_id')
  @ApiOperation({ operationId: 'getConnection', summary: 'Get a connection (never its client secret)' })
  @ConnectionIdParam()
  @ApiResponse({ status: 200, type: ConnectionDto })
  get(@Param('issuer_id') issuerId: string, @Param('connection_id') connectionId: string): Promise<ConnectionDto> {
    return this.connections.get(issuerId, connectionId);
  }

  @Patch(':connection_id')
  @ApiOperation({
    operationId: 'updateConnection',
    summary: 'Update a connection (partial; the name cannot change)',
    description: 'A new issuer is discovered first; a new `client_secret` replaces the old one. Audited as `connection.updated`.',
  })
  @ConnectionIdParam()
  @ApiResponse({ status: 200, type: ConnectionDto })
  @Invalid()
  @Conflict()
  @ApiJsonBodyErrors()
  update(
    @Param('issuer_id') issuerId: string,
    @Param('connection_id') connectionId: string,
    @Body() dto: UpdateConnectionDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConnectionDto> {
    return this.connections.update(issuerId, connectionId, dto, actor);
  }

  @Delete(':connection_id')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteConnection',
    summary: 'Delete a connection, its email domains and its users’ links',
    description:
      'Every user linked through it is signed out everywhere (sessions and grants end; audited as `user.signed_out`, reason `connection_deleted`). ' +
      'The users themselves stay. Audited as `connection.deleted`.',
  })
  @ConnectionIdParam()
  @ApiResponse({ status: 204, description: 'Deleted.' })
  remove(@Param('issuer_id') issuerId: string, @Param('connection_id') connectionId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.connections.remove(issuerId, connectionId, actor);
  }
}
