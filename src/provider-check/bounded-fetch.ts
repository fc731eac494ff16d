import { request, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { addressesRefusal, bareHostname, schemeProblem } from '../common/outbound/address-policy.js';
import type { CheckNetwork } from './check-network.js';
import type { FindingCode } from './findings.js';

export interface FetchLimits {
  allowPrivate: boolean;
  connectTimeoutMs: number;
  /** For the whole fetch: every hop, and the body. */
  timeoutMs: number;
  maxBytes: number;
}

/** A fetch that gave a usable answer: a 2xx JSON body (GET) or a 2xx status (HEAD). */
export interface Fetched {
  ok: true;
  url: string;
  status: number;
  /** Parsed JSON (GET only). */
  json?: unknown;
}

/** Why a fetch gave no usable answer: a finding code and a sentence naming the URL. */
export interface FetchFailure {
  ok: false;
  url: string;
  code: Extract<
    FindingCode,
    | 'ADDRESS_NOT_ALLOWED'
    | 'HTTPS_REQUIRED'
    | 'TOO_MANY_REDIRECTS'
    | 'TIMEOUT'
    | 'CONNECTION_FAILED'
    | 'HTTP_ERROR'
    | 'RESPONSE_TOO_LARGE'
    | 'UNEXPECTED_CONTENT_TYPE'
    | 'INVALID_JSON'
  >;
  reason: string;
  /** The HTTP status of an HTTP_ERROR. */
  status?: number;
}

/** RFC 9110 §15.4 redirects that carry a Location. */
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** At most this many redirects per fetch (issue 8); each hop is checked like the first URL. */
export const maxRedirects = 3;

/** `application/json`, `application/jwk-set+json` and other `+json` types (RFC 6839). */
const isJsonType = (contentType: string | undefined) => /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '');

