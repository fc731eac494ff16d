import type { IncomingMessage, ServerResponse } from 'node:http';
import { fakeServer, type FakeServer } from './fake-issuer.js';

/** A request that reached the receiver, body read. */
export interface ReceivedLogout {
  method: string;
  path: string;
  contentType: string | undefined;
  /** The body as a form (a back-channel logout request is `application/x-www-form-urlencoded`). */
  form: URLSearchParams;
}

/** How the receiver answers; the default is the Back-Channel Logout 1.0 §2.8 success. */
export type LogoutAnswer = (req: IncomingMessage, res: ServerResponse) => void;

export const answerOk: LogoutAnswer = (_req, res) => {
  res.writeHead(200, { 'cache-control': 'no-store' });
  res.end();
};

export interface LogoutReceiver {
  server: FakeServer;
  /** Every request received, in order, whatever its path. */
  received: ReceivedLogout[];
  /** The logout_token of every request to `path`. */
  tokens(path?: string): string[];
  /** `http://127.0.0.1:port` + path: what a client registers as its backchannel_logout_uri. */
  uri(path?: string): string;
  /** Changes how the receiver answers from now on. */
  answer(with_: LogoutAnswer): void;
  close(): Promise<void>;
}

/**
 * A relying party's back-channel logout endpoint on loopback (the conformance suite's
 * `/backchannel_logout`): records each request with its body, then answers as told.
 */
export async function logoutReceiver(): Promise<LogoutReceiver> {
  const received: ReceivedLogout[] = [];
  let answer = answerOk;
  const server = await fakeServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      });
      answer(req, res);
    });
  });
  return {
    server,
    received,
    tokens: (path = '/backchannel_logout') => received.filter((request) => request.path === path).map((request) => request.form.get('logout_token') ?? ''),
    uri: (path = '/backchannel_logout') => `${server.url}${path}`,
    answer: (with_) => (answer = with_),
    close: () => server.close(),
  };
}
