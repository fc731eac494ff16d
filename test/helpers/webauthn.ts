import type { CDPSession, Page } from 'playwright-core';

/** A credential as Chromium's virtual authenticator holds it (DevTools protocol `WebAuthn.Credential`; binary fields base64). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
  /** The credentials it holds now. */
  credentials(): Promise<VirtualCredential[]>;
  /** Gives it a credential another authenticator made: the same key on a second browser. */
  addCredential(credential: VirtualCredential): Promise<void>;
}

/**
 * Chromium's virtual authenticator (DevTools protocol, WebAuthn domain), attached to `page`: it
 * answers the page's WebAuthn ceremonies as a real one would, with no one to touch it. By default
 * a platform passkey authenticator (discoverable credentials, user verified); override `options`
 * for a security key (`hasResidentKey: false`, `hasUserVerification: false`).
 */
export async function addVirtualAuthenticator(
  page: Page,
  options: { transport?: 'usb' | 'nfc' | 'ble' | 'internal'; hasResidentKey?: boolean; hasUserVerification?: boolean; isUserVerified?: boolean } = {},
): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
      ...options,
    },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    addCredential: async (credential) => {
      if (!credential) throw new Error('no credential to add: the step that makes it failed');
      await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
    },
  };
}

/**
 * A browser without passkeys in the username field's autofill (conditional mediation). The
 * virtual authenticator answers such a request at once with the passkey it holds, where a
 * person would pick it from the list: a test that clicks "Sign in with a passkey" turns it off.
 */
export async function withoutPasskeyAutofill(page: Page): Promise<void> {
  await page.addInitScript('if (window.PublicKeyCredential) PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);');
}
