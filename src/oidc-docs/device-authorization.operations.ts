import { OAuthErrorDto } from '../common/errors/admin-error.dto.js';
import { ROUTES } from '../oidc/provider-options.js';
import { DeviceAuthorizationRequestDto, DeviceAuthorizationResponseDto } from './dto/device-authorization.dto.js';
import { CLIENT_AUTHENTICATION, json } from './operation-parts.js';
import type { ProtocolOperation } from './protocol-operation.js';

export const DEVICE_AUTHORIZATION_OPERATIONS: ProtocolOperation[] = [
  {
    method: 'post',
    path: ROUTES.device_authorization,
    operationId: 'requestDeviceAuthorization',
    summary: 'Device authorization (RFC 8628)',
    description:
      'A device without a browser asks for codes: it shows user_code and verification_uri to the user, who approves on another device, ' +
      'while it polls the token endpoint with device_code (grant_type urn:ietf:params:oauth:grant-type:device_code).',
    body: DeviceAuthorizationRequestDto,
    bodyRequired: true,
    security: CLIENT_AUTHENTICATION,
    responses: {
      200: json(DeviceAuthorizationResponseDto, 'The codes.'),
      400: json(
        OAuthErrorDto,
        'A client not registered for the device grant (invalid_request), a scope it may not have (invalid_scope), or no client authentication (invalid_request).',
      ),
      401: json(OAuthErrorDto, 'Client authentication failed, or the client is unknown (invalid_client).'),
    },
  },
];
