import { AUTHORIZATION_OPERATIONS } from './authorization.operations.js';
import { DEVICE_AUTHORIZATION_OPERATIONS } from './device-authorization.operations.js';
import { AuthorizationErrorResponseDto, AuthorizationRequestDto, AuthorizationResponseDto } from './dto/authorization.dto.js';
import { DeviceAuthorizationRequestDto, DeviceAuthorizationResponseDto } from './dto/device-authorization.dto.js';
import { EndSessionRequestDto } from './dto/end-session.dto.js';
import { IntrospectionRequestDto, IntrospectionResponseDto } from './dto/introspection.dto.js';
import { PushedAuthorizationRequestDto, PushedAuthorizationResponseDto } from './dto/pushed-authorization.dto.js';
import { RevocationRequestDto } from './dto/revocation.dto.js';
import { TokenErrorDto, TokenRequestDto, TokenResponseDto } from './dto/token.dto.js';
import { BearerTokenErrorDto, UserInfoDto, UserInfoRequestDto } from './dto/userinfo.dto.js';
import { ClientRegistrationDto, ClientRegistrationUpdateDto } from './dto/client-registration.dto.js';
import { END_SESSION_OPERATIONS } from './end-session.operations.js';
import type { Model } from './operation-parts.js';
import type { ProtocolOperation } from './protocol-operation.js';
import { REGISTRATION_OPERATIONS } from './registration.operations.js';
import { TOKEN_OPERATIONS } from './token.operations.js';
import { USERINFO_OPERATIONS } from './userinfo.operations.js';

/**
 * The public protocol operations of every issuer, endpoint by endpoint, besides the discovery
 * documents (discovery/discovery.controller.ts).
 */
export const PROTOCOL_OPERATIONS: ProtocolOperation[] = [
  ...AUTHORIZATION_OPERATIONS,
  ...TOKEN_OPERATIONS,
  ...USERINFO_OPERATIONS,
  ...DEVICE_AUTHORIZATION_OPERATIONS,
  ...END_SESSION_OPERATIONS,
  ...REGISTRATION_OPERATIONS,
];

/** The models those operations refer to, which become schemas of the document's components. */
export const PROTOCOL_MODELS: Model[] = [
  AuthorizationRequestDto,
  AuthorizationResponseDto,
  AuthorizationErrorResponseDto,
  PushedAuthorizationRequestDto,
  PushedAuthorizationResponseDto,
  TokenRequestDto,
  TokenResponseDto,
  TokenErrorDto,
  IntrospectionRequestDto,
  IntrospectionResponseDto,
  RevocationRequestDto,
  UserInfoDto,
  UserInfoRequestDto,
  BearerTokenErrorDto,
  DeviceAuthorizationRequestDto,
  DeviceAuthorizationResponseDto,
  EndSessionRequestDto,
  ClientRegistrationDto,
  ClientRegistrationUpdateDto,
];
