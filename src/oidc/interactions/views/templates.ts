/**
 * The pages end users see, as Eta templates (auto-escaped: `<%= %>` escapes, `<%~ %>` does
 * not and is used only for markup built here or by oidc-provider). Kept as strings so the
 * build ships them inside the compiled code.
 */
export const layout = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title><%= it.title %> · <%= it.tenantName %></title>
<style>
  :root { color-scheme: light dark; --accent: <%= it.accent %>; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: Canvas; color: CanvasText; }
  main { width: min(100% - 2rem, 24rem); padding: 2rem; border: 1px solid color-mix(in srgb, CanvasText 15%, transparent); border-radius: 12px; }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  .tenant { margin: 0 0 1.5rem; opacity: .75; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input[type=text], input[type=password] { width: 100%; padding: .6rem .7rem; font: inherit; border: 1px solid color-mix(in srgb, CanvasText 35%, transparent); border-radius: 6px; background: Canvas; color: CanvasText; }
  input:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  button { font: inherit; padding: .6rem 1rem; border-radius: 6px; border: 1px solid var(--accent); cursor: pointer; }
  .primary { background: var(--accent); color: white; width: 100%; margin-top: 1.5rem; }
  .secondary { background: transparent; color: CanvasText; width: 100%; margin-top: .5rem; border-color: color-mix(in srgb, CanvasText 35%, transparent); }
  .error { padding: .6rem .8rem; border-radius: 6px; background: color-mix(in srgb, #d33 18%, Canvas); border: 1px solid #d33; }
  ul.scopes { padding-left: 1.2rem; }
  .logo { display: block; max-height: 48px; max-width: 100%; margin: 0 0 1rem; }
  .client { display: flex; gap: .75rem; align-items: center; margin: 0 0 1rem; }
  .client img { max-height: 40px; max-width: 40%; }
  .client p { margin: 0; }
  .client-links { font-size: .85rem; margin: 1rem 0 0; }
  .client-links a { color: inherit; }
  .code { font: 600 1.6rem/1.2 ui-monospace, monospace; letter-spacing: .15em; text-align: center; }
  .reference { font-size: .85rem; opacity: .75; overflow-wrap: anywhere; }
  h2 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
  section ~ section, form + details, form + section { border-top: 1px solid color-mix(in srgb, CanvasText 15%, transparent); margin-top: 1.25rem; }
  details { margin-top: 1rem; }
  summary { cursor: pointer; }
  .qr svg { display: block; width: 176px; height: 176px; margin: .5rem 0; background: white; }
  .secret { font: .95rem ui-monospace, monospace; overflow-wrap: anywhere; }
  ul.codes { list-style: none; padding: 0; columns: 2; font: 1rem ui-monospace, monospace; }
</style>
</head>
<body>
<main>
  <% if (it.logoUrl) { %><img class="logo" src="<%= it.logoUrl %>" alt="<%= it.tenantName %>"><% } %>
  <h1><%= it.title %></h1>
  <p class="tenant"><%= it.tenantName %></p>
  <%~ it.body %>
</main>
</body>
</html>`;

/**
 * The client the person is signing in to (OpenID Connect Registration §2: its name, logo, privacy
 * policy and terms), as it registered them; links open apart from the form and send no referrer.
 */
export const clientBlock = `<% if (it.client) { %><div class="client">
  <% if (it.client.logoUri) { %><img src="<%= it.client.logoUri %>" alt="" referrerpolicy="no-referrer"><% } %>
  <p>to continue to <strong><%= it.client.name %></strong></p>
</div><% } %>`;

export const clientLinks = `<% if (it.client && (it.client.policyUri || it.client.tosUri)) { %><p class="client-links">
  <% if (it.client.policyUri) { %><a href="<%= it.client.policyUri %>" target="_blank" rel="noopener noreferrer"><%= it.client.name %> privacy policy</a><% } %>
  <% if (it.client.policyUri && it.client.tosUri) { %> · <% } %>
  <% if (it.client.tosUri) { %><a href="<%= it.client.tosUri %>" target="_blank" rel="noopener noreferrer"><%= it.client.name %> terms of service</a><% } %>
</p><% } %>`;

export const loginBody = `
<%~ include('@client') %>
<% if (it.error) { %><p class="error" role="alert"><%= it.error %></p><% } %>
<% if (it.password) { %><form method="post" action="<%= it.action %>" autocomplete="on">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="<%= it.passkey ? 'username webauthn' : 'username' %>" required autofocus value="<%= it.username %>">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password"<% if (!it.homeRealm) { %> required<% } %>>
<% if (it.homeRealm) { %>  <p class="reference">Work email? Your organization’s sign-in page opens; no password here.</p>
<% } %>  <button class="primary" type="submit">Sign in</button>
</form><% } %>
<% if (it.federate) { %><div class="connections"><% it.connections.forEach(function (connection) { %>
<form method="post" action="<%= it.federate %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <input type="hidden" name="connection" value="<%= connection.name %>">
  <button class="secondary" type="submit">Sign in with <%= connection.displayName %></button>
</form><% }) %></div><% } %>
<% if (it.passkey) { %><form method="post" action="<%= it.passkey %>" data-webauthn="authenticate" data-autofill>
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <input type="hidden" name="credential">
  <button class="secondary" type="submit">Sign in with a passkey</button>
</form>
<%~ include('@webauthn') %><% } %>
<form method="post" action="<%= it.abort %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <button class="secondary" type="submit">Cancel</button>
</form>
<%~ include('@clientLinks') %>`;

/**
 * What WebAuthn forms share: the place their errors show, the options (JSON in a data block,
 * which never runs; `<` escaped so no value can end it), and the scripts, which run by hash.
 */
export const webauthnBlock = `<p class="error" role="alert" id="webauthn-error" tabindex="-1" hidden></p>
<script type="application/json" id="webauthn-options"><%~ it.webauthnOptions %></script>
<script><%~ it.scripts.library %></script>
<script><%~ it.scripts.glue %></script>`;

/** The second step of a sign-in (or a step-up): any factor the user holds that the request accepts. */
export const secondFactorBody = `
<%~ include('@client') %>
<p><%= it.intro %></p>
<% if (it.error) { %><p class="error" role="alert"><%= it.error %></p><% } %>
<% if (it.webauthn) { %><form method="post" action="<%= it.webauthn %>" data-webauthn="authenticate">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <input type="hidden" name="credential">
  <button class="primary" type="submit">Use a passkey or security key</button>
</form>
<%~ include('@webauthn') %><% } %>
<% if (it.totp) { %><form method="post" action="<%= it.totp %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <label for="code">Code from your authenticator app</label>
  <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required<% if (!it.webauthn) { %> autofocus<% } %>>
  <button class="primary" type="submit">Verify</button>
</form><% } %>
<% if (it.recovery) { %><details<% if (!it.webauthn && !it.totp) { %> open<% } %>>
  <summary>Use a recovery code</summary>
  <form method="post" action="<%= it.recovery %>">
    <input type="hidden" name="_csrf" value="<%= it.csrf %>">
    <label for="recovery-code">Recovery code</label>
    <input id="recovery-code" name="code" type="text" autocomplete="off" spellcheck="false" maxlength="64" required>
    <button class="primary" type="submit">Use recovery code</button>
  </form>
</details><% } %>
<form method="post" action="<%= it.abort %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <button class="secondary" type="submit">Cancel</button>
</form>`;

/** Enrollment of a second factor, during a sign-in: a passkey, a security key or an authenticator app. */
export const enrollBody = `
<p><%= it.intro %></p>
<% if (it.error) { %><p class="error" role="alert"><%= it.error %></p><% } %>
<% if (it.passkey) { %><section>
  <h2>Passkey</h2>
  <p>Sign in with your fingerprint, face or screen lock, on this device or your phone.</p>
  <form method="post" action="<%= it.passkey %>" data-webauthn="passkey">
    <input type="hidden" name="_csrf" value="<%= it.csrf %>">
    <input type="hidden" name="credential">
    <button class="primary" type="submit">Create a passkey</button>
  </form>
</section><% } %>
<% if (it.securityKey) { %><section>
  <h2>Security key</h2>
  <p>A USB, NFC or Bluetooth key you touch after your password.</p>
  <form method="post" action="<%= it.securityKey %>" data-webauthn="security_key">
    <input type="hidden" name="_csrf" value="<%= it.csrf %>">
    <input type="hidden" name="credential">
    <button class="primary" type="submit">Add a security key</button>
  </form>
</section><% } %>
<% if (it.passkey || it.securityKey) { %><%~ include('@webauthn') %><% } %>
<% if (it.totp) { %><section>
  <h2>Authenticator app</h2>
  <p>Scan this code with an authenticator app, then enter the code it shows.</p>
  <div class="qr" role="img" aria-label="QR code of your authenticator app key"><%~ it.totp.qrSvg %></div>
  <p>Or enter this key: <span class="secret"><%= it.totp.secret %></span></p>
  <form method="post" action="<%= it.totp.action %>">
    <input type="hidden" name="_csrf" value="<%= it.csrf %>">
    <label for="code">Code from the app</label>
    <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required>
    <button class="primary" type="submit">Confirm</button>
  </form>
</section><% } %>
<% if (it.skip) { %><form method="post" action="<%= it.skip %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <button class="secondary" type="submit">Not now</button>
</form><% } %>
<form method="post" action="<%= it.abort %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <button class="secondary" type="submit">Cancel</button>
</form>`;

/** Recovery codes, shown once, right after they are made. */
export const recoveryCodesBody = `
<p>Keep these recovery codes somewhere safe. If you lose your authenticator, each one signs you in once. They are not shown again.</p>
<ul class="codes" aria-label="Recovery codes">
<% it.codes.forEach(function (code) { %>  <li><%= code %></li>
<% }) %></ul>
<form method="post" action="<%= it.action %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <button class="primary" type="submit" autofocus>I saved them, continue</button>
</form>`;

export const consentBody = `
<p><strong><%= it.clientName %></strong> asks to:</p>
<ul class="scopes">
<% it.scopes.forEach(function (scope) { %>  <li><%= scope %></li>
<% }) %></ul>
<form method="post" action="<%= it.action %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <button class="primary" type="submit">Allow</button>
</form>
<form method="post" action="<%= it.abort %>">
  <input type="hidden" name="_csrf" value="<%= it.csrf %>">
  <button class="secondary" type="submit">Deny</button>
</form>
<%~ include('@clientLinks') %>`;

export const messageBody = `<p><%= it.message %></p>
<% if (it.details) { %><pre style="overflow:auto;font-size:.85rem"><%= it.details %></pre><% } %>`;

/** oidc-provider's forms (logout, device) already carry their own anti-forgery field. */
export const providerFormBody = `
<p><%= it.message %></p>
<% if (it.userCodeInput) { %><label for="user_code">Code</label><% } %>
<%~ it.form %>
<button class="primary" type="submit" form="<%= it.formId %>"<% if (it.submitValue) { %> name="<%= it.submitName %>" value="<%= it.submitValue %>"<% } %>><%= it.submitLabel %></button>
<% if (it.abortLabel) { %><button class="secondary" type="submit" form="<%= it.formId %>" name="abort" value="yes"><%= it.abortLabel %></button><% } %>`;

/** A request the issuer refuses and cannot send back to the application: what went wrong, in words and as the protocol names it. */
export const errorBody = `<p><%= it.explanation %></p>
<p class="error" role="alert"><code><%= it.error %></code><% if (it.description) { %>: <%= it.description %><% } %></p>
<p>Go back to the application and try again. If this keeps happening, tell its administrator what this page says.</p>
<% if (it.requestId) { %><p class="reference">Reference: <%= it.requestId %></p><% } %>`;
