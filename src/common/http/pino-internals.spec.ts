import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp, type Options } from 'pino-http';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../config/app-config.js';
import { loggerOptions } from './logger-options.js';
import { loggableRequest, loggableResponse } from './pino-internals.js';

/**
 * Logs through pino-http built with the application's own options (its serializers wrap
 * pino-std-serializers'), as the issuer gateway's lines are. A failure names the internal an
 * upgrade changed: fix that function, not its callers.
 */
describe('pino internals (pino 10.4.0, pino-http 11.0.0, pino-std-serializers 7.1.0)', () => {
  it('loggableRequest, loggableResponse: the serializers read id, method, url, socket.remoteAddress and a sent statusCode', () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    const { logger } = pinoHttp({ ...(loggerOptions({ logLevel: 'info' } as AppConfig).pinoHttp as Options), stream });

    const socket = new Socket();
    Object.defineProperty(socket, 'remoteAddress', { value: '198.51.100.4' });
    const req = Object.assign(new IncomingMessage(socket), { id: 'req-1', method: 'POST', url: '/token' });
    logger.info({ req: loggableRequest(req, '/acme/token?code=secret'), res: loggableResponse(201) }, 'request completed');

    expect(lines[0]?.req, 'pino-std-serializers internal changed: the request shape it reads (loggableRequest)').toEqual({
      id: 'req-1',
      method: 'POST',
      url: '/acme/token?code=%5BRedacted%5D',
      remoteAddress: '198.51.100.4',
    });
    expect(lines[0]?.res, 'pino-std-serializers internal changed: the status is logged only with headersSent (loggableResponse)').toEqual({ statusCode: 201 });
  });
});
