import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { AdminErrorDto } from '../errors/admin-error.dto.js';
import { AdminKeyGuard } from './admin-key.guard.js';

/** Marks a controller as part of the admin API: bearer key required, documented as such. */
export const AdminApi = () =>
  applyDecorators(
    UseGuards(AdminKeyGuard),
    ApiBearerAuth('admin-key'),
    ApiResponse({ status: 401, description: 'Missing or wrong admin API key.', type: AdminErrorDto }),
  );
