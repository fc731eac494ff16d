import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @simplewebauthn/browser's own bundle (global `SimpleWebAuthnBrowser`), as the package ships it. */
const library = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('@simplewebauthn/browser')), '..', 'dist', 'bundle', 'index.umd.min.js'),
  'utf8',
).trim();

/**
 * The pages' own script: each `form[data-webauthn]` runs its ceremony on submit (authenticate,
 * or register a passkey or a security key) and posts the credential's JSON in its `credential`
 * field; a form marked `data-autofill` also offers passkeys in the username field's autofill
 * (conditional mediation) where the browser can. Without WebAuthn, those forms are hidden.
 */
const glue = `(() => {
  const { startAuthentication, startRegistration, browserSupportsWebAuthn, browserSupportsWebAuthnAutofill } = SimpleWebAuthnBrowser;
  const options = JSON.parse(document.getElementById('webauthn-options').textContent);
  const alert = document.getElementById('webauthn-error');
  const forms = document.querySelectorAll('form[data-webauthn]');
  if (!browserSupportsWebAuthn()) { forms.forEach((form) => { form.hidden = true; }); return; }
  const post = (form, credential) => { form.elements.credential.value = JSON.stringify(credential); form.submit(); };
  const ceremony = (mode, autofill) => mode === 'authenticate'
    ? startAuthentication({ optionsJSON: options.authentication, useBrowserAutofill: autofill })
    : startRegistration({ optionsJSON: options[mode] });
  forms.forEach((form) => form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.hidden = true;
    try {
      post(form, await ceremony(form.dataset.webauthn, false));
    } catch (error) {
      alert.textContent = error && error.name === 'NotAllowedError'
        ? 'The request was cancelled or timed out. Try again, or use another way.'
        : 'This device could not do that. Try again, or use another way.';
      alert.hidden = false;
      alert.focus();
    }
  }));
  const autofill = document.querySelector('form[data-autofill]');
  if (autofill) browserSupportsWebAuthnAutofill().then((yes) => yes && ceremony('authenticate', true).then((credential) => post(autofill, credential), () => {}));
})();`;

export const WEBAUTHN_SCRIPTS = { library, glue };

/** Their SHA-256 hashes, for the page's Content-Security-Policy: these two scripts run, nothing else. */
export const WEBAUTHN_SCRIPT_HASHES = [library, glue].map((script) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);

/** A value as JSON that can sit inside a `<script>` element: `<` escaped, so nothing in it can close the element. */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
