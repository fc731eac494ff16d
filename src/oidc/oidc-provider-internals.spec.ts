import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addedScriptHashes,
  clientMetadataProblem,
  finishInteraction,
  isSessionlessFormPost,
  labelUserCodeInput,
  mountRequest,
  needsSecret,
  onBodyWritten,
  onEscapedError,
  PROVIDER_FORM_IDS,
  refusedLogoutStatus,
  REGISTRATION_ROUTES,
  sendBackchannelLogout,
  setClientAddress,
} from './oidc-provider-internals.js';

/**
 * Each test exercises one function of oidc-provider-internals.ts on a bare Provider (its
 * in-memory adapter, static clients) behind a plain Node server, as the issuer gateway runs
 * it. A failure names the internal an upgrade changed: fix that function, not its callers.
 */

const ISSUER = 'https://op.example/acme';
const RESOLVED_ADDRESS = '203.0.113.7';
const COOKIE_KEY = 'a-cookie-key';

const forms: { logout?: string; deviceInput?: string; deviceConfirm?: string } = {};
const seen: { ip?: string; appIsProvider?: boolean } = {};
const escaped: Error[] = [];
let captured: Buffer | undefined;
/** What the provider sent through its `fetch` (back-channel logout), and the status the next send is answered with. */
const sent: { url: string; method?: string; body: string }[] = [];
let answerStatus = 200;

const configuration: Configuration = {
  clients: [
    { client_id: 'rp', client_secret: 'a-secret-long-enough-for-hmac-signing-000', redirect_uris: ['https://rp.example/cb'] },
    {
      client_id: 'bcl',
      client_secret: 'a-secret-long-enough-for-hmac-signing-000',
      redirect_uris: ['https://rp.example/cb'],
      backchannel_logout_uri: 'https://rp.example/backchannel-logout',
      backchannel_logout_session_required: true,
    },
    {
      client_id: 'tv',
      token_endpoint_auth_method: 'none',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  cookies: { keys: [COOKIE_KEY] },
  async fetch(url, options) {
    sent.push({ url: url instanceof Request ? url.url : url.toString(), method: options?.method, body: await new Response(options?.body).text() });
    return new Response(null, { status: answerStatus });
  },
  features: {
    devInteractions: { enabled: false },
    backchannelLogout: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        forms.logout = form;
        ctx.body = 'logout';
      },
    },
    deviceFlow: {
      enabled: true,
      async userCodeInputSource(ctx, form) {
        forms.deviceInput = form;
        ctx.body = 'input';
      },
      async userCodeConfirmSource(ctx, form) {
        forms.deviceConfirm = form;
        ctx.body = 'confirm';
      },
    },
  },
};

let provider: Provider;
/** The interaction pages, as the test at hand renders them (the provider's own are off). */
let onInteraction: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
let server: Server;
let base: string;

/** As the issuer gateway does: `/acme/…` is handed to the provider below its mount path. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.url?.startsWith('/interaction/') && onInteraction) {
    void onInteraction(req, res);
    return;
  }
  if (req.url?.startsWith('/acme/')) {
    req.url = req.url.slice('/acme'.length);
    mountRequest(req, '/acme');
  }
  if (req.url === '/.well-known/openid-configuration' && req.headers['x-capture']) {
    onBodyWritten(res, (body) => {
      captured = body;
      res.setHeader('X-Captured', String(body.length));
    });
  }
  void provider.callback()(req, res);
}

/** The Session model as the adapter stores it; its typings declare no constructor payload. */
const sessionModel = () =>
  provider.Session as unknown as new (payload: Record<string, unknown>) => { persist(): Promise<unknown>; save(ttl: number): Promise<unknown> };

const pinned = { 'X-Forwarded-Host': 'op.example', 'X-Forwarded-Proto': 'https' };

