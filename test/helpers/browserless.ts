import makeFetchCookie from 'fetch-cookie';
import { CookieJar } from 'tough-cookie';

/**
 * A user agent for protocol tests that do not need a rendered page: it keeps cookies, does not
 * follow redirects by itself, and fills in the sign-in and consent forms as a person would.
 * (Pages themselves are tested in Chromium: test/browser.)
 */
export class UserAgent {
  readonly jar = new CookieJar();
  readonly fetch = makeFetchCookie(fetch, this.jar);

  constructor(private readonly baseUrl: string) {}

  get(url: string | URL): Promise<Response> {
    return this.fetch(new URL(url, this.baseUrl), { redirect: 'manual' });
  }

  post(url: string | URL, form: Record<string, string>): Promise<Response> {
    return this.fetch(new URL(url, this.baseUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** Follows redirects within Portcullis; stops at the first one that leaves it (the client's redirect URI) or at a page. */
  async follow(res: Response): Promise<Response | URL> {
    for (let hops = 0; hops < 10; hops++) {
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return res;
      const next = new URL(location, res.url || this.baseUrl);
      if (next.origin !== new URL(this.baseUrl).origin) return next;
      res = await this.get(next);
    }
    throw new Error('too many redirects');
  }

  /**
   * Starts at an authorization URL (or at the answer to an authorization request already sent,
   * such as a form POST) and signs in (and consents) until Portcullis sends the browser back to the client.
   */
  async authorize(start: URL | Response, user?: { username: string; password: string }, consent: 'allow' | 'deny' = 'allow'): Promise<URL> {
    let step = await this.follow(start instanceof URL ? await this.get(start) : start);
    for (let pages = 0; pages < 4 && !(step instanceof URL); pages++) {
      const html = await step.text();
      if (step.status !== 200) throw new Error(`expected a page, got ${step.status}: ${html.slice(0, 200)}`);
      const form = formOf(html);
      if (html.includes('name="password"')) {
        if (!user) throw new Error('sign-in page shown but no user given');
        step = await this.follow(await this.post(form.action, { _csrf: form.csrf, username: user.username, password: user.password }));
      } else if (html.includes('Allow access?')) {
        const action = consent === 'allow' ? form.action : form.abort!;
        step = await this.follow(await this.post(action, { _csrf: form.csrf }));
      } else if (postsToClient(html, this.baseUrl)) {
        // form_post response mode: the page posts the response to the client.
        return formPostTarget(html);
      } else {
        throw new Error(`unexpected page: ${html.slice(0, 300)}`);
      }
    }
    if (!(step instanceof URL)) throw new Error('the flow did not end at the client');
    return step;
  }
}

/**
 * The user side of the device flow (RFC 8628): enters the code on the issuer's user-code page,
 * confirms it, signs in and consents, until the success page.
 */
export async function approveDevice(agent: UserAgent, verificationUri: string, userCode: string, user: { username: string; password: string }): Promise<void> {
  const xsrf = (html: string) => /name="xsrf" value="([^"]+)"/.exec(html)![1];
  const confirm = await (await agent.post(verificationUri, { xsrf: xsrf(await (await agent.get(verificationUri)).text()), user_code: userCode })).text();
  let step = await agent.follow(await agent.post(verificationUri, { xsrf: xsrf(confirm), user_code: userCode, confirm: 'yes' }));
  for (let pages = 0; pages < 3 && step instanceof Response; pages++) {
    const html = await step.text();
    if (html.includes('Device connected')) return;
    const form = formOf(html);
    step = await agent.follow(await agent.post(form.action, html.includes('name="password"') ? { _csrf: form.csrf, ...user } : { _csrf: form.csrf }));
  }
  throw new Error('the device approval did not reach the success page');
}

/** The first form's action and CSRF token, and the abort form's action if there is one. */
export function formOf(html: string): { action: string; csrf: string; abort?: string } {
  const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { action: actions[0], csrf, abort: actions.find((action) => action.endsWith('/abort')) };
}

/** The action of the page's form whose action ends with `suffix` (such as `/totp` or `/enroll/skip`), or undefined when it has none. */
export function formActionEndingWith(html: string, suffix: string): string | undefined {
  return [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')).find((action) => action.endsWith(suffix));
}

/** oidc-provider's form_post page: a form that posts to the client, off Portcullis's origin. */
function postsToClient(html: string, baseUrl: string): boolean {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  return !!action && /^https?:/.test(action) && new URL(action).origin !== new URL(baseUrl).origin;
}

/** A form_post response as the URL the client would see (its parameters in the query). */
function formPostTarget(html: string): URL {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
  const url = new URL(action);
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) url.searchParams.set(name, value.replace(/&amp;/g, '&'));
  return url;
}
