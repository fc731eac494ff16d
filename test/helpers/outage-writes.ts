import { randomBytes } from 'node:crypto';
import { adminApi, type Reply } from './admin-api.js';
import { UserAgent } from './browserless.js';
import { query } from './db.js';
import { authorizationRequest, oidc } from './rp.js';

const PASSWORD = 'correct horse battery staple';

/** What a stream of writes needs: an issuer reached through `baseUrl`, a browser client, a machine client and a user to sign in. */
export interface WriteTarget {
  baseUrl: string;
  issuerId: string;
  redirectUri: string;
  browserRp: oidc.Configuration;
  machine: { clientId: string; clientSecret: string };
  user: { username: string; password: string };
}

/** A write and, once answered with success, what reading it back needs. Names are unique, so a write that got 503 can be looked for too. */
export type Write =
  | { kind: 'user'; name: string; userId?: string }
  | { kind: 'client'; name: string; clientId?: string; clientSecret?: string }
  | { kind: 'refresh_token'; refreshToken?: string }
  | { kind: 'access_token'; accessToken?: string };

/** Before the database is cut off, while it is, and after it is back. */
export type Phase = 'before' | 'outage' | 'after';

/** How a write stands after recovery: there and whole, not there, or there with a part missing (named). */
export type Found = 'whole' | 'absent' | `half: ${string}`;

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/**
 * `temporarily_unavailable` as a step of the sign-in flow answers it: a page's 503, the token
 * endpoint's 503 (openid-client reads error bodies of 4xx answers only, RFC 6749 §5.2, and hands
 * over any other answer as the error's cause), or the authorization error sent back to the
 * client (RFC 6749 §4.1.2.1).
 */
async function isUnavailable(failure: unknown): Promise<boolean> {
  const e = failure as { error?: string; message?: string; cause?: unknown };
  if (e.error === 'temporarily_unavailable' || /^expected a page, got 503: .*temporarily_unavailable/s.test(e.message ?? '')) return true;
  if (!(e.cause instanceof Response) || e.cause.status !== 503) return false;
  return ((await e.cause.json().catch(() => ({}))) as { error?: string }).error === 'temporarily_unavailable';
}

/**
 * A stream of writes of four kinds (a user, a confidential client, a sign-in whose code is
 * redeemed for a refresh token, a client_credentials grant, which stores its opaque access
 * token), each recorded as acknowledged (the client got a success answer) or unavailable (503).
 * Any other answer throws, so the load counts it as a failure.
 */
export class WriteLedger {
  readonly acknowledged: Write[] = [];
  readonly unavailable: Write[] = [];
  /** The part of the test a write is sent in; the counts below are by it. */
  phase: Phase = 'before';
  readonly counts: Record<Phase, { sent: number; acknowledged: number; unavailable: number }> = {
    before: { sent: 0, acknowledged: 0, unavailable: 0 },
    outage: { sent: 0, acknowledged: 0, unavailable: 0 },
    after: { sent: 0, acknowledged: 0, unavailable: 0 },
  };

  constructor(private readonly target: WriteTarget) {}