beforeAll(async () => {
  provider = new Provider(ISSUER, configuration);
  provider.proxy = true;
  provider.use(async (ctx, next) => {
    setClientAddress(ctx, RESOLVED_ADDRESS);
    seen.appIsProvider = ctx.app === (provider as unknown);
    if (ctx.path === '/boom') throw new Error('escaped');
    await next();
  });
  provider.use(async (ctx, next) => {
    seen.ip = ctx.ip;
    if (ctx.path === '/auth') ctx.set('Content-Security-Policy', "default-src 'none'; script-src 'none'");
    await next();
  });
  onEscapedError(provider, (error) => escaped.push(error));
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('oidc-provider internals (oidc-provider 9.13.3, Koa 3.3.0)', () => {
  it('setClientAddress: ctx.ip is the address set on ctx.request.ip, whatever X-Forwarded-For says (Koa request.ip setter)', async () => {
    await fetch(`${base}/acme/.well-known/openid-configuration`, { headers: { ...pinned, 'X-Forwarded-For': '198.51.100.1' } });
    expect(seen.ip, 'Koa internal changed: ctx.request.ip = … no longer sets ctx.ip (setClientAddress)').toBe(RESOLVED_ADDRESS);
  });

  it('mountRequest: endpoint URLs start with the mount path set as req.baseUrl (OIDCContext#urlFor)', async () => {
    const mounted = (await (await fetch(`${base}/acme/.well-known/openid-configuration`, { headers: pinned })).json()) as Record<string, string>;
    const bare = (await (await fetch(`${base}/.well-known/openid-configuration`, { headers: pinned })).json()) as Record<string, string>;
    expect(mounted.authorization_endpoint, 'oidc-provider internal changed: urlFor no longer reads req.baseUrl as the mount path (mountRequest)').toBe(
      'https://op.example/acme/auth',
    );
    expect(bare.authorization_endpoint).toBe('https://op.example/auth');
  });

  it('onBodyWritten: a JSON document is written with one res.end(body), before its headers are flushed (Koa respond)', async () => {
    captured = undefined;
    const res = await fetch(`${base}/acme/.well-known/openid-configuration`, { headers: { ...pinned, 'X-Capture': '1' } });
    const body = await res.text();
    expect((captured as Buffer | undefined)?.toString('utf8'), 'Koa internal changed: the body is no longer passed whole to res.end (onBodyWritten)').toBe(
      body,
    );
    expect(res.headers.get('x-captured'), 'Koa internal changed: headers are flushed before res.end (onBodyWritten)').toBe(String(Buffer.byteLength(body)));
  });

  it('needsSecret: Client.needsSecret judges the auth method and HMAC algorithms (undeclared static)', () => {
    expect(
      typeof (provider.Client as unknown as { needsSecret?: unknown }).needsSecret,
      'oidc-provider internal changed: Client.needsSecret is gone (needsSecret)',
    ).toBe('function');
    expect(needsSecret(provider.Client, { token_endpoint_auth_method: 'client_secret_basic' })).toBe(true);
    expect(needsSecret(provider.Client, { token_endpoint_auth_method: 'none' })).toBe(false);
    expect(needsSecret(provider.Client, { token_endpoint_auth_method: 'none', id_token_signed_response_alg: 'HS256' })).toBe(true);
  });

  it("clientMetadataProblem: Client.validate's descriptions start with the offending member (client_schema.js)", async () => {
    const problemOf = async (metadata: Record<string, unknown>) => {
      try {
        await provider.Client.validate({ client_id: 'x', client_secret: 'y', ...metadata });
      } catch (error) {
        return clientMetadataProblem(error);
      }
      throw new Error('Client.validate accepted invalid metadata');
    };
    const message = 'oidc-provider internal changed: an invalid_client_metadata description no longer starts with the member (clientMetadataProblem)';
    expect(await problemOf({ redirect_uris: [] }), message).toEqual({ member: 'redirect_uris', message: 'must contain members' });
    expect((await problemOf({ redirect_uris: ['https://rp.example/cb'], token_endpoint_auth_method: 'bogus' }))?.member, message).toBe(
      'token_endpoint_auth_method',
    );
    expect(clientMetadataProblem(new Error('other'))).toBeUndefined();
  });

  it('isSessionlessFormPost: persisting a session that was never stored throws the recognised TypeError (Session#persist)', async () => {
    const error = await new (sessionModel())({}).persist().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isSessionlessFormPost(error), `oidc-provider internal changed: Session#persist threw ${String(error)} (isSessionlessFormPost)`).toBe(true);
  });

  it("addedScriptHashes: the form_post page's script hash is added to the script-src already set (script_src_sha.js)", async () => {
    const query = new URLSearchParams({
      client_id: 'rp',
      redirect_uri: 'https://rp.example/cb',
      response_type: 'code',
      response_mode: 'form_post',
      scope: 'openid',
      prompt: 'none',
      state: 's',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const res = await fetch(`${base}/acme/auth?${query.toString()}`, { headers: pinned });
    const body = await res.text();
    const script = /<script>([\s\S]*?)<\/script>/.exec(body)?.[1];
    expect(script, 'oidc-provider internal changed: the form_post page has no inline script').toBeDefined();
    const hash = `'sha256-${createHash('sha256').update(script!).digest('base64')}'`;
    expect(
      addedScriptHashes(res.headers.get('content-security-policy') ?? ''),
      "oidc-provider internal changed: the form_post script's hash is not added to script-src (addedScriptHashes)",
    ).toEqual([hash]);
  });

  it('PROVIDER_FORM_IDS, labelUserCodeInput: the forms handed to logoutSource and the device pages keep their ids and the user_code input (end_session.js, user_code_form.js)', async () => {
    // logoutSource runs only for a signed-in session: store one and present its cookie, signed as Koa's cookies sign it.
    const session = new (sessionModel())({ jti: 'signed-in', accountId: 'alice', loginTs: Math.floor(Date.now() / 1000) });
    await session.save(600);
    const signature = createHmac('sha1', COOKIE_KEY).update('_session=signed-in').digest('base64url');
    await fetch(`${base}/acme/session/end`, { headers: { ...pinned, Cookie: `_session=signed-in; _session.sig=${signature}` } });
    expect(forms.logout, 'oidc-provider internal changed: the logout form id (PROVIDER_FORM_IDS.logout)').toContain(`id="${PROVIDER_FORM_IDS.logout}"`);

    await fetch(`${base}/acme/device`, { headers: pinned });
    expect(forms.deviceInput, 'oidc-provider internal changed: the device input form id (PROVIDER_FORM_IDS.deviceInput)').toContain(
      `id="${PROVIDER_FORM_IDS.deviceInput}"`,
    );
    expect(
      labelUserCodeInput(forms.deviceInput!),
      'oidc-provider internal changed: the device input is no longer name="user_code" (labelUserCodeInput)',
    ).toContain('id="user_code" name="user_code"');

    const started = await fetch(`${base}/acme/device/auth`, {
      method: 'POST',
      headers: { ...pinned, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'client_id=tv&scope=openid',
    });
    const { user_code: userCode } = (await started.json()) as { user_code: string };
    // The confirm form follows the input form's POST, with its anti-forgery value and session cookie.
    const input = await fetch(`${base}/acme/device`, { headers: pinned });
    const cookie = input.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(forms.deviceInput!)?.[1] ?? '';
    await fetch(`${base}/acme/device`, {
      method: 'POST',
      headers: { ...pinned, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, user_code: userCode }),
    });
    expect(forms.deviceConfirm, 'oidc-provider internal changed: the device confirm form id (PROVIDER_FORM_IDS.deviceConfirm)').toContain(
      `id="${PROVIDER_FORM_IDS.deviceConfirm}"`,
    );
  });

  it('REGISTRATION_ROUTES: the registration, update and delete routes carry these names in ctx.oidc.route (initialize_app.js)', async () => {
    const routes: string[] = [];
    const registrar = new Provider(ISSUER, {
      cookies: { keys: [COOKIE_KEY] },
      features: { devInteractions: { enabled: false }, registration: { enabled: true }, registrationManagement: { enabled: true } },
    });
    registrar.use(async (ctx, next) => {
      await next();
      if (ctx.oidc?.route) routes.push(ctx.oidc.route);
    });
    const handler = registrar.callback();
    const listener = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    const request = async (method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) => {
      const headers = { ...pinned, 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) };
      const res = await fetch(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return (res.status === 204 ? {} : await res.json()) as Record<string, string>;
    };
    try {
      const created = await request('POST', '/reg', { body: { redirect_uris: ['https://rp.example/cb'] } });
      const body = { client_id: created.client_id, redirect_uris: ['https://rp.example/cb'] };
      const updated = await request('PUT', `/reg/${created.client_id}`, { token: created.registration_access_token, body });
      await request('DELETE', `/reg/${created.client_id}`, { token: updated.registration_access_token });
    } finally {
      listener.closeAllConnections();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
    expect(routes, 'oidc-provider internal changed: the registration route names (REGISTRATION_ROUTES)').toEqual([
      REGISTRATION_ROUTES.register,
      REGISTRATION_ROUTES.update,
      REGISTRATION_ROUTES.delete,
    ]);
  });

  it("onEscapedError: ctx.app is the provider, and an error thrown past oidc-provider's handler is emitted on it (Provider extends Koa)", async () => {
    escaped.length = 0;
    await fetch(`${base}/acme/boom`, { headers: pinned });
    expect(seen.appIsProvider, 'oidc-provider internal changed: ctx.app is not the Provider (publicErrors re-emits on it)').toBe(true);
    expect(
      escaped.map((error) => error.message),
      "oidc-provider internal changed: an escaped error is not emitted as the provider's 'error' (onEscapedError)",
    ).toEqual(['escaped']);
  });

  it('finishInteraction: the result saved on the interaction in hand is the one the authorization resumes with, after a 303 to returnTo (Provider#interactionResult)', async () => {
    const cookies = new Map<string, string>();
    const get = async (url: string) => {
      const res = await fetch(new URL(url, base), {
        headers: { ...pinned, cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        redirect: 'manual',
      });
      for (const cookie of res.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      return res;
    };
    const prompts: string[] = [];
    const returnTos: string[] = [];
    onInteraction = async (req, res) => {
      const interaction = await provider.interactionDetails(req, res);
      prompts.push(interaction.prompt.name);
      returnTos.push(interaction.returnTo);
      if (interaction.prompt.name === 'login') await finishInteraction(interaction, res, { login: { accountId: 'alice' } }, { mergeWithLastSubmission: false });
      else res.end(interaction.prompt.name);
    };
    try {
      const query = new URLSearchParams({
        client_id: 'rp',
        redirect_uri: 'https://rp.example/cb',
        response_type: 'code',
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      });
      const page = await get((await get(`/acme/auth?${query.toString()}`)).headers.get('location')!);
      expect(
        { status: page.status, location: page.headers.get('location') },
        'oidc-provider internal changed: interactionFinished answers 303 to returnTo',
      ).toEqual({
        status: 303,
        location: returnTos[0],
      });
      const next = await get(new URL(page.headers.get('location')!).pathname);
      await (await get(next.headers.get('location')!)).text();
      expect(prompts, 'oidc-provider internal changed: the resumed authorization did not take the saved login (finishInteraction)').toEqual([
        'login',
        'consent',
      ]);
    } finally {
      onInteraction = undefined;
    }
  });

  it('sendBackchannelLogout, refusedLogoutStatus: Client#backchannelLogout posts a logout token through fetch and rejects with the Response on another status (client.js)', async () => {
    const client = await provider.Client.find('bcl');
    sent.length = 0;
    answerStatus = 200;
    await sendBackchannelLogout(client!, 'alice', 'sid-1');
    expect(
      sent.map(({ url, method }) => ({ url, method })),
      'oidc-provider internal changed: Client#backchannelLogout (sendBackchannelLogout)',
    ).toEqual([{ url: 'https://rp.example/backchannel-logout', method: 'POST' }]);
    const token = new URLSearchParams(sent[0].body).get('logout_token')!;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: ISSUER, aud: 'bcl', sub: 'alice', sid: 'sid-1', events: { 'http://schemas.openid.net/event/backchannel-logout': {} } });

    answerStatus = 500;
    const error = await sendBackchannelLogout(client!, 'alice', 'sid-1').then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(refusedLogoutStatus(error), 'oidc-provider internal changed: the rejection no longer carries the Response (refusedLogoutStatus)').toBe(500);
    expect(refusedLogoutStatus(new Error('connect ECONNREFUSED'))).toBeUndefined();
  });
});
