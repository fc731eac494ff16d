import { describe, it } from 'vitest';
import { OIDCC_MODULES } from './oidcc-modules.js';
import type { Plan, ResponseType } from './plan.js';

/**
 * The module lists of the certification plans, in the plans' order, per response type: as
 * `OIDCCBasicTestPlan`, `OIDCCImplicitTestPlan` and `OIDCCHybridTestPlan` list them
 * (openid-certification/conformance-suite, src/main/java/net/openid/conformance/openid/).
 * The Form Post plans are these with response_mode=form_post (AbstractFormPostTestPlan).
 */
export interface PlanEntry {
  responseType: ResponseType;
  modules: string[];
}

const BASIC = [
  'oidcc-server',
  'oidcc-response-type-missing',
  'oidcc-idtoken-signature',
  'oidcc-idtoken-unsigned',
  'oidcc-userinfo-get',
  'oidcc-userinfo-post-header',
  'oidcc-userinfo-post-body',
  'oidcc-ensure-request-without-nonce-succeeds-for-code-flow',
  'oidcc-scope-profile',
  'oidcc-scope-email',
  'oidcc-scope-address',
  'oidcc-scope-phone',
  'oidcc-scope-all',
  'oidcc-alternate-happy-flow',
  'oidcc-display-page',
  'oidcc-display-popup',
  'oidcc-prompt-login',
  'oidcc-prompt-none-not-logged-in',
  'oidcc-prompt-none-logged-in',
  'oidcc-max-age-1',
  'oidcc-max-age-10000',
  'oidcc-ensure-request-with-unknown-parameter-succeeds',
  'oidcc-id-token-hint',
  'oidcc-login-hint',
  'oidcc-ui-locales',
  'oidcc-claims-locales',
  'oidcc-ensure-request-with-acr-values-succeeds',
  'oidcc-codereuse',
  'oidcc-codereuse-30seconds',
  'oidcc-ensure-registered-redirect-uri',
  'oidcc-ensure-post-request-succeeds',
  'oidcc-server-client-secret-post',
  'oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported',
  'oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported',
  'oidcc-claims-essential',
  'oidcc-ensure-request-object-with-redirect-uri',
  'oidcc-refresh-token',
  'oidcc-ensure-request-with-valid-pkce-succeeds',
];

/** OIDCCImplicitTestPlan's list, run for both response types. */
const IMPLICIT = [
  'oidcc-server',
  'oidcc-idtoken-signature',
  'oidcc-ensure-request-without-nonce-fails',
  'oidcc-scope-profile',
  'oidcc-scope-email',
  'oidcc-scope-address',
  'oidcc-scope-phone',
  'oidcc-scope-all',
  'oidcc-alternate-happy-flow',
  'oidcc-display-page',
  'oidcc-display-popup',
  'oidcc-prompt-login',
  'oidcc-prompt-none-not-logged-in',
  'oidcc-prompt-none-logged-in',
  'oidcc-max-age-1',
  'oidcc-max-age-10000',
  'oidcc-ensure-request-with-unknown-parameter-succeeds',
  'oidcc-id-token-hint',
  'oidcc-login-hint',
  'oidcc-ui-locales',
  'oidcc-claims-locales',
  'oidcc-ensure-request-with-acr-values-succeeds',
  'oidcc-ensure-registered-redirect-uri',
  'oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported',
  'oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported',
  'oidcc-ensure-request-object-with-redirect-uri',
  'oidcc-claims-essential',
];

/** OIDCCHybridTestPlan: the table once per response type; the modules that differ are marked. */
const hybrid = (responseType: 'code id_token' | 'code token' | 'code id_token token'): string[] => [
  'oidcc-server',
  ...(responseType === 'code id_token' ? ['oidcc-response-type-missing'] : []),
  'oidcc-idtoken-signature',
  'oidcc-userinfo-get',
  'oidcc-userinfo-post-header',
  'oidcc-userinfo-post-body',
  // No ID token from the authorization endpoint with code token, so no nonce needed there.
  responseType === 'code token' ? 'oidcc-ensure-request-without-nonce-succeeds-for-code-flow' : 'oidcc-ensure-request-without-nonce-fails',
  'oidcc-scope-profile',
  'oidcc-scope-email',
  'oidcc-scope-address',
  'oidcc-scope-phone',
  'oidcc-scope-all',
  ...(responseType === 'code id_token' ? ['oidcc-alternate-happy-flow'] : []),
  'oidcc-display-page',
  'oidcc-display-popup',
  'oidcc-prompt-login',
  'oidcc-prompt-none-not-logged-in',
  'oidcc-prompt-none-logged-in',
  'oidcc-max-age-1',
  'oidcc-max-age-10000',
  'oidcc-ensure-request-with-unknown-parameter-succeeds',
  'oidcc-id-token-hint',
  'oidcc-login-hint',
  'oidcc-ui-locales',
  'oidcc-claims-locales',
  'oidcc-ensure-request-with-acr-values-succeeds',
  'oidcc-codereuse',
  'oidcc-codereuse-30seconds',
  'oidcc-ensure-registered-redirect-uri',
  'oidcc-server-client-secret-post',
  'oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported',
  'oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported',
  'oidcc-claims-essential',
  'oidcc-ensure-request-object-with-redirect-uri',
  'oidcc-refresh-token',
  ...(responseType === 'code id_token' ? ['oidcc-ensure-request-with-valid-pkce-succeeds'] : []),
];

export const BASIC_OP: PlanEntry[] = [{ responseType: 'code', modules: BASIC }];

export const IMPLICIT_OP: PlanEntry[] = [
  { responseType: 'id_token', modules: IMPLICIT },
  // The userinfo modules need an access token, and response-type-missing runs once.
  {
    responseType: 'id_token token',
    modules: [...IMPLICIT, 'oidcc-userinfo-get', 'oidcc-userinfo-post-header', 'oidcc-userinfo-post-body', 'oidcc-response-type-missing'],
  },
];

export const HYBRID_OP: PlanEntry[] = (['code id_token', 'code token', 'code id_token token'] as const).map((responseType) => ({
  responseType,
  modules: hybrid(responseType),
}));

/** One test per module, named after it, in a block per response type; each module gets its own tenant. */
export function planTests(entries: PlanEntry[], plan: () => Plan, options: { formPost?: boolean } = {}): void {
  for (const { responseType, modules } of entries) {
    describe(`response_type=${responseType}${options.formPost ? ', response_mode=form_post' : ''}`, () => {
      for (const name of modules) it(name, () => OIDCC_MODULES[name](plan(), { responseType, formPost: options.formPost }));
    });
  }
}
