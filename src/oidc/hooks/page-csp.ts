import type { Middleware } from 'koa';
import { PAGE_CSP, pageCsp } from '../../common/http/page-headers.js';
import { addedScriptHashes } from '../oidc-provider-internals.js';

const CSP = 'Content-Security-Policy';

/**
 * Lets the one inline script oidc-provider renders (the `form_post` page's auto-submit) run
 * under the pages' policy, and no other. oidc-provider adds the SHA-256 of that script to a
 * `script-src` it finds already set, so the policy is set before the route runs; afterwards
 * it is rebuilt around the hashes added, or dropped from a response that is not a page
 * (`guardPages` gives every page the rest of its headers).
 * (see `addedScriptHashes` in ../oidc-provider-internals.ts).
 */
export const pageScriptHashes: Middleware = async (ctx, next) => {
  // Built once: this runs on every provider request, token and userinfo calls included.
  ctx.set(CSP, PAGE_CSP);
  try {
    await next();
  } finally {
    if (ctx.response.is('html')) {
      const hashes = addedScriptHashes(ctx.response.get(CSP));
      ctx.set(CSP, hashes.length ? pageCsp(hashes) : PAGE_CSP);
    } else ctx.remove(CSP);
  }
};
