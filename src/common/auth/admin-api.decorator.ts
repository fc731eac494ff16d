import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiUnauthorized } from '../errors/admin-error-responses.js';
import { AdminKeyGuard } from './admin-key.guard.js';

/** Marks a controller as part of the admin API: bearer key required, documented as such. */
export const AdminApi = () =>
  applyDecorators(
    UseGuards(AdminKeyGuard),
    ApiBearerAuth('admin-key'),
    ApiUnauthorized(),
  );
