import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServer {
  /** `http://127.0.0.1:port`, no trailing slash. */
  url: string;
  port: number;
  /** `METHOD path` of every request received, in order. */
  requests: string[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, server: FakeServer) => void;

/**
 * A tiny HTTP server on the dual-stack loopback (`::`, so both 127.0.0.1 and [::1] reach it)
 * that records every request it receives, for tests that must show a request did or did not
 * arrive.
 */
export function fakeServer(handler: Handler): Promise<FakeServer> {
  return new Promise((resolve) => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.on('error', () => undefined);
      handler(req, res, fake);
    });
    const fake: FakeServer = {
      url: '',
      port: 0,
      requests,
      close: () =>
        new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
    };
    server.listen(0, '::', () => {
      fake.port = (server.address() as AddressInfo).port;
      fake.url = `http://127.0.0.1:${fake.port}`;
      resolve(fake);
    });
  });
}

export const sendJson = (res: ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** A public RSA-2048 signing key, and the same key with its private members. */
export function rsaKeys(kid = 'k1') {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const base = { kid, alg: 'RS256', use: 'sig' };
  return {
    public: { ...publicKey.export({ format: 'jwk' }), ...base },
    private: { ...privateKey.export({ format: 'jwk' }), ...base },
  };
}

/** A complete OpenID Connect Discovery 1.0 document for `issuer`, endpoints under `base`. */
export function openIdConfiguration(issuer: string, base = issuer.replace(/\/$/, '')) {
  return {
    issuer,
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/oauth/token`,
    jwks_uri: `${base}/.well-known/jwks.json`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };
}
