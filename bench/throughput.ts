/**
 * The scenarios of `npm run bench`, shared with `npm run bench:compare`: the issuers and clients
 * they need, and the request each one repeats.
 */
import type autocannon from 'autocannon';
import { admin, measure, type CpuMeter, type Measurement } from './harness.js';

type Key = 'rs' | 'es';

/** What a server was given to answer the scenarios: the same ids and secrets on every server of a run where possible. */
export interface Fixtures {
  issuers: Record<Key, string>;
  clients: Record<Key, { id: string; secret: string }>;
  /** An opaque access token this server issued, for introspection. */
  opaqueToken: string;
}

interface Request {
  path: string;
  method?: 'POST';
  body?: string;
  auth?: Key;
}

export interface Scenario {
  name: string;
  request: (fixtures: Fixtures) => Request;
}

const cc = 'grant_type=client_credentials';
const jwt = `${cc}&resource=https%3A%2F%2Fapi.example.com`;

export const scenarios: Scenario[] = [
  { name: 'discovery', request: (f) => ({ path: `/${f.issuers.rs}/.well-known/openid-configuration` }) },
  { name: 'JWKS', request: (f) => ({ path: `/${f.issuers.rs}/jwks.json` }) },
  { name: 'client_credentials RS256 opaque', request: (f) => ({ path: `/${f.issuers.rs}/token`, method: 'POST', body: cc, auth: 'rs' }) },
  { name: 'client_credentials RS256 JWT', request: (f) => ({ path: `/${f.issuers.rs}/token`, method: 'POST', body: jwt, auth: 'rs' }) },
  { name: 'client_credentials ES256 opaque', request: (f) => ({ path: `/${f.issuers.es}/token`, method: 'POST', body: cc, auth: 'es' }) },
  { name: 'client_credentials ES256 JWT', request: (f) => ({ path: `/${f.issuers.es}/token`, method: 'POST', body: jwt, auth: 'es' }) },
  { name: 'introspection (opaque)', request: (f) => ({ path: `/${f.issuers.rs}/introspect`, method: 'POST', body: `token=${f.opaqueToken}`, auth: 'rs' }) },
];

/** Creates an RS256 and an ES256 issuer on Portcullis, each with a client_credentials client, through the admin API. */
export async function createIssuersAndClients(url: string): Promise<Omit<Fixtures, 'opaqueToken'>> {
  const issuers = { rs: 'bench-rs', es: 'bench-es' };
  const clients = {} as Fixtures['clients'];
  for (const [key, alg] of [
    ['rs', 'RS256'],
    ['es', 'ES256'],
  ] as const) {
    await admin(url, 'POST', '/v1/tenants', { issuer_id: issuers[key], signing_alg: alg });
    const client = await admin(url, 'POST', `/v1/tenants/${issuers[key]}/clients`, {
      grant_types: ['client_credentials'],
      allowed_resources: ['https://api.example.com'],
    });
    clients[key] = { id: client.client_id, secret: client.client_secret };
  }
  return { issuers, clients };
}

/** Has `url` (Portcullis or the bare provider) issue the opaque token the introspection scenario asks about. */
export async function withOpaqueToken(url: string, fixtures: Omit<Fixtures, 'opaqueToken'>): Promise<Fixtures> {
  const res = await fetch(`${url}/${fixtures.issuers.rs}/token`, { method: 'POST', headers: headers(fixtures, 'rs', true), body: cc });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return { ...fixtures, opaqueToken: ((await res.json()) as { access_token: string }).access_token };
}

function headers(fixtures: Omit<Fixtures, 'opaqueToken'>, auth: Key | undefined, form: boolean): Record<string, string> {
  const client = auth && fixtures.clients[auth];
  return {
    ...(client && { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}` }),
    ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
  };
}

/** The request `scenario` repeats, as autocannon takes it. */
export function request(fixtures: Fixtures, scenario: Scenario): autocannon.Request {
  const { path, method = 'GET', body, auth } = scenario.request(fixtures);
  return { path, method, body, headers: headers(fixtures, auth, method === 'POST') };
}

/** Runs `scenario` against one server for `seconds`. */
export function runScenario(
  server: { url: string; meter: CpuMeter; fixtures: Fixtures },
  scenario: Scenario,
  seconds: number,
  connections: number,
): Promise<Measurement> {
  const { path, ...rest } = request(server.fixtures, scenario);
  return measure(server.meter, { url: `${server.url}${path}`, ...rest, connections, duration: seconds });
}
