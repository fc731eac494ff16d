import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * The security headers of every HTML page Portcullis sends: sign-in and consent, the pages
 * oidc-provider renders (device code, logout, the `form_post` auto-submit page), the demo
 * pages and Swagger UI. Set here and nowhere else (see `guardPages`), so a new page cannot
 * be sent without them.
 */

/**
 * The pages' Content-Security-Policy: nothing may load but inline styles and an https logo,
 * no script runs unless its hash is listed (the `form_post` page's, see `pageCsp`), and no
 * other site may frame the page (clickjacking a consent or a device confirmation).
 * No `form-action`: Chromium applies it to the redirects that follow a form's POST, and
 * those end at the client, wherever it lives.
 */
export function pageCsp(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.length ? scriptHashes.join(' ') : "'none'"}`,
    "style-src 'unsafe-inline'",
    'img-src https:',
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Swagger UI's own policy: its scripts, styles and icons are served from `/docs` itself (and
 * inline styles and data: images of its own markup); it calls the admin API on this origin.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Alongside the CSP, for browsers that predate `frame-ancestors`, and so a page's URL (an
 * interaction id, a device `user_code`) never leaves in a Referer header.
 */
const PAGE_HEADERS = {
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
} as const;

export const PAGE_CSP = pageCsp();

const isDocs = (url: string) => url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?');

/**
 * Gives `res` the page headers if it turns out to be an HTML page. Called once per request,
 * before any routing; the decision waits until the headers are written, since only then is
 * the Content-Type known. A CSP the handler set itself (oidc-provider's `form_post` page,
 * with its script's hash) is kept; every other header is the same for all pages.
 */
export function guardPages(req: IncomingMessage, res: ServerResponse): void {
  // Captured now: the issuer gateway rewrites `req.url` below the issuer.
  const csp = isDocs(req.url ?? '/') ? DOCS_CSP : PAGE_CSP;
  // Called back through `apply` with the response as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (isHtml(passedContentType(args) ?? this.getHeader('content-type'))) {
      for (const [name, value] of Object.entries(PAGE_HEADERS)) this.setHeader(name, value);
      if (!this.hasHeader('content-security-policy')) this.setHeader('Content-Security-Policy', csp);
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  };
}

const isHtml = (contentType: unknown) => typeof contentType === 'string' && /^\s*text\/html\b/i.test(contentType);

/** The Content-Type among `writeHead(status, [message], headers)`'s headers, if given there. */
function passedContentType(args: unknown[]): unknown {
  const headers = args.find((arg): arg is OutgoingHttpHeaders | unknown[] => typeof arg === 'object' && arg !== null);
  if (!headers) return undefined;
  if (Array.isArray(headers)) {
    const at = headers.findIndex((item, index) => index % 2 === 0 && String(item).toLowerCase() === 'content-type');
    return at < 0 ? undefined : headers[at + 1];
  }
  return Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}
