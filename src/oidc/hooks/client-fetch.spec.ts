import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressRefused } from '../../common/outbound/allowed-addresses.js';
import { clientFetch } from './client-fetch.js';

describe(clientFetch.name, () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (req.url === '/moved') res.writeHead(302, { location: '/target' }).end();
        else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs a form body whole, with its length, as back-channel logout sends it', async () => {
    seen.length = 0;
    const res = await clientFetch(true)(`${base}/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: 'a.b.c' }),
    });
    expect(res.status).toBe(200);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/logout',
        headers: expect.objectContaining({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': '18' }),
        body: 'logout_token=a.b.c',
      },
    ]);
  });

  it('answers a redirect as it came, without following it', async () => {
    seen.length = 0;
    const res = await clientFetch(true)(`${base}/moved`, { method: 'POST', body: 'x=1' });
    expect(res.status).toBe(302);
    expect(seen.map((request) => request.url)).toEqual(['/moved']);
  });

  it('refuses a loopback host unless private addresses are allowed, before sending anything', async () => {
    seen.length = 0;
    await expect(clientFetch(false)(`${base}/logout`, { method: 'POST', body: 'x=1' })).rejects.toBeInstanceOf(AddressRefused);
    expect(seen).toEqual([]);
  });

  it('sends no method but GET, HEAD and POST', async () => {
    await expect(clientFetch(true)(`${base}/logout`, { method: 'DELETE' })).rejects.toThrow(/DELETE requests are not sent/);
    expect(seen.filter((request) => request.method === 'DELETE')).toEqual([]);
  });
});
