import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, tempDir, type RunningApp } from '../helpers/app.js';
import { openIdConfiguration, rsaKeys } from '../helpers/fake-issuer.js';

/**
 * The provider check over real TLS: an https issuer with a certificate from a private CA
 * (made here with openssl), trusted only through PROVIDER_DISCOVERY_CA_FILE, and checked
 * against the name the URL gives.
 */
describe('POST /v1/providers/discover over TLS', () => {
  let trusting: RunningApp;
  let plain: RunningApp;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const dir = await tempDir('portcullis-tls-');
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    const jwks = { keys: [rsaKeys().public] };
    server = createServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
      const issuer = `https://localhost:${port}`;
      const body = req.url === '/.well-known/openid-configuration' ? openIdConfiguration(issuer) : req.url === '/.well-known/jwks.json' ? jwks : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(req.method === 'HEAD' || !body ? undefined : JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    trusting = await startApp({ PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true', PROVIDER_DISCOVERY_CA_FILE: cert });
    plain = await startApp({ PROVIDER_DISCOVERY_ALLOW_PRIVATE: 'true' });
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await trusting?.close();
    await plain?.close();
  });

  const discover = (app: RunningApp, issuer: string) => adminApi(app.url).post('/v1/providers/discover', { issuer });

  it('judges an issuer whose certificate chains to the configured CA ok', async () => {
    const reply = await discover(trusting, `https://localhost:${port}`);
    expect(reply.body).toMatchObject({ status: 'ok', jwks_reachability: 'reachable', findings: [], discovery: { issuer: `https://localhost:${port}` } });
  });

  it('refuses the same certificate without the CA: the handshake fails, nothing is trusted', async () => {
    const reply = await discover(plain, `https://localhost:${port}`);
    expect(reply.body).toMatchObject({ status: 'failed', discovery: null });
    expect(reply.body.findings.map((finding: { code: string }) => finding.code)).toContain('CONNECTION_FAILED');
    expect(JSON.stringify(reply.body.findings)).toMatch(/certificate/i);
  });

  it('refuses a certificate for another name than the URL gives', async () => {
    const reply = await discover(trusting, `https://127.0.0.1:${port}`);
    expect(reply.body).toMatchObject({ status: 'failed', discovery: null });
    expect(reply.body.findings.map((finding: { code: string }) => finding.code)).toContain('CONNECTION_FAILED');
    expect(JSON.stringify(reply.body.findings)).toMatch(/does not match|altnames/i);
  });
});
