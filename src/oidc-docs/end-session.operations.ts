import { OAuthErrorDto } from '../common/errors/admin-error.dto.js';
import { ROUTES } from '../oidc/provider-options.js';
import { EndSessionRequestDto } from './dto/end-session.dto.js';
import { html, json, pageOrJson, PUBLIC_ERRORS, redirect } from './operation-parts.js';
import type { ProtocolOperation } from './protocol-operation.js';

const DESCRIPTION =
  'RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0). Portcullis answers with a page rather than a redirect (seed 001 names 302): ' +
  'it asks the user to confirm, and its form completes the sign-out at end-session/confirm, which sends the browser (303) to ' +
  'post_logout_redirect_uri with state, or to a "Signed out" page.';

const REFUSED = 'An id_token_hint that is not an ID token of this issuer, a post_logout_redirect_uri the client did not register, … (invalid_request).';

const answers = (refused: string) => ({
  200: html('The confirmation page; without a session, a page that posts its form at once.'),
  400: pageOrJson(json(OAuthErrorDto, refused)),
  500: pageOrJson(PUBLIC_ERRORS[500]),
  503: pageOrJson(PUBLIC_ERRORS[503]),
});

export const END_SESSION_OPERATIONS: ProtocolOperation[] = [
  {
    method: 'get',
    path: ROUTES.end_session,
    operationId: 'endSession',
    summary: 'End session endpoint',
    description: DESCRIPTION,
    query: EndSessionRequestDto,
    responses: answers(REFUSED),
  },
  {
    method: 'post',
    path: ROUTES.end_session,
    operationId: 'postEndSession',
    summary: 'End session endpoint (form post)',
    description:
      `${DESCRIPTION} The same request as a form, answered in place when the browser marks it as from this site ` +
      '(Sec-Fetch-Site same-origin or same-site), else sent (303) to the same request by GET.',
    body: EndSessionRequestDto,
    responses: {
      ...answers(`${REFUSED} Also a body that is not a form.`),
      303: redirect(
        'A POST the browser does not mark as from this site (Sec-Fetch-Site same-origin or same-site): to the same request by GET ' +
          '(/{issuer_id}/end-session?…), which carries the session cookie.',
      ),
    },
  },
];
