import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin-keys/auth/admin-api.decorator.js';
import { CurrentActor } from '../admin-keys/auth/current-actor.js';
import { ApiNotFound } from '../common/errors/admin-error-responses.js';
import type { Actor } from '../stores/audit-events/actor.js';
import { FactorListDto, FactorResetDto } from './dto/factor.dto.js';
import { FactorsService } from './factors.service.js';

const USER_ID = { name: 'user_id', format: 'uuid', example: '3b0f6a52-8c1d-4e7a-9f2b-5d6c7e8f9a0b' };

@ApiTags('users')
@AdminApi()
@ApiParam({ name: 'issuer_id', example: 'acme' })
@ApiParam(USER_ID)
@ApiNotFound('user', '0b6f6a2e-4a4e-4c59-9d0e-3f1f5d2c7a11', 'No such tenant, user or factor.')
@Controller('v1/tenants/:issuer_id/users/:user_id/factors')
export class FactorsController {
  constructor(private readonly factors: FactorsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listUserFactors',
    summary: "List a user's sign-in factors besides the password (passkeys, security keys, authenticator apps, recovery codes)",
    description: 'Secrets, public keys and codes are never returned. Users enroll factors themselves, on the sign-in pages.',
  })
  @ApiResponse({ status: 200, type: FactorListDto })
  list(@Param('issuer_id') issuerId: string, @Param('user_id') userId: string): Promise<FactorListDto> {
    return this.factors.list(issuerId, userId);
  }

  @Post('reset')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'resetUserFactors',
    summary: "Remove all of a user's factors besides the password (a reset, for a lost device)",
    description:
      'Audited as `user.factors_reset`. The user next signs in with the password alone, and enrolls again where the tenant requires a second factor. ' +
      'Sessions are left alone: change the password (PATCH the user) to end them too.',
  })
  @ApiResponse({ status: 200, type: FactorResetDto })
  reset(@Param('issuer_id') issuerId: string, @Param('user_id') userId: string, @CurrentActor() actor: Actor): Promise<FactorResetDto> {
    return this.factors.reset(issuerId, userId, actor);
  }

  @Delete(':factor_id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteUserFactor', summary: 'Remove one factor of a user', description: 'Audited as `user.factor_removed`.' })
  @ApiParam({ name: 'factor_id', format: 'uuid', example: '5f0c2a7e-1b3d-4c8e-9a6f-2d4b6c8e0a1f' })
  @ApiResponse({ status: 204, description: 'Removed.' })
  remove(
    @Param('issuer_id') issuerId: string,
    @Param('user_id') userId: string,
    @Param('factor_id') factorId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.factors.remove(issuerId, userId, factorId, actor);
  }
}
