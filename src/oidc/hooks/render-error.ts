import type { Configuration } from 'oidc-provider';
import { oauthErrorBody } from '../../common/errors/error-body.js';

/**
 * Errors oidc-provider would show as an HTML page (an authorization request it cannot
 * redirect back) answer OAuthError JSON instead, like every other public error.
 */
export const renderError: NonNullable<Configuration['renderError']> = (ctx, out) => {
  ctx.type = 'application/json; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = oauthErrorBody({ status: ctx.status, error: out.error, message: out.error_description ?? '' });
};
