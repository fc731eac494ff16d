import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiTooManyRequests, ApiUnauthorized } from '../../common/errors/admin-error-responses.js';
import { AdminKeyGuard } from './admin-key.guard.js';

/** Marks a controller as part of the admin API: bearer key required (wrong ones throttled per address), documented as such. */
export const AdminApi = () => applyDecorators(UseGuards(AdminKeyGuard), ApiBearerAuth('admin-key'), ApiUnauthorized(), ApiTooManyRequests(ADMIN_AUTH_LOCKED));

/** The 429 every admin route may answer (a route with a limit of its own names both). */
export const ADMIN_AUTH_LOCKED = 'Too many wrong admin keys from this client address; see Retry-After.';
