import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { packageVersion } from './package-version.js';

/** How a sign-in attempt ended: signed in, wrong name or password, or refused by the lockout before any check. */
export type SignInOutcome = 'success' | 'invalid' | 'locked';

/** What started a key rotation: an admin API call, or the schedule of the tenant's `key_rotation_days`. */
export type RotationTrigger = 'admin_api' | 'scheduled';

/** The provider registry's LRU as it stands: its entries, and its counts since start. */
export interface ProviderCacheStats {
  entries: number;
  hits: number;
  misses: number;
  evictions: number;
}

/**
 * The process's Prometheus registry. Its own registry rather than prom-client's global one,
 * so several application instances in one process (tests) do not collide. Every metric is
 * defined here, so this file is the list of what an operator can graph.
 */
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

  // Every label below takes a handful of values fixed by the code: never an issuer, a client or a user.

  private readonly tokensIssued = new Counter({
    name: 'portcullis_tokens_issued_total',
    help: 'Successful token responses (each may carry access, ID and refresh tokens), by grant type; implicit counts the tokens the authorization endpoint returns itself (implicit and hybrid flows).',
    labelNames: ['grant_type'] as const,
    registers: [this.registry],
  });

  private readonly signIns = new Counter({
    name: 'portcullis_sign_ins_total',
    help: 'Sign-in attempts with a username and password, by outcome: success, invalid (wrong name or password) or locked (refused by the lockout).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly keyRotations = new Counter({
    name: 'portcullis_key_rotations_total',
    help: 'Signing-key rotations committed by this process, by trigger: admin_api or scheduled.',
    labelNames: ['trigger'] as const,
    registers: [this.registry],
  });

  /** The registry's numbers, read when scraped: it counts in plain fields, as its hits are on every public request. */
  private providerCache?: () => ProviderCacheStats;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'portcullis_build_info',
      help: 'Always 1; the labels say which Portcullis version runs on which Node.js version.',
      labelNames: ['version', 'node'] as const,
      registers: [this.registry],
    }).set({ version: packageVersion(), node: process.version }, 1);
    this.registerProviderCache();
  }

  /** A successful token response of `grantType` (a grant type the issuer supports: the label's values are bounded by the code). */
  tokenIssued(grantType: string): void {
    this.tokensIssued.inc({ grant_type: grantType });
  }

  signIn(outcome: SignInOutcome): void {
    this.signIns.inc({ outcome });
  }

  keyRotated(trigger: RotationTrigger): void {
    this.keyRotations.inc({ trigger });
  }

  /** Where the provider registry's LRU numbers are read from at each scrape. */
  watchProviderCache(read: () => ProviderCacheStats): void {
    this.providerCache = read;
  }

  /** Where the database pool is found at each scrape (undefined while the database is closed). */
  watchDatabasePool(poolOf: () => pg.Pool | undefined): void {
    new Gauge({
      name: 'portcullis_db_pool_connections',
      help: 'Connections of the database pool, by state: in_use (lent to a statement or a transaction) or idle.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = poolOf();
        this.reset();
        if (!pool) return;
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
      },
    });
    this.scraped(
      'portcullis_db_pool_waiting',
      'Callers waiting for a connection of the database pool; above zero for long, the pool (DATABASE_POOL_SIZE) or the database is the bottleneck.',
      () => poolOf()?.waitingCount ?? 0,
    );
    this.scraped('portcullis_db_pool_max', 'Most connections the database pool opens (DATABASE_POOL_SIZE).', () => poolOf()?.options.max ?? 0);
  }

  /** A gauge read at each scrape from `value`. */
  private scraped(name: string, help: string, value: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(value());
      },
    });
  }

  /** The LRU's size and counts since start, as they stand at the scrape. */
  private registerProviderCache(): void {
    const read = () => this.providerCache?.();
    this.scraped(
      'portcullis_provider_cache_entries',
      'Issuers whose provider is built (or being built) and kept in memory; at most PROVIDER_CACHE_SIZE.',
      () => read()?.entries ?? 0,
    );
    const counts: [keyof ProviderCacheStats, string][] = [
      ['hits', 'Issuer lookups answered by a provider already in memory (built, or being built by another request).'],
      ['misses', 'Issuer lookups that read the database to build a provider (or to find the issuer unknown or disabled).'],
      ['evictions', 'Providers dropped because the cache was full (PROVIDER_CACHE_SIZE); not those dropped when their issuer changed.'],
    ];
    for (const [count, help] of counts) {
      new Counter({
        name: `portcullis_provider_cache_${count}_total`,
        help,
        registers: [this.registry],
        // The registry keeps the running total: the counter is set to it, not incremented.
        collect() {
          this.reset();
          this.inc(read()?.[count] ?? 0);
        },
      });
    }
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
