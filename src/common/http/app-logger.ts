import { Logger } from 'nestjs-pino';

/** Nest's own wiring lines: a module loaded, a controller or route mapped (about 70 per start). */
const WIRING = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * The application's logger for Nest: pino's, with Nest's wiring lines at debug, so at info a
 * start shows what an operator acts on (listening, migrations, generated secrets) and nothing
 * that repeats the code.
 */
export class AppLogger extends Logger {
  override log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    if (typeof context === 'string' && WIRING.has(context)) return this.debug(message, ...params);
    super.log(message, ...params);
  }
}
