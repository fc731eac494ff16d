import type { Middleware } from 'koa';
import type { IncomingMessage } from 'node:http';
import type { Branding } from '../interactions/pages.js';
import { ROUTES } from '../provider-options.js';
import { answerError, type Flow } from './render-error.js';

const FORM = 'application/x-www-form-urlencoded';
/** The largest form body read, in bytes: oidc-provider's own limit on the bodies it parses. */
const BODY_LIMIT = 56 * 1024;
/** The longest URL a browser is sent back to: common proxies refuse longer request lines (nginx's default buffer is 8 KiB). */
const LONGEST_LOCATION = 8000;
/** `Sec-Fetch-Site` values of a request that carried the browser's `SameSite=Lax` cookies. */
const SENT_WITH_COOKIES = new Set(['same-origin', 'same-site']);
/** The endpoints OpenID Connect lets a client call by form POST as well as by GET. */
const FORM_POST_ENDPOINTS = new Map<string, Flow>([
  [ROUTES.authorization, 'sign-in'],
  [ROUTES.end_session, 'sign-out'],
]);

/**
 * The authorization and end-session endpoints by POST, with the parameters in a form body
 * (OpenID Connect Core §3.1.2.1, RP-Initiated Logout 1.0 §2).
 *
 * oidc-provider serves these by GET only unless its session cookie is `SameSite=None`
 * (`enableHttpPostMethods`): a browser withholds a `SameSite=Lax` cookie from a POST that
 * another site started, so the request would not see the person's session. The session cookie
 * stays `Lax`; instead, each POST becomes the GET request with the same parameters:
 * - when the browser says this site sent it (`Sec-Fetch-Site: same-origin` or `same-site`, which
 *   page scripts cannot set), its `Lax` cookies came with it: the request is served here as that
 *   GET, its parameters staying out of the URL;
 * - otherwise (another site, or a browser that does not say, or no browser) a 303 sends the
 *   client to that GET, which carries the browser's cookies as any top-level GET does, so single
 *   sign-on, `prompt=none` and logout see the session even from browsers without the header.
 * A body the redirect could not carry in a URL is served here too.
 */
export const formPostRequests =
  (branding: Branding, issuer: string): Middleware =>
  async (ctx, next) => {
    const flow = ctx.method === 'POST' ? FORM_POST_ENDPOINTS.get(ctx.path) : undefined;
    if (!flow) {
      await next();
      return;
    }
    const refuse = (description: string) => {
      ctx.status = 400;
      answerError(ctx, branding, { error: 'invalid_request', error_description: description }, flow);
    };
    // As oidc-provider's own body parser: a form, or no body at all.
    if (ctx.get('Content-Type') && !ctx.is(FORM)) return refuse(`only ${FORM} content-type bodies are supported on POST ${ctx.path}`);
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(ctx.get('Content-Type') ? await readBody(ctx.req) : '');
    } catch {
      return refuse('failed to parse the request body');
    }
    // The gateway refuses the same in a query string: no parameter can carry one, nor can PostgreSQL store one.
    for (const [name, value] of params) if (name.includes('\0') || value.includes('\0')) return refuse('A request parameter contains a NUL character.');

    const query = params.toString();
    const location = `${issuer}${ctx.path}${query ? `?${query}` : ''}`;
    if (!SENT_WITH_COOKIES.has(ctx.get('Sec-Fetch-Site')) && location.length <= LONGEST_LOCATION) {
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 303;
      ctx.redirect(location);
      return;
    }
    ctx.method = 'GET';
    ctx.querystring = query;
    try {
      await next();
    } finally {
      // Logged and counted as what the client sent.
      ctx.method = 'POST';
    }
  };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Stopping early leaves the connection to Node rather than destroying it mid-answer.
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new Error('request entity too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
