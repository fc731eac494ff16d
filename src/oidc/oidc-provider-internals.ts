import type { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionResults, KoaContextWithOIDC } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { ClientMetadata } from '../stores/clients/client.js';

/**
 * Every place Portcullis relies on how oidc-provider (and the Koa application it is) works
 * inside, rather than on its documented configuration and methods. Each function names the
 * internal it relies on, the version it was checked against and why no public API does the
 * job; `oidc-provider-internals.spec.ts` exercises each one on a bare Provider, so an upgrade
 * that changes one fails there, by name, before any end-to-end test does.
 *
 * Checked against oidc-provider 9.13.3 (Koa 3.3.0).
 */

type Context = Pick<KoaContextWithOIDC, 'request'>;

/**
 * Sets the client address oidc-provider sees as `ctx.ip` (device info, `grant.error` audit
 * events) to the one Portcullis resolved through its trusted proxies.
 * Relies on: Koa's `request.ip` having a setter whose value `ctx.ip` then returns
 * (koa/lib/request.js `set ip`), even with `provider.proxy = true`.
 * No public API: oidc-provider takes the address from Koa, and Koa's only knob is `proxy`,
 * which believes every X-Forwarded-For (the gateway needs `proxy` for the forwarded host).
 */
export function setClientAddress(ctx: Context, address: string): void {
  ctx.request.ip = address;
}

/**
 * Mounts the provider at `mountPath` for a raw Node request handed to `provider.callback()`:
 * the endpoint URLs it builds (discovery, redirects, form actions) start with that path.
 * Relies on: `OIDCContext#urlFor` (lib/helpers/oidc_context.js) taking the mount path from
 * `req.originalUrl`, else koa-mount's `ctx.mountPath`, else Express's `req.baseUrl`; the
 * gateway leaves `originalUrl` unset, so `baseUrl` decides.
 * No public API: oidc-provider documents mounting through Express or koa-mount only, and
 * the gateway skips both on the hot path.
 */
export function mountRequest(req: IncomingMessage & { baseUrl?: string }, mountPath: string): void {
  req.baseUrl = mountPath;
}

/** An interaction as `provider.interactionDetails` loads it. */
export type LoadedInteraction = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * Records `result` on an interaction the handler already loaded with `interactionDetails` and
 * sends the browser on to its `returnTo`, as `provider.interactionFinished` does, without
 * loading the interaction a second time (a statement less per sign-in, consent and abort post).
 * Relies on: `Provider#interactionResult` (lib/provider.js) being exactly "merge the result
 * with `lastSubmission` unless it is an error, save the interaction for the rest of its
 * lifetime, return its `returnTo`", and `interactionFinished` answering 303 to that URL.
 * No public API takes an interaction already in hand: both methods load it again from the cookie.
 */
export async function finishInteraction(
  interaction: LoadedInteraction,
  res: ServerResponse,
  result: InteractionResults,
  { mergeWithLastSubmission }: { mergeWithLastSubmission: boolean },
): Promise<void> {
  interaction.result = mergeWithLastSubmission && !('error' in result) ? { ...interaction.lastSubmission, ...result } : result;
  await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
  res.statusCode = 303;
  res.setHeader('Location', interaction.returnTo);
  res.setHeader('Content-Length', '0');
  res.end();
}

/**
 * Calls `listener` with the body oidc-provider is about to send on `res`, while its headers
 * can still be set; bodies it streams are not reported.
 * Relies on: Koa's `respond` (koa/lib/application.js) writing a string or Buffer body with a
 * single `res.end(body)` call, after setting the headers with `setHeader` but before they are
 * flushed (the JSON documents: discovery, JWKS).
 * No public API: oidc-provider offers no hook after a response is rendered, and its Koa
 * middleware (`provider.use`) runs before `respond` serialises the body.
 */
export function onBodyWritten(res: ServerResponse, listener: (body: Buffer) => void): void {
  const end = res.end.bind(res);
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) listener(Buffer.from(chunk as string));
    return end(chunk as never, ...(rest as []));
  }) as typeof res.end;
}

/**
 * Whether a client with this metadata needs a `client_secret` by the issuer's configuration
 * (its auth method, or an HMAC or symmetric-encryption algorithm keyed by the secret).
 * Relies on: the static `Client.needsSecret(metadata)` (lib/models/client.js), which the
 * typings do not declare.
 * No public API: the rule is oidc-provider's own and depends on its configuration; copying
 * it would drift from what the issuer then accepts.
 */
export function needsSecret(Client: Provider['Client'], metadata: ClientMetadata): boolean {
  return (Client as unknown as { needsSecret(metadata: ClientMetadata): boolean }).needsSecret(metadata);
}

/**
 * The client member an `invalid_client_metadata` or `invalid_redirect_uri` error from
 * `Client.validate` is about, and the rest of its message; `member` is undefined when the
 * description does not start with one. Any other error gives undefined.
 * Relies on: the schema's descriptions starting with the offending member's name, then a
 * space (lib/helpers/client_schema.js: "redirect_uris must contain members", "token_endpoint_auth_method must be …").
 * No public API: the errors carry no field, only the description.
 */
