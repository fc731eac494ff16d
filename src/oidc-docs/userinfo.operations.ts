import { ROUTES } from '../oidc/provider-options.js';
import { BearerTokenErrorDto, UserInfoDto, UserInfoRequestDto } from './dto/userinfo.dto.js';
import { BEARER_AUTH, json } from './operation-parts.js';
import type { ProtocolOperation } from './protocol-operation.js';

const bearerChallenge = {
  'WWW-Authenticate': { required: true, description: 'Bearer realm="…", error="…", error_description="…" (RFC 6750 §3).', schema: { type: 'string' } },
};

const responses = {
  200: json(UserInfoDto, 'Claims about the user, as the access token allows.'),
  400: json(BearerTokenErrorDto, 'An access token in the query string, or sent by two means at once (invalid_request).', bearerChallenge),
  401: json(BearerTokenErrorDto, 'No access token, or one that is unknown, expired or revoked, or not from a sign-in (invalid_token).', bearerChallenge),
  403: json(BearerTokenErrorDto, 'An access token without the openid scope (insufficient_scope).', bearerChallenge),
};

export const USERINFO_OPERATIONS: ProtocolOperation[] = [
  {
    method: 'get',
    path: ROUTES.userinfo,
    operationId: 'getUserInfo',
    summary: 'UserInfo endpoint',
    description: 'Claims about the user the access token (from an OpenID Connect sign-in) was issued for; the scopes granted choose which.',
    security: [{ [BEARER_AUTH]: [] }],
    responses,
  },
  {
    method: 'post',
    path: ROUTES.userinfo,
    operationId: 'postUserInfo',
    summary: 'UserInfo endpoint (POST)',
    description: 'The same as GET; the access token in the Authorization header or in the form body.',
    body: UserInfoRequestDto,
    security: [{ [BEARER_AUTH]: [] }, {}],
    responses,
  },
];
