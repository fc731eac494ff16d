import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { oauthErrorBody } from '../../common/errors/error-body.js';
import { errorPage, type Branding } from '../interactions/pages.js';

type Context = Pick<KoaContextWithOIDC, 'accepts' | 'set' | 'status' | 'type' | 'body' | 'req'>;

/** What oidc-provider passes to `renderError`: the OAuthError members. */
export interface ErrorOut {
  error: string;
  error_description?: string;
}

/** The request a page speaks of: an authorization (sign-in) or an RP-initiated logout (sign-out). */
export type Flow = 'sign-in' | 'sign-out';

/** oidc-provider's routes whose errors a person's browser may see as a page, by the flow they belong to. */
const PAGE_ROUTES = new Map<string, Flow>([
  ['authorization', 'sign-in'],
  ['resume', 'sign-in'],
  ['end_session', 'sign-out'],
  ['end_session_confirm', 'sign-out'],
  ['end_session_success', 'sign-out'],
]);

/** What each error means to a person, where the code alone says little to one. */
const EXPLANATIONS: Record<string, string> = {
  invalid_client: 'The application that sent you here is not registered with this sign-in service.',
  invalid_redirect_uri: 'The application asked to send you back to an address it has not registered, so you are not sent there.',
  server_error: 'Something went wrong on our side.',
  temporarily_unavailable: 'This sign-in service is briefly unavailable. Try again in a moment.',
};
const DEFAULT_EXPLANATION = 'The application that sent you here made a request that cannot be completed, and you cannot be sent back to it.';

/**
 * Answers an error that cannot go back to the client. A person's browser (it asks for HTML
 * before JSON) on the authorization or logout endpoint gets a page in the tenant's look naming
 * the problem, every value escaped; anyone else gets OAuthError JSON, like every public error.
 * The status is the one already set.
 */
export function answerError(ctx: Context, branding: Branding, out: ErrorOut, flow: Flow | undefined): void {
  ctx.set('Cache-Control', 'no-store');
  const requestId = (ctx.req as { id?: string }).id;
  if (flow && ctx.accepts('json', 'html') === 'html') {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = errorPage(branding, {
      title: flow === 'sign-in' ? 'Cannot sign you in' : 'Cannot sign you out',
      explanation: EXPLANATIONS[out.error] ?? DEFAULT_EXPLANATION,
      error: out.error,
      // oidc-provider hides a server error's description already; a bug shows nothing but the reference.
      description: out.error === 'server_error' ? undefined : out.error_description,
      requestId,
    });
    return;
  }
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = oauthErrorBody({ status: ctx.status, error: out.error, message: out.error_description ?? '' }, requestId);
}

/**
 * oidc-provider's `renderError`: the errors it would show as a page (an authorization request
 * it cannot redirect back, a logout request it refuses, any error asked for as HTML).
 */
export const renderErrorWith =
  (branding: Branding): NonNullable<Configuration['renderError']> =>
  (ctx, out) =>
    answerError(ctx, branding, out, PAGE_ROUTES.get(ctx.oidc?.route ?? ''));
