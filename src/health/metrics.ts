import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry. Its own registry rather than prom-client's global one,
 * so several application instances in one process (tests) do not collide.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to the end of the response, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    // From a cached discovery hit (sub-millisecond) to a slow password hash or a stalled database.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Label children by `method route status`: prom-client would otherwise hash the labels on every observation. */
  private readonly children = new Map<string, { requests: { inc(): void }; duration: { observe(seconds: number): void } }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** One answered request. Label values are bounded (route patterns, not paths), and so is this map. */
  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let child = this.children.get(key);
    if (!child) {
      const labels = [method, route, String(status)] as const;
      child = { requests: this.requests.labels(...labels), duration: this.duration.labels(...labels) };
      this.children.set(key, child);
    }
    child.requests.inc();
    child.duration.observe(seconds);
  }
}

/**
 * Counts and times every request. The route label is the matched route pattern
 * (`/v1/tenants/:issuer_id`), never the raw path, so label cardinality stays bounded.
 */
@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = performance.now();
    res.once('finish', () => this.metrics.record(req.method, routeOf(req), res.statusCode, (performance.now() - started) / 1000));
    next();
  }
}

function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : 'unmatched';
}
