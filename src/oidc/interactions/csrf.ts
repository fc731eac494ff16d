import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';

/** The interaction uid of `/{issuer_id}/interaction/{uid}/…`: each token is bound to one interaction. */
const interactionUid = (req: Request) => req.originalUrl.split('?')[0].split('/')[3] ?? '';

/**
 * Where the cookie is sent: the issuer's interaction pages only, so each issuer has its own
 * (as oidc-provider's own cookies are pathed per issuer), and a sign-in page opened at one
 * issuer cannot replace the token of a form open at another.
 */
const cookiePath = (req: Request) => `/${req.originalUrl.split('?')[0].split('/')[1] ?? ''}/interaction/`;

/**
 * CSRF protection of the sign-in forms (double-submit cookie, HMAC-bound to the interaction):
 * `issue` puts a token in a page, `protect` refuses a POST without the matching one.
 */
export function interactionCsrf(secrets: Buffer[], secure: boolean): { issue: (req: Request, res: Response) => string; protect: RequestHandler } {
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    // The first makes tokens, every one is accepted (a key-encryption key rotation in progress).
    getSecret: () => secrets.map((secret) => secret.toString('base64url')),
    getSessionIdentifier: interactionUid,
    cookieName: 'portcullis.csrf',
    cookieOptions: { sameSite: 'lax', secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => (req.body as { _csrf?: string } | undefined)?._csrf,
    errorConfig: { statusCode: 403, message: 'The form was missing its anti-forgery token or it did not match; reload the page.', code: 'invalid_csrf_token' },
  });
  return {
    issue: (req, res) => generateCsrfToken(req, res, { overwrite: true, cookieOptions: { path: cookiePath(req) } }),
    protect: (req: Request, res: Response, next: NextFunction) => doubleCsrfProtection(req, res, next),
  };
}