  get sent(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count.sent, 0);
  }

  /** Sends write `n` (its kind is `n % 4`) and files its answer under the phase it was sent in. */
  async write(n: number): Promise<void> {
    const count = this.counts[this.phase];
    count.sent++;
    const { outcome, write } = await this.send(n);
    count[outcome]++;
    this[outcome].push(write);
  }

  private async send(n: number): Promise<{ outcome: 'acknowledged' | 'unavailable'; write: Write }> {
    const name = `outage-${n}-${randomBytes(4).toString('hex')}`;
    const { baseUrl, issuerId, machine } = this.target;
    const api = adminApi(baseUrl);
    switch (n % 4) {
      case 0: {
        const res = await api.post(`/v1/tenants/${issuerId}/users`, { username: name, password: PASSWORD });
        return outcomeOf(res, 201, { kind: 'user', name }, (body) => ({ kind: 'user', name, userId: body.user_id }));
      }
      case 1: {
        const res = await api.post(`/v1/tenants/${issuerId}/clients`, { client_name: name, grant_types: ['client_credentials'] });
        return outcomeOf(res, 201, { kind: 'client', name }, (body) => ({ kind: 'client', name, clientId: body.client_id, clientSecret: body.client_secret }));
      }
      case 2:
        try {
          const { tokens } = await this.signIn(this.target.user);
          if (!tokens.refresh_token) throw new Error('a code grant with offline_access returned no refresh token');
          return { outcome: 'acknowledged', write: { kind: 'refresh_token', refreshToken: tokens.refresh_token } };
        } catch (failure) {
          if (!(await isUnavailable(failure))) throw failure;
          return { outcome: 'unavailable', write: { kind: 'refresh_token' } };
        }
      default: {
        const res = await fetch(`${baseUrl}/${issuerId}/token`, {
          method: 'POST',
          headers: { authorization: basic(machine.clientId, machine.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        });
        const body = (await res.json()) as { access_token?: string; error?: string };
        return outcomeOf({ status: res.status, headers: res.headers, body }, 200, { kind: 'access_token' }, () => ({
          kind: 'access_token',
          accessToken: body.access_token,
        }));
      }
    }
  }

  /**
   * How `write` stands now: a user is found by its username, with the user_id it was given, its
   * password (it signs in) and its audit event; a client by its name, with a stored secret (the
   * one it was given works), and its audit event; a refresh token refreshes; an access token
   * introspects active. `databaseUrl` reads the secret columns the API never shows.
   */
  async readBack(write: Write, databaseUrl: string): Promise<Found> {
    const { baseUrl, issuerId, machine } = this.target;
    const api = adminApi(baseUrl);
    const audited = async (action: string, id: string) =>
      ((await api.get(`/v1/tenants/${issuerId}/audit-events?action=${action}&resource_id=${encodeURIComponent(id)}`)).body.items as unknown[]).length === 1;
    switch (write.kind) {
      case 'user': {
        const items = (await api.get(`/v1/tenants/${issuerId}/users?username=${write.name}`)).body.items as { user_id: string }[];
        if (items.length === 0) return 'absent';
        const userId = items[0].user_id;
        if (write.userId && userId !== write.userId) return `half: found as ${userId}, acknowledged as ${write.userId}`;
        const [{ hashed }] = await query<{ hashed: boolean }>(
          databaseUrl,
          'SELECT password_hash IS NOT NULL AS hashed FROM users WHERE tenant_id = $1 AND user_id = $2',
          [issuerId, userId],
        );
        if (!hashed) return 'half: no password hash';
        if (!(await audited('user.created', userId))) return 'half: no user.created audit event';
        const { tokens } = await this.signIn({ username: write.name, password: PASSWORD });
        return tokens.claims()?.sub === userId ? 'whole' : 'half: signs in as another subject';
      }
      case 'client': {
        const items = (await api.get(`/v1/tenants/${issuerId}/clients?client_name=${write.name}`)).body.items as { client_id: string }[];
        if (items.length === 0) return 'absent';
        const clientId = items[0].client_id;
        if (write.clientId && clientId !== write.clientId) return `half: found as ${clientId}, acknowledged as ${write.clientId}`;
        const [{ secret }] = await query<{ secret: boolean }>(
          databaseUrl,
          'SELECT client_secret IS NOT NULL AS secret FROM clients WHERE tenant_id = $1 AND client_id = $2',
          [issuerId, clientId],
        );
        if (!secret) return 'half: no secret';
        if (!(await audited('client.created', clientId))) return 'half: no client.created audit event';
        if (!write.clientSecret) return 'whole';
        const grant = await fetch(`${baseUrl}/${issuerId}/token`, {
          method: 'POST',
          headers: { authorization: basic(clientId, write.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials',
        });
        return grant.status === 200 ? 'whole' : `half: its secret answered ${grant.status}`;
      }
      case 'refresh_token': {
        try {
          return (await oidc.refreshTokenGrant(this.target.browserRp, write.refreshToken!)).access_token ? 'whole' : 'half: no access token';
        } catch (failure) {
          if ((failure as { error?: string }).error === 'invalid_grant') return 'absent';
          throw failure;
        }
      }
      case 'access_token': {
        const res = await fetch(`${baseUrl}/${issuerId}/introspect`, {
          method: 'POST',
          headers: { authorization: basic(machine.clientId, machine.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: write.accessToken! }).toString(),
        });
        return ((await res.json()) as { active: boolean }).active ? 'whole' : 'absent';
      }
    }
  }

  /** A sign-in as a browser makes it, with consent to offline access, then the code redeemed. */
  private async signIn(user: { username: string; password: string }) {
    const { browserRp, baseUrl, redirectUri } = this.target;
    const { url, checks } = await authorizationRequest(browserRp, redirectUri, { scope: 'openid offline_access', prompt: 'consent' });
    return { tokens: await oidc.authorizationCodeGrant(browserRp, await new UserAgent(baseUrl).authorize(url, user), checks) };
  }
}

/** An answer filed: `expected` acknowledges the write, a 503 temporarily_unavailable leaves it unanswered, anything else throws. */
function outcomeOf(res: Reply, expected: number, sent: Write, acknowledged: (body: any) => Write): { outcome: 'acknowledged' | 'unavailable'; write: Write } {
  const body = res.body as { error?: string } | undefined;
  if (res.status === expected) return { outcome: 'acknowledged', write: acknowledged(body) };
  if (res.status === 503 && body?.error === 'temporarily_unavailable') return { outcome: 'unavailable', write: sent };
  throw new Error(`${sent.kind} answered ${res.status}: ${JSON.stringify(body)}`);
}
