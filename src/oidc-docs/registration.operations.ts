import type { ParameterObject, SecurityRequirementObject } from '@nestjs/swagger';
import { OAuthErrorDto } from '../common/errors/admin-error.dto.js';
import { ClientMetadataDto } from '../clients/dto/client-metadata.dto.js';
import { ROUTES } from '../oidc/provider-options.js';
import { ClientRegistrationDto, ClientRegistrationUpdateDto } from './dto/client-registration.dto.js';
import { BearerTokenErrorDto } from './dto/userinfo.dto.js';
import { REGISTRATION_TOKEN, json } from './operation-parts.js';
import type { ProtocolOperation } from './protocol-operation.js';

const CLIENT_ID: ParameterObject = {
  name: 'client_id',
  in: 'path',
  required: true,
  description: 'The registered client (its registration_client_uri ends with it).',
  schema: { type: 'string', example: 'q3Zp0fW8bq3Yt1xQk0yq1wQF' },
};

const TOKEN: SecurityRequirementObject[] = [{ [REGISTRATION_TOKEN]: [] }];

const REFUSED = json(
  OAuthErrorDto,
  'Metadata the issuer refuses (RFC 7591 §3.2.2): invalid_redirect_uri (a fragment, a user name, …) or invalid_client_metadata naming the member ' +
    '(a private jwks_uri, a sector_identifier_uri that does not list every redirect URI, a grant the tenant withholds, …); invalid_request for a body that is not a JSON object.',
);
const NO_TOKEN = json(BearerTokenErrorDto, 'No registration access token, or not the one of this client (invalid_token).');
const OFF = 'An issuer whose `registration` option is `off` has no such endpoint (404, like an unknown issuer).';

export const REGISTRATION_OPERATIONS: ProtocolOperation[] = [
  {
    method: 'post',
    path: ROUTES.registration,
    operationId: 'registerClient',
    summary: 'Dynamic client registration (RFC 7591, OpenID Connect Registration 1.0)',
    description:
      'A client registers itself with its metadata, judged as the admin API judges it. At an issuer whose `registration` is `initial_access_token`, ' +
      `with an initial access token issued through the admin API; at one whose \`registration\` is \`open\`, without. ${OFF}`,
    json: ClientMetadataDto,
    security: [{ [REGISTRATION_TOKEN]: [] }, {}],
    responses: {
      201: json(ClientRegistrationDto, 'Registered: the client_id, the secret (shown only here and on reads), and the registration access token.'),
      400: REFUSED,
      401: json(BearerTokenErrorDto, 'No initial access token, or one that is unknown, expired, used up or of another issuer (invalid_token).'),
    },
  },
  {
    method: 'get',
    path: `${ROUTES.registration}/{client_id}`,
    parameters: [CLIENT_ID],
    operationId: 'getClientRegistration',
    summary: 'Read a client registration (RFC 7592 §2.1)',
    description: `The client reads its registration with its registration access token. ${OFF}`,
    security: TOKEN,
    responses: { 200: json(ClientRegistrationDto, 'The registration.'), 401: NO_TOKEN },
  },
  {
    method: 'put',
    path: `${ROUTES.registration}/{client_id}`,
    parameters: [CLIENT_ID],
    operationId: 'updateClientRegistration',
    summary: 'Replace a client registration (RFC 7592 §2.2)',
    description: `The client replaces its whole registration; the answer carries a new registration access token. ${OFF}`,
    json: ClientRegistrationUpdateDto,
    security: TOKEN,
    responses: { 200: json(ClientRegistrationDto, 'The registration as replaced, with the new registration access token.'), 400: REFUSED, 401: NO_TOKEN },
  },
  {
    method: 'delete',
    path: `${ROUTES.registration}/{client_id}`,
    parameters: [CLIENT_ID],
    operationId: 'deleteClientRegistration',
    summary: 'Delete a client registration (RFC 7592 §2.3)',
    description: `The client deletes itself; its registration access tokens go with it. ${OFF}`,
    security: TOKEN,
    responses: { 204: { description: 'Deleted.' }, 401: NO_TOKEN },
  },
];
