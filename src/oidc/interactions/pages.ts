import { Eta } from 'eta';
import type { Tenant } from '../../stores/tenants/tenant.js';
import {
  clientBlock,
  clientLinks,
  consentBody,
  enrollBody,
  errorBody,
  layout,
  loginBody,
  messageBody,
  providerFormBody,
  recoveryCodesBody,
  secondFactorBody,
  webauthnBlock,
} from './views/templates.js';
import { jsonForScript, WEBAUTHN_SCRIPTS } from './views/webauthn-scripts.js';

const eta = new Eta({ autoEscape: true, autoTrim: false });
eta.loadTemplate('@client', clientBlock);
eta.loadTemplate('@clientLinks', clientLinks);
eta.loadTemplate('@webauthn', webauthnBlock);
const compiled = {
  secondFactor: eta.compile(secondFactorBody),
  enroll: eta.compile(enrollBody),
  recoveryCodes: eta.compile(recoveryCodesBody),
  layout: eta.compile(layout),
  login: eta.compile(loginBody),
  consent: eta.compile(consentBody),
  message: eta.compile(messageBody),
  providerForm: eta.compile(providerFormBody),
  error: eta.compile(errorBody),
};

/** Who the page speaks for: the tenant's display name and logo, in the tenant's colour. */
export interface Branding {
  tenantName: string;
  accent?: string;
  logoUrl?: string;
}

export const brandingOf = (tenant: Pick<Tenant, 'displayName' | 'brandColor' | 'logoUrl'>): Branding => ({
  tenantName: tenant.displayName,
  accent: tenant.brandColor ?? undefined,
  logoUrl: tenant.logoUrl ?? undefined,
});

const DEFAULT_ACCENT = '#2457d6';

function page(title: string, branding: Branding, body: string): string {
  return eta.render(compiled.layout, { title, tenantName: branding.tenantName, accent: branding.accent ?? DEFAULT_ACCENT, logoUrl: branding.logoUrl, body });
}

/** What a sign-in or consent page shows of the client: its name, and of its logo and policy links only those over https. */
export interface ClientPresentation {
  name: string;
  logoUri?: string;
  policyUri?: string;
  tosUri?: string;
}

/** `client`'s registered presentation (oidc-provider's Client), or just `clientId` when it is unknown. */
export function clientPresentation(
  clientId: string,
  client?: { clientName?: string; logoUri?: string; policyUri?: string; tosUri?: string },
): ClientPresentation {
  const https = (uri?: string) => (uri && URL.canParse(uri) && new URL(uri).protocol === 'https:' ? uri : undefined);
  return { name: client?.clientName ?? clientId, logoUri: https(client?.logoUri), policyUri: https(client?.policyUri), tosUri: https(client?.tosUri) };
}

/** WebAuthn options of a page (see webauthn-scripts.ts): for an assertion, and for registering a passkey or a security key. */
export interface WebAuthnOptions {
  authentication?: unknown;
  passkey?: unknown;
  security_key?: unknown;
}

const webauthnData = (options?: WebAuthnOptions) => ({ webauthnOptions: jsonForScript(options ?? {}), scripts: WEBAUTHN_SCRIPTS });

export const loginPage = (
  branding: Branding,
  data: {
    action: string;
    abort: string;
    csrf: string;
    client?: ClientPresentation;
    username?: string;
    error?: string;
    /** Whether the password form shows (the tenant allows passwords). */
    password?: boolean;
    /** Where a passkey assertion posts, when the tenant allows passkeys. */
    passkey?: string;
    webauthn?: WebAuthnOptions;
    /** Where a connection's button posts, and the connections (see oidc/federation). */
    federate?: string;
    connections?: Array<{ name: string; displayName: string }>;
    /** Whether an email may lead to a connection (home-realm discovery): the password is then not required up front. */
    homeRealm?: boolean;
  },
) =>
  page(
    'Sign in',
    branding,
    eta.render(compiled.login, {
      username: '',
      error: undefined,
      client: undefined,
      password: true,
      passkey: undefined,
      federate: undefined,
      connections: [],
      homeRealm: false,
      ...data,
      ...webauthnData(data.webauthn),
    }),
  );

/** An interaction that is over (expired, finished, or another browser's), or an upstream answer whose state completes nothing. */
export const expiredPage = (branding: Branding) =>
  messagePage(branding, 'Sign-in expired', 'This sign-in request has expired or was already used. Go back to the application and start again.');

/** The second factor (or a step-up): forms posting to `webauthn`, `totp` and `recovery`, each present when it is offered. */
export const secondFactorPage = (
  branding: Branding,
  data: {
    intro: string;
    abort: string;
    csrf: string;
    client?: ClientPresentation;
    webauthn?: string;
    totp?: string;
    recovery?: string;
    error?: string;
    options?: WebAuthnOptions;
  },
) =>
  page(
    'Verify it’s you',
    branding,
    eta.render(compiled.secondFactor, {
      client: undefined,
      webauthn: undefined,
      totp: undefined,
      recovery: undefined,
      error: undefined,
      ...data,
      ...webauthnData(data.options),
    }),
  );

/** Enrollment of a second factor: forms posting to `passkey`, `securityKey` and `totp.action`, and `skip` when it may wait. */
export const enrollPage = (
  branding: Branding,
  data: {
    intro: string;
    abort: string;
    csrf: string;
    passkey?: string;
    securityKey?: string;
    totp?: { action: string; secret: string; qrSvg: string };
    skip?: string;
    error?: string;
    options?: WebAuthnOptions;
  },
) =>
  page(
    'Set up two-step verification',
    branding,
    eta.render(compiled.enroll, {
      passkey: undefined,
      securityKey: undefined,
      totp: undefined,
      skip: undefined,
      error: undefined,
      ...data,
      ...webauthnData(data.options),
    }),
  );

export const recoveryCodesPage = (branding: Branding, data: { action: string; csrf: string; codes: string[] }) =>
  page('Save your recovery codes', branding, eta.render(compiled.recoveryCodes, data));

export const consentPage = (branding: Branding, data: { action: string; abort: string; csrf: string; client: ClientPresentation; scopes: string[] }) =>
  page('Allow access?', branding, eta.render(compiled.consent, { ...data, clientName: data.client.name }));

export const messagePage = (branding: Branding, title: string, message: string, details?: unknown) =>
  page(title, branding, eta.render(compiled.message, { message, details: details === undefined ? undefined : JSON.stringify(details, null, 2) }));

/** A page around a form oidc-provider built (logout confirmation, device code entry and confirmation). */
export const providerFormPage = (
  branding: Branding,
  data: {
    title: string;
    message: string;
    form: string;
    formId: string;
    submitLabel: string;
    submitName?: string;
    submitValue?: string;
    abortLabel?: string;
    userCodeInput?: boolean;
  },
) =>
  page(
    data.title,
    branding,
    eta.render(compiled.providerForm, { submitName: undefined, submitValue: undefined, abortLabel: undefined, userCodeInput: false, ...data }),
  );

/** A refused sign-in or sign-out request, for the person whose browser made it; `error` and `description` as the OAuthError names them. */
export const errorPage = (branding: Branding, data: { title: string; explanation: string; error: string; description?: string; requestId?: string }) =>
  page(data.title, branding, eta.render(compiled.error, { description: undefined, requestId: undefined, ...data }));
