import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { AdminErrorDto } from './admin-error.dto.js';
import {
  AppError,
  InvalidJson,
  KeyLimitedToTenant,
  PayloadTooLarge,
  ResourceConflict,
  ResourceNotFound,
  TooManyRequests,
  Unauthenticated,
  UnsupportedMediaType,
  ValidationFailed,
} from './app-error.js';
import { MAX_JSON_DEPTH } from '../http/body-parsers.js';
import { adminErrorBody } from './error-body.js';

/**
 * Documents one error answer of an admin route: the AdminErrorDto schema with, as its
 * example, the body the error filter writes for `error`. Examples are built from the real
 * error classes, so each status shows its own code and they cannot drift from the wire.
 */
export const ApiAdminError = (error: AppError, description: string) =>
  ApiResponse({ status: error.status, description, type: AdminErrorDto, example: adminErrorBody(error) });

export const ApiUnauthorized = () => ApiAdminError(new Unauthenticated(), 'Missing or wrong admin API key.');

/** Routes above tenants (no `{issuer_id}`): a key limited to one tenant is refused there. */
export const ApiTenantScopedKeyForbidden = () => ApiAdminError(new KeyLimitedToTenant('acme'), 'A key limited to one tenant: use the routes of that tenant.');

export const ApiNotFound = (resource: string, id: string, description: string) => ApiAdminError(new ResourceNotFound(resource, id), description);

export const ApiConflict = (message: string, description: string) => ApiAdminError(new ResourceConflict(message), description);

export const ApiInvalid = (field: string, message: string, description = 'Invalid fields, each named in `details`.') =>
  ApiAdminError(new ValidationFailed([{ field, message }]), description);

export const ApiTooManyRequests = (description: string) => ApiAdminError(new TooManyRequests(30), description);

/**
 * Routes with a JSON body: the body parser refuses a body that is not JSON (415), not
 * parseable or nested too deep (400), or too large (413) before validation runs.
 */
export const ApiJsonBodyErrors = () =>
  applyDecorators(
    ApiAdminError(new InvalidJson(), `The body is not valid JSON, or nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`),
    // The example shows the default BODY_LIMIT_BYTES.
    ApiAdminError(new PayloadTooLarge(1_048_576), 'The body is larger than the limit.'),
    ApiAdminError(new UnsupportedMediaType(), 'The body is not `application/json`.'),
  );
