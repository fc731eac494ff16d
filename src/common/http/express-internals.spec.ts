import express from 'express';
import { describe, expect, it } from 'vitest';
import { matchingRoutes } from './express-internals.js';

/**
 * Exercises express-internals.ts on a bare Express application. A failure names the internal
 * an upgrade changed: fix that function, not its callers.
 */
describe('Express internals (Express 5.3.0, router 2.3.0)', () => {
  it('matchingRoutes: reads app.router.stack, layer.match, route.methods and route._methods()', () => {
    const app = express();
    const ok = (_req: express.Request, res: express.Response) => void res.end();
    app.all('/{*any}', ok);
    app.get('/v1/tenants/:id', ok);
    app.delete('/v1/tenants/:id', ok);
    app.post('/v1/tenants', ok);
    app.use((_req, _res, next) => next());

    const message = 'Express internal changed: the router stack, layer.match or route methods (matchingRoutes)';
    expect(matchingRoutes(app, '/v1/tenants/acme'), message).toEqual([
      expect.objectContaining({ everyMethod: true }),
      { methods: ['GET', 'HEAD'], everyMethod: false },
      { methods: ['DELETE'], everyMethod: false },
    ]);
    expect(matchingRoutes(app, '/v1/tenants'), message).toEqual([expect.objectContaining({ everyMethod: true }), { methods: ['POST'], everyMethod: false }]);
  });
});
