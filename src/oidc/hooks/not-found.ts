import type { Middleware } from 'koa';

/**
 * Wraps the provider's routes (oidc-provider runs `provider.use` middleware around them): when
 * no endpoint answered, Koa would send a text "Not Found"; the contract wants OAuthError JSON.
 */
export const notFound: Middleware = async (ctx, next) => {
  await next();
  if (ctx.status === 404 && ctx.body === undefined) {
    ctx.status = 404;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { error: 'not_found', error_description: 'The requested resource does not exist.' };
  }
};
