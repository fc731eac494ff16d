import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { ApiConflict, ApiInvalid, ApiJsonBodyErrors, ApiNotFound } from '../common/errors/admin-error-responses.js';
import { UsersService } from './users.service.js';
import { ListUsersQueryDto } from './dto/list-users-query.dto.js';
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto } from './dto/user.dto.js';

const Invalid = () => ApiInvalid('email', 'must be an email address');
const Duplicate = () => ApiConflict("username 'jane' is taken in this tenant", 'The username is taken in this tenant.');

@ApiTags('users')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiNotFound('user', '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11', 'No such tenant or user.')
@Controller('v1/tenants/:issuer_id/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user; the password is hashed (argon2id) and never returned' })
  @ApiResponse({ status: 201, type: UserDto })
  @Duplicate()
  @Invalid()
  @ApiJsonBodyErrors()
  create(@Param('issuer_id') issuerId: string, @Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.create(issuerId, dto, actor);
  }

  @Get()
  @ApiOperation({ operationId: 'listUsers', summary: 'List users, in user_id order; filter by email or username' })
  @ApiResponse({ status: 200, type: UserPageDto })
  @ApiInvalid('limit', 'must be an integer between 1 and 200', 'Invalid filters, each named in `details`.')
  list(@Param('issuer_id') issuerId: string, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(issuerId, query);
  }

  @Get(':user_id')
  @ApiOperation({ operationId: 'getUser', summary: 'Get a user' })
  @ApiParam({ name: 'user_id', format: 'uuid', example: '3b0f6a52-8c1d-4e7a-9f2b-5d6c7e8f9a0b' })
  @ApiResponse({ status: 200, type: UserDto })
  get(@Param('issuer_id') issuerId: string, @Param('user_id') userId: string): Promise<UserDto> {
    return this.users.get(issuerId, userId);
  }

  @Patch(':user_id')
  @ApiOperation({
    operationId: 'updateUser',
    summary: 'Update a user (partial); `password` sets a new one',
    description:
      "A new `password` also ends all of the user's sessions and revokes their grants with every access token, refresh token and " +
      'code issued under them, in the same transaction (audited as `user.signed_out`): refreshing fails with `invalid_grant`, userinfo with ' +
      '`invalid_token`, introspection says `active: false`, and the browser must sign in again. Other changes leave sessions alone.',
  })
  @ApiParam({ name: 'user_id', format: 'uuid', example: '3b0f6a52-8c1d-4e7a-9f2b-5d6c7e8f9a0b' })
  @ApiResponse({ status: 200, type: UserDto, description: 'Updated. After a password change, every session and token of the user is already revoked.' })
  @Duplicate()
  @Invalid()
  @ApiJsonBodyErrors()
  update(@Param('issuer_id') issuerId: string, @Param('user_id') userId: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.update(issuerId, userId, dto, actor);
  }

  @Delete(':user_id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteUser', summary: "Delete a user, ending the user's sessions and revoking their grants and tokens" })
  @ApiParam({ name: 'user_id', format: 'uuid', example: '3b0f6a52-8c1d-4e7a-9f2b-5d6c7e8f9a0b' })
  @ApiResponse({ status: 204, description: 'Deleted, with every session, grant, token and code of the user.' })
  remove(@Param('issuer_id') issuerId: string, @Param('user_id') userId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.users.remove(issuerId, userId, actor);
  }
}
