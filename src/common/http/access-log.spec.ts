import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../config/app-config.js';
import { accessLine, accessLogger } from './access-log.js';
import { loggerOptions } from './logger-options.js';

/** Lines written to a stream, parsed. */
function collect(): { lines: Record<string, any>[]; stream: Writable } {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, any>);
      done();
    },
  });
  return { lines, stream };
}

/**
 * The gateway's request-completed line beside the one pino-http writes with the application's
 * own options for the same request: the same members, credentials redacted in both.
 */
describe('access log lines', () => {
  const nest = collect();
  const gateway = collect();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const [options] = loggerOptions({ logLevel: 'info' } as AppConfig).pinoHttp as [Options, unknown];
    const middleware = pinoHttp({ ...options, stream: nest.stream });
    const access = accessLogger(pino({ redact: { paths: ['*.password'], censor: '[Redacted]' } }, gateway.stream));
    server = createServer((req, res) => {
      const url = req.url;
      middleware(req, res);
      res.on('finish', () => access.info(accessLine(req as typeof req & { id: unknown }, url, res.statusCode, 1), 'request completed'));
      res.statusCode = 201;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('carries the request id, method, redacted url, peer address and status as Nest lines do', async () => {
    await (await fetch(`${base}/acme/token?code=secret&client_id=c1`, { method: 'POST', headers: { authorization: 'Basic c2VjcmV0' } })).text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [reference] = nest.lines.filter((line) => line.msg === 'request completed');
    const [line] = gateway.lines;
    expect(reference.req).toEqual({ id: expect.any(String), method: 'POST', url: '/acme/token?code=%5BRedacted%5D&client_id=c1', remoteAddress: '127.0.0.1' });
    expect(line.req).toEqual(reference.req);
    expect(line.res).toEqual(reference.res);
    expect(line.req_id).toEqual(reference.req.id);
    expect(JSON.stringify(line)).not.toContain('secret');
    expect(JSON.stringify(line)).not.toContain('c2VjcmV0');
  });
});
