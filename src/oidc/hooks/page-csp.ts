import type { Middleware } from 'koa';
import { pageCsp } from '../../common/http/page-headers.js';
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
  ctx.set(CSP, pageCsp());
  try {
    await next();
  } finally {
    if (ctx.response.is('html')) ctx.set(CSP, pageCsp(addedScriptHashes(ctx.response.get(CSP))));
    else ctx.remove(CSP);
  }
};
