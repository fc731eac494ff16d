import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AppError } from '../common/errors/app-error.js';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { ApiAdminError, ApiInvalid, ApiJsonBodyErrors, ApiNotFound } from '../common/errors/admin-error-responses.js';
import { ClientsService } from './clients.service.js';
import { ClientMetadataDto } from './dto/client-metadata.dto.js';
import { ClientDto, ClientPageDto, ClientWithSecretDto } from './dto/client.dto.js';
import { ListClientsQueryDto } from './dto/list-clients-query.dto.js';

const ClientIdParam = () => ApiParam({ name: 'client_id', example: 'mQ2c3Yw0a1h5b9ZkTt8xq7Pe' });
const Invalid = () => ApiInvalid('redirect_uris', 'must be an array of URIs', 'Invalid metadata, each field named in `details`.');

@ApiTags('clients')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiNotFound('client', 'b3Jk1xQ2', 'No such tenant or client.')
@Controller('v1/tenants/:issuer_id/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @ApiOperation({ operationId: 'createClient', summary: 'Register a client (RFC 7591 metadata); the secret is shown only in this answer' })
  @ApiResponse({ status: 201, type: ClientWithSecretDto })
  @Invalid()
  @ApiJsonBodyErrors()
  create(@Param('issuer_id') issuerId: string, @Body() dto: ClientMetadataDto, @CurrentActor() actor: Actor): Promise<ClientWithSecretDto> {
    return this.clients.create(issuerId, dto, actor);
  }

  @Get()
  @ApiOperation({ operationId: 'listClients', summary: 'List clients, in client_id order' })
  @ApiResponse({ status: 200, type: ClientPageDto })
  @ApiInvalid('limit', 'must be an integer between 1 and 200', 'Invalid filters, each named in `details`.')
  list(@Param('issuer_id') issuerId: string, @Query() query: ListClientsQueryDto): Promise<ClientPageDto> {
    return this.clients.list(issuerId, query);
  }

  @Get(':client_id')
  @ApiOperation({ operationId: 'getClient', summary: 'Get a client (never its secret)' })
  @ClientIdParam()
  @ApiResponse({ status: 200, type: ClientDto })
  get(@Param('issuer_id') issuerId: string, @Param('client_id') clientId: string): Promise<ClientDto> {
    return this.clients.get(issuerId, clientId);
  }

  @Patch(':client_id')
  @ApiOperation({ operationId: 'updateClient', summary: 'Update a client (partial; null removes a member)' })
  @ClientIdParam()
  @ApiResponse({ status: 200, type: ClientWithSecretDto })
  @Invalid()
  @ApiJsonBodyErrors()
  update(
    @Param('issuer_id') issuerId: string,
    @Param('client_id') clientId: string,
    @Body() dto: ClientMetadataDto,
    @CurrentActor() actor: Actor,
  ): Promise<ClientWithSecretDto> {
    return this.clients.update(issuerId, clientId, dto, actor);
  }

  @Delete(':client_id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteClient', summary: 'Delete a client' })
  @ClientIdParam()
  @ApiResponse({ status: 204, description: 'Deleted.' })
  remove(@Param('issuer_id') issuerId: string, @Param('client_id') clientId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.clients.remove(issuerId, clientId, actor);
  }

  @Post(':client_id/secret')
  @HttpCode(200)
  @ApiOperation({ operationId: 'rotateClientSecret', summary: 'Rotate the client secret; the new one is shown only in this answer' })
  @ClientIdParam()
  @ApiResponse({ status: 200, type: ClientWithSecretDto })
  @ApiAdminError(
    new AppError(409, 'conflict', "client 'b3Jk1xQ2' authenticates with none and has no secret"),
    'The client has no secret (public or private_key_jwt).',
  )
  rotateSecret(@Param('issuer_id') issuerId: string, @Param('client_id') clientId: string, @CurrentActor() actor: Actor): Promise<ClientWithSecretDto> {
    return this.clients.rotateSecret(issuerId, clientId, actor);
  }
}