export function clientMetadataProblem(error: unknown): { member: string | undefined; message: string } | undefined {
  if (!(error instanceof errors.InvalidClientMetadata || error instanceof errors.InvalidRedirectUri)) return undefined;
  const description = String(error.error_description ?? error.message);
  const match = /^([a-z_]+)\s+(.*)$/s.exec(description);
  return match ? { member: match[1], message: match[2] } : { member: undefined, message: description };
}

/**
 * Whether `error` is the one oidc-provider throws (outside its own error handler) when a form
 * of its own (the device code page) is posted without the session it was issued in.
 * Relies on: `Session#persist` (lib/models/session.js) throwing a TypeError whose message
 * starts "persist can only be called on previously persisted Sessions".
 * No public API: it escapes as a plain TypeError, with no error class or code.
 */
export function isSessionlessFormPost(error: unknown): boolean {
  return error instanceof TypeError && error.message.startsWith('persist can only be called on previously persisted Sessions');
}

/**
 * The `'sha256-…'` sources oidc-provider added to a Content-Security-Policy for the inline
 * script of a page it rendered (the `form_post` auto-submit).
 * Relies on: lib/helpers/script_src_sha.js adding `'sha256-<base64>'` of the script to the
 * `script-src` directive of a CSP already set on the response, and to nothing else.
 * No public API: the page and its script are oidc-provider's; this is its only signal.
 */
export function addedScriptHashes(csp: string): string[] {
  return csp.match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? [];
}

/**
 * The ids of the forms oidc-provider builds for the pages it lets Portcullis render; the
 * page's buttons submit them with `form="<id>"`.
 * Relies on: lib/actions/end_session.js (`op.logoutForm`) and lib/helpers/user_code_form.js
 * (`op.deviceInputForm`, `op.deviceConfirmForm`).
 * No public API: the form arrives as HTML text.
 */
export const PROVIDER_FORM_IDS = {
  logout: 'op.logoutForm',
  deviceInput: 'op.deviceInputForm',
  deviceConfirm: 'op.deviceConfirmForm',
} as const;

/**
 * The device code input form with an id on the code input (so a label names it) and the
 * product's class and autocomplete on it.
 * Relies on: lib/helpers/user_code_form.js `input` writing the input as `name="user_code"`.
 * No public API: the form arrives as HTML text.
 */
export function labelUserCodeInput(form: string): string {
  return form.replace('name="user_code"', 'id="user_code" name="user_code" class="code" autocomplete="off"');
}

/**
 * Calls `listener` for an error that escaped oidc-provider's own error handler (thrown by
 * `provider.use` middleware, or re-emitted by it as `ctx.app.emit('error', …)`); having a
 * listener also keeps Koa from printing the error to stderr.
 * Relies on: `Provider` extending Koa (lib/provider.js), so `ctx.app` is the provider and
 * Koa's `ctx.onerror` emits `'error'` with (error, ctx) on it.
 * No public API: the typings' `on` lists oidc-provider's own events only.
 */
export function onEscapedError(provider: Provider, listener: (error: Error, ctx?: { req?: { id?: unknown } }) => void): void {
  (provider as unknown as EventEmitter).on('error', listener);
}

/**
 * Sends the client a back-channel logout token for the session `sid` of `accountId`, exactly as
 * end_session does (signed with the client's ID token algorithm, `sid` when the client requires
 * it, through the configured `fetch`); resolves once the client answered 200 or 204, rejects
 * otherwise (see `refusedLogoutStatus`). The client must have a `backchannelLogoutUri`.
 * Relies on: the `Client#backchannelLogout(sub, sid)` instance method (lib/models/client.js),
 * which lib/actions/end_session.js calls, and which the typings do not declare.
 * No public API: oidc-provider sends logout tokens only from its end_session endpoint, and a
 * session ended through the admin API never passes there.
 */
export function sendBackchannelLogout(client: InstanceType<Provider['Client']>, accountId: string, sid: string | undefined): Promise<void> {
  return (client as unknown as { backchannelLogout(sub: string, sid: string | undefined): Promise<void> }).backchannelLogout(accountId, sid);
}

/**
 * The HTTP status a client answered a logout token with, when that answer is why the delivery
 * failed (neither 200 nor 204); undefined for any other failure (refused address, network,
 * timeout), whose own message says what happened.
 * Relies on: `Client#backchannelLogout` (lib/models/client.js) rejecting with an Error whose
 * `response` member is the fetch Response, for end_session's `backchannel.error` event and
 * `sendBackchannelLogout` alike.
 * No public API: the error's message quotes the whole backchannel_logout_uri, and nothing else
 * carries the status.
 */
export function refusedLogoutStatus(error: unknown): number | undefined {
  const response = (error as { response?: unknown } | null)?.response;
  return response instanceof Response ? response.status : undefined;
}

/**
 * The names oidc-provider gives its client registration routes, as `ctx.oidc.route` reads
 * during the request (RegisteredClients stores a client only from these, and the sector
 * identifier is fetched only there).
 * Relies on: lib/helpers/initialize_app.js naming the routes `registration` (RFC 7591 POST),
 * `client_update` and `client_delete` (RFC 7592 PUT and DELETE).
 * No public API: the names appear in no documented list; only their events are documented.
 */
export const REGISTRATION_ROUTES = { register: 'registration', update: 'client_update', delete: 'client_delete' } as const;