class Failure extends Error {
  constructor(
    readonly code: FetchFailure['code'],
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * GET (JSON) or HEAD `url` the safe way: http(s) only, one DNS resolution per hop with every
 * address checked and the connection made to the checked one, at most `maxRedirects` hops,
 * bounded connect time, total time and body size, JSON content types only, and no
 * credentials, cookies or caller headers. Never throws: a failure is a value.
 */
export async function boundedFetch(network: CheckNetwork, url: string, method: 'GET' | 'HEAD', limits: FetchLimits): Promise<Fetched | FetchFailure> {
  const deadline = Date.now() + limits.timeoutMs;
  let current = new URL(url);
  try {
    for (let hop = 0; ; hop++) {
      const socket = await open(network, current, limits, deadline);
      const response = await send(socket, current, method, deadline);
      const location = response.headers.location;
      if (redirectStatuses.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (hop === maxRedirects) throw new Failure('TOO_MANY_REDIRECTS', `${url} redirected more than ${maxRedirects} times`);
        current = new URL(location, current);
        continue;
      }
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        response.destroy();
        throw new Failure('HTTP_ERROR', `${current.href} answered HTTP ${status}`, status);
      }
      if (method === 'HEAD') {
        response.destroy();
        return { ok: true, url: current.href, status };
      }
      if (!isJsonType(response.headers['content-type'])) {
        response.destroy();
        throw new Failure('UNEXPECTED_CONTENT_TYPE', `${current.href} answered ${response.headers['content-type'] ?? 'no content type'}, not JSON`);
      }
      const body = await readBody(response, current, limits.maxBytes, deadline);
      try {
        return { ok: true, url: current.href, status, json: JSON.parse(body.toString('utf8')) };
      } catch {
        throw new Failure('INVALID_JSON', `${current.href} answered a body that is not valid JSON`);
      }
    }
  } catch (caught) {
    if (caught instanceof Failure) return { ok: false, url: current.href, code: caught.code, reason: caught.message, status: caught.status };
    const cause = caught as NodeJS.ErrnoException;
    if (cause.code === 'CONNECT_TIMEOUT' || cause.code === 'FETCH_TIMEOUT') {
      const limit = cause.code === 'CONNECT_TIMEOUT' ? `no connection within ${limits.connectTimeoutMs} ms` : `no answer within ${limits.timeoutMs} ms`;
      return { ok: false, url: current.href, code: 'TIMEOUT', reason: `${current.href}: ${limit}` };
    }
    return { ok: false, url: current.href, code: 'CONNECTION_FAILED', reason: `${current.href} could not be reached: ${connectionProblem(cause)}` };
  }
}

/**
 * Why a connection failed, in words that never name an address. TLS failures carry their
 * reason in the message ("self-signed certificate", "Hostname/IP does not match…"); socket
 * errors (those with a syscall) only in the code, since their message names the address the
 * host resolved to.
 */
function connectionProblem(cause: NodeJS.ErrnoException): string | undefined {
  if (cause.syscall) return cause.code;
  if (cause.code && cause.message && !cause.message.includes(cause.code)) return `${cause.message} (${cause.code})`;
  return cause.message || cause.code;
}

const remaining = (deadline: number) => Math.max(0, deadline - Date.now());
const timeoutError = () => Object.assign(new Error('the fetch took too long'), { code: 'FETCH_TIMEOUT' });

/** Checks scheme and every resolved address of one hop, then connects to the first address. */
async function open(network: CheckNetwork, url: URL, limits: FetchLimits, deadline: number): Promise<Socket> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Failure('HTTPS_REQUIRED', `${url.href} ${schemeProblem(url, limits.allowPrivate)}`);
  }
  if (url.username || url.password) throw new Failure('HTTPS_REQUIRED', `${url.href} carries credentials, which the check never sends`);
  const hostname = bareHostname(url);
  const addresses = await withDeadline(network.resolve(hostname), deadline).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'FETCH_TIMEOUT') throw error;
    throw new Failure('CONNECTION_FAILED', `${hostname} could not be resolved (${error.code ?? error.message})`);
  });
  // The finding never names the address: the caller learns no DNS answer of the network the check runs in.
  const refusal = addressesRefusal(hostname, addresses, limits.allowPrivate);
  if (refusal) throw new Failure('ADDRESS_NOT_ALLOWED', `${url.href}: ${refusal}`);
  const scheme = schemeProblem(url, limits.allowPrivate);
  if (scheme) throw new Failure('HTTPS_REQUIRED', `${url.href} ${scheme}`);
  const [target] = addresses;
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const connectMs = Math.min(limits.connectTimeoutMs, remaining(deadline));
  const dial = { address: target.address, family: target.family, port, hostname, tls: url.protocol === 'https:' };
  const connecting = network.connect(dial, connectMs);
  // A socket that connects after the deadline has no one to use it.
  return withDeadline(connecting, deadline).catch((error: unknown) => {
    connecting.then(
      (socket) => socket.destroy(),
      () => undefined,
    );
    throw error;
  });
}

/** Sends one request over `socket`; resolves with the response head. */
function send(socket: Socket, url: URL, method: 'GET' | 'HEAD', deadline: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({
      method,
      path: `${url.pathname}${url.search}`,
      // The host and port go in the Host header only: the socket is already connected.
      headers: { host: url.host, accept: 'application/json', 'user-agent': 'Portcullis-provider-check', connection: 'close' },
      createConnection: () => socket,
    });
    const timer = setTimeout(() => req.destroy(timeoutError()), remaining(deadline));
    // The head is in; readBody bounds the rest.
    req.once('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
    req.end();
  });
}

/** The body, refused as soon as it passes `maxBytes` (announced or actual). */
function readBody(res: IncomingMessage, url: URL, maxBytes: number, deadline: number): Promise<Buffer> {
  const tooLarge = () => new Failure('RESPONSE_TOO_LARGE', `${url.href} answered more than ${maxBytes} bytes`);
  if (Number(res.headers['content-length']) > maxBytes) {
    res.destroy();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => res.destroy(timeoutError()), remaining(deadline));
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        clearTimeout(timer);
        res.destroy();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    res.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    res.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** `promise`, or a FETCH_TIMEOUT rejection when the fetch's deadline passes first. */
function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), remaining(deadline));
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
