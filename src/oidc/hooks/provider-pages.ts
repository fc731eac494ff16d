import type { Configuration } from 'oidc-provider';
import { messagePage, providerFormPage, type Branding } from '../interactions/pages.js';
import { labelUserCodeInput, PROVIDER_FORM_IDS } from '../oidc-provider-internals.js';

type Features = NonNullable<Configuration['features']>;

/**
 * The pages oidc-provider renders itself (logout confirmation, device code entry), in the
 * product's look. The forms come from oidc-provider, with their own anti-forgery fields.
 */
export function logoutPages(branding: Branding): Pick<NonNullable<Features['rpInitiatedLogout']>, 'logoutSource' | 'postLogoutSuccessSource'> {
  return {
    async logoutSource(ctx, form) {
      ctx.type = 'html';
      ctx.body = providerFormPage(branding, {
        title: 'Sign out?',
        message: 'Do you want to sign out of this account?',
        form,
        formId: PROVIDER_FORM_IDS.logout,
        submitLabel: 'Yes, sign me out',
        submitName: 'logout',
        submitValue: 'yes',
        abortLabel: undefined,
      });
    },
    async postLogoutSuccessSource(ctx) {
      ctx.type = 'html';
      ctx.body = messagePage(branding, 'Signed out', 'You are signed out. You can close this window.');
    },
  };
}

export function devicePages(branding: Branding): Pick<NonNullable<Features['deviceFlow']>, 'userCodeInputSource' | 'userCodeConfirmSource' | 'successSource'> {
  return {
    async userCodeInputSource(ctx, form, _out, err) {
      ctx.type = 'html';
      const message = err ? 'That code is not valid or has expired. Check it and try again.' : 'Enter the code shown on your device.';
      // oidc-provider's form holds the code input; give it an id so the label names it.
      const labelled = labelUserCodeInput(form);
      ctx.body = providerFormPage(branding, {
        title: 'Connect a device',
        message,
        form: labelled,
        formId: PROVIDER_FORM_IDS.deviceInput,
        submitLabel: 'Continue',
        userCodeInput: true,
      });
    },
    async userCodeConfirmSource(ctx, form, client, _deviceInfo, userCode) {
      ctx.type = 'html';
      ctx.body = providerFormPage(branding, {
        title: 'Connect a device',
        message: `${client.clientName ?? client.clientId} asks to sign in with code ${userCode}. Is that the code on your device?`,
        form,
        formId: PROVIDER_FORM_IDS.deviceConfirm,
        // The form carries confirm=yes itself; a second one would be a duplicate parameter.
        submitLabel: 'Yes, continue',
        abortLabel: 'No, cancel',
      });
    },
    async successSource(ctx) {
      ctx.type = 'html';
      ctx.body = messagePage(branding, 'Device connected', 'Your device is signed in. You can close this window.');
    },
  };
}
