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

  /**
   * Counted from the duration histogram when scraped, not on each request: prom-client hashes
   * and checks the labels of every observation, and one per request is what the hot routes
   * can afford (see BENCHMARKS.md).
   */
  readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
    collect: () => this.countRequests(),
  });

  /** What `requests` has counted so far, per label set. */
  private readonly counted = new Map<string, number>();

  readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to the end of the response, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    // From a cached discovery hit (sub-millisecond) to a slow password hash or a stalled database.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Label children by `method route status`: prom-client would otherwise hash the labels on every observation. */
  private readonly children = new Map<string, { observe(seconds: number): void }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** One answered request. Label values are bounded (route patterns, not paths), and so is this map. */
  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let child = this.children.get(key);
    if (!child) {
      child = this.duration.labels(method, route, String(status));
      this.children.set(key, child);
    }
    child.observe(seconds);
  }

  /** Brings `requests` up to the histogram's counts, just before a scrape reads it. */
  private async countRequests(): Promise<void> {
    for (const { metricName, labels, value } of (await this.duration.get()).values) {
      if (metricName !== 'http_request_duration_seconds_count') continue;
      const key = `${labels.method} ${labels.route} ${labels.status}`;
      const delta = value - (this.counted.get(key) ?? 0);
      if (delta <= 0) continue;
      this.requests.inc(labels as Record<'method' | 'route' | 'status', string>, delta);
      this.counted.set(key, value);
    }
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
