import { getSchemaPath } from '@nestjs/swagger';
import { OAuthErrorDto } from '../common/errors/admin-error.dto.js';
import { ROUTES } from '../oidc/provider-options.js';
import { AuthorizationErrorResponseDto, AuthorizationRequestDto, AuthorizationResponseDto } from './dto/authorization.dto.js';
import { PushedAuthorizationRequestDto, PushedAuthorizationResponseDto } from './dto/pushed-authorization.dto.js';
import { CLIENT_AUTHENTICATION, html, json, pageOrJson, PUBLIC_ERRORS, redirect } from './operation-parts.js';
import type { ProtocolOperation } from './protocol-operation.js';

const DESCRIPTION =
  'Authenticates the user (sign-in and consent pages when needed) and sends the browser back to redirect_uri with the response ' +
  'of the response type: a code, tokens, or both (all six response types of OpenID Connect). PKCE (S256 only) is required of ' +
  'public clients, and of confidential ones registered with require_pkce or at a tenant with require_pkce_for_all_clients. ' +
  'Portcullis redirects with 303 (seed 001 names 302).';

const REDIRECT =
  'To the sign-in or consent page (/{issuer_id}/interaction/…) when the user has something to do; otherwise to redirect_uri, ' +
  'with the response in the query (response_mode=query, the default for code) or the fragment ' +
  '(AuthorizationResponse, or AuthorizationErrorResponse for an error the client may learn of; see x-authorization-response).';

const CANNOT_GO_BACK =
  'An error that cannot be sent back to the client: an unknown client (invalid_client), a redirect_uri it did not register ' +
  '(invalid_redirect_uri), or a request too broken to trust its redirect_uri (invalid_request).';

/** The answers of the authorization endpoint, by GET or POST; `post` adds what a form post may also get. */
const answers = (post?: { redirect: string; refused: string }) => ({
  200: html(
    'response_mode=form_post: a page that posts the response to redirect_uri at once ' +
      '(AuthorizationResponse, or AuthorizationErrorResponse; see x-authorization-response).',
  ),
  303: redirect(post ? `${REDIRECT} ${post.redirect}` : REDIRECT),
  400: pageOrJson(json(OAuthErrorDto, post ? `${CANNOT_GO_BACK} ${post.refused}` : CANNOT_GO_BACK)),
  500: pageOrJson(PUBLIC_ERRORS[500]),
  503: pageOrJson(PUBLIC_ERRORS[503]),
});

/** The parameters the client receives at redirect_uri: a response, or an error it may learn of. */
const authorizationResponse = {
  oneOf: [{ $ref: getSchemaPath(AuthorizationResponseDto) }, { $ref: getSchemaPath(AuthorizationErrorResponseDto) }],
};

export const AUTHORIZATION_OPERATIONS: ProtocolOperation[] = [
  {
    method: 'get',
    path: ROUTES.authorization,
    operationId: 'authorize',
    summary: 'Authorization endpoint',
    description: DESCRIPTION,
    query: AuthorizationRequestDto,
    responses: answers(),
    authorizationResponse,
  },
  {
    method: 'post',
    path: ROUTES.authorization,
    operationId: 'postAuthorize',
    summary: 'Authorization endpoint (form post)',
    description:
      `${DESCRIPTION} The same request as a form (OpenID Connect Core §3.1.2.1), answered in place when the browser marks it as ` +
      'from this site (Sec-Fetch-Site same-origin or same-site), else sent (303) to the same request by GET.',
    body: AuthorizationRequestDto,
    bodyRequired: true,
    responses: answers({
      redirect:
        'A POST the browser does not mark as from this site (from another site, a browser that does not say, no browser) first goes ' +
        'to the same request by GET (/{issuer_id}/authorize?…), which carries the session cookie.',
      refused: 'Also a body that is not a form (invalid_request).',
    }),
    authorizationResponse,
  },
  {
    method: 'post',
    path: ROUTES.pushed_authorization_request,
    operationId: 'pushAuthorizationRequest',
    summary: 'Pushed authorization request (RFC 9126)',
    description:
      'The client pushes its authorization request, authenticated, and sends the browser to the authorization endpoint with only client_id and the request_uri it gets back.',
    body: PushedAuthorizationRequestDto,
    bodyRequired: true,
    security: CLIENT_AUTHENTICATION,
    responses: {
      201: json(PushedAuthorizationResponseDto, 'The request is stored; use request_uri within expires_in seconds.'),
      400: json(
        OAuthErrorDto,
        'What the authorization endpoint would refuse: a redirect_uri the client did not register, a missing PKCE challenge, … (invalid_request, invalid_scope, …).',
      ),
      401: json(OAuthErrorDto, 'Client authentication failed (invalid_client).'),
    },
  },
];
