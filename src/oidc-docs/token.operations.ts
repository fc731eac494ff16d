import { OAuthErrorDto } from '../common/errors/admin-error.dto.js';
import { ROUTES } from '../oidc/provider-options.js';
import { IntrospectionRequestDto, IntrospectionResponseDto } from './dto/introspection.dto.js';
import { RevocationRequestDto } from './dto/revocation.dto.js';
import { TokenErrorDto, TokenRequestDto, TokenResponseDto } from './dto/token.dto.js';
import { CLIENT_AUTHENTICATION, json } from './operation-parts.js';
import type { ProtocolOperation } from './protocol-operation.js';

const invalidClient = 'Client authentication failed, or the client is unknown (invalid_client).';
/** oidc-provider adds the challenge when the client tried HTTP Basic. */
const basicChallenge = {
  'WWW-Authenticate': { description: 'After client_secret_basic: Basic realm="…", error="invalid_client".', schema: { type: 'string' } },
};

export const TOKEN_OPERATIONS: ProtocolOperation[] = [
  {
    method: 'post',
    path: ROUTES.token,
    operationId: 'getToken',
    summary: 'Token endpoint',
    description:
      'Exchanges an authorization code, a refresh token, the client credentials or a device code for tokens. ' +
      "Each grant only for a client registered for it, at a tenant that allows it. (A POST, despite seed 001's operationId.)",
    body: TokenRequestDto,
    bodyRequired: true,
    security: CLIENT_AUTHENTICATION,
    responses: {
      200: json(TokenResponseDto, 'Tokens; Cache-Control: no-store.'),
      400: json(
        TokenErrorDto,
        'The grant is refused (invalid_grant: unknown, used or expired code or refresh token, wrong code_verifier), or the request is (see error).',
      ),
      401: json(TokenErrorDto, invalidClient, basicChallenge),
    },
  },
  {
    method: 'post',
    path: ROUTES.introspection,
    operationId: 'introspectToken',
    summary: 'Token introspection (RFC 7662)',
    description:
      'Whether a token is active, and what it grants. A client may introspect its own tokens, and another client its access tokens only as a resource server ' +
      'of their audience (client metadata resource_server_audiences); anything else is `{"active": false}`, like an unknown token.',
    body: IntrospectionRequestDto,
    bodyRequired: true,
    security: CLIENT_AUTHENTICATION,
    responses: {
      200: json(IntrospectionResponseDto, 'Active with its members, or `{"active": false}`.'),
      400: json(OAuthErrorDto, 'No client authentication, or no token (invalid_request).'),
      401: json(OAuthErrorDto, invalidClient, basicChallenge),
    },
  },
  {
    method: 'post',
    path: ROUTES.revocation,
    operationId: 'revokeToken',
    summary: 'Token revocation (RFC 7009)',
    description: "Revokes an access or refresh token of the calling client; a refresh token's whole grant goes with it.",
    body: RevocationRequestDto,
    bodyRequired: true,
    security: CLIENT_AUTHENTICATION,
    responses: {
      200: {
        description:
          'Revoked, or nothing to revoke (an unknown token, or another client’s, which is left alone): RFC 7009 §2.2 answers both alike. Empty body.',
      },
      400: json(OAuthErrorDto, 'No client authentication, or no token (invalid_request).'),
      401: json(OAuthErrorDto, invalidClient, basicChallenge),
    },
  },
];
