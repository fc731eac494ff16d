import { createServer, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { createProxyServer } from 'http-proxy-3';
import { freePort, TEST_ADMIN_KEY, TEST_KEK } from './app.js';
import { spawnPortcullis, type PortcullisProcess } from './process.js';

/** How often the balancer asks every process's `/readyz`, as a Kubernetes readiness probe would (there: `periodSeconds`). */
export const PROBE_INTERVAL_MS = 200;

/** Longest a probe may take before it counts as a failure (Kubernetes: `timeoutSeconds`). */
export const PROBE_TIMEOUT_MS = 1_000;

/** Serving after SIGTERM with /readyz at 503: twice the longest the balancer can take to notice (a period, then a probe that times out). */
export const SHUTDOWN_DELAY_MS = String(2 * (PROBE_INTERVAL_MS + PROBE_TIMEOUT_MS));

/** Longest wait for a started process to be seen ready: four processes starting at once share two loaded cores. */
const READY_TIMEOUT_MS = 90_000;

/** One Portcullis process behind the balancer. */
export interface Backend {
  name: string;
  url: string;
  process: PortcullisProcess;
  /** The last probe answered 200. */
  ready: boolean;
}

/** A request or connection the balancer routed: to which process, and how it ended. */
export interface Routed {
  /** `http` for a request through the ingress; `tcp` for a connection through the service. */
  via: 'http' | 'tcp';
  /** The request line (`http`). */
  request?: string;
  backend: string;
  /** The status the client got (`http`); 502 when the balancer could not get an answer from the process. */
  status?: number;
  /** Sent to a process that was not ready because none was (fail-open). */
  failOpen: boolean;
  /** Set when the exchange with the process failed: a 502, a response cut short, a connection refused. */
  error?: string;
}

/**
 * N Portcullis processes on one database behind two round-robin fronts on loopback, both
 * following `/readyz` as Kubernetes does: every process is probed each PROBE_INTERVAL_MS and gets
 * traffic only while its last probe answered 200 (when none is ready, all get it, as balancers
 * that fail open do, so a database outage shows the processes' own answers).
 * - `url`, the ingress: an HTTP proxy (http-proxy-3) that routes each request, over connections
 *   to the processes it keeps alive. PUBLIC_URL of every process is this address.
 * - `serviceUrl`, the Service as kube-proxy makes it: a TCP relay that routes each connection,
 *   which then stays with its process for as long as the client keeps it alive.
 */
export class Cluster {
  readonly backends: Backend[] = [];
  readonly routed: Routed[] = [];
  private next = 0;
  private spawned = 0;
  private readonly probing = new Set<Backend>();
  /** Taken out of rotation before being stopped (`stop` with `preStopMs`). */
  private readonly leaving = new Set<Backend>();
  private readonly failures = new WeakMap<ServerResponse, (error: Error) => void>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 60_000 });
  private readonly proxy = createProxyServer({ agent: this.agent, xfwd: true });
  private readonly sockets = new Set<Socket>();
  private readonly probes: NodeJS.Timeout;

  private constructor(
    private readonly env: Record<string, string>,
    private readonly ingress: Server,
    private readonly service: TcpServer,
  ) {
    ingress.on('request', (req: IncomingMessage, res: ServerResponse) => this.routeRequest(req, res));
    // A response the process cuts halfway would otherwise leave the client waiting.
    this.proxy.on('proxyRes', (proxyRes, _req, res) => proxyRes.once('aborted', () => this.failures.get(res)?.(new Error('response cut by the process'))));
    service.on('connection', (client: Socket) => this.routeConnection(client));
    this.probes = setInterval(() => void this.probeAll(), PROBE_INTERVAL_MS);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.ingress.address() as AddressInfo).port}`;
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.service.address() as AddressInfo).port}`;
  }

  /** Starts both fronts, then `size` processes at once; resolves when the balancer has seen every one ready. */
  static async start(options: { databaseUrl: string; size: number; env?: Record<string, string> }): Promise<Cluster> {
    const ingress = createServer();
    const service = createTcpServer();
    await Promise.all([ingress, service].map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
    const cluster = new Cluster(
      {
        NODE_ENV: 'production',
        ALLOW_INSECURE_PUBLIC_URL: 'true',
        PUBLIC_URL: `http://127.0.0.1:${(ingress.address() as AddressInfo).port}`,
        TRUST_PROXY: 'loopback',
        DATABASE_URL: options.databaseUrl,
        ADMIN_API_KEY: TEST_ADMIN_KEY,
        KEY_ENCRYPTION_KEY: TEST_KEK,
        LOG_LEVEL: 'warn',
        KEY_ROTATION_CHECK_SECONDS: '0',
        // The load comes from one address; per-address budgets would turn it into 429s.
        RATE_LIMIT_METADATA_PER_MINUTE: '0',
        RATE_LIMIT_PROTOCOL_PER_MINUTE: '0',
        // Sign-ins under load on two cores: the lightest hash the configuration allows.
        ARGON2_MEMORY_KIB: '1024',
        ARGON2_TIME_COST: '1',
        ...options.env,
      },
      ingress,
      service,
    );
    try {
      await Promise.all(Array.from({ length: options.size }, () => cluster.add()));
    } catch (error) {
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  /**
   * Starts one more process and resolves once the balancer routes to it. `env` overrides the
   * cluster's environment for this process (`undefined` removes a variable); `main` runs another
   * build of Portcullis (a previous release's entry point).
   */
  async add(options: { env?: Record<string, string | undefined>; main?: string } = {}): Promise<Backend> {
    const port = await freePort();
    const env = Object.fromEntries(Object.entries({ ...this.env, ...options.env, PORT: String(port) }).filter(([, value]) => value !== undefined)) as Record<
      string,
      string
    >;
    const backend: Backend = {
      name: `p${++this.spawned}`,
      url: `http://127.0.0.1:${port}`,
      process: spawnPortcullis(env, options.main),
      ready: false,
    };
    this.backends.push(backend);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!backend.ready) {
      if (backend.process.child.exitCode !== null) {
        // Its last words may still be in the pipe.
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error(`${backend.name} exited with ${backend.process.child.exitCode}: ${backend.process.stderr()}`);
      }
      if (Date.now() > deadline) throw new Error(`${backend.name} not ready after ${READY_TIMEOUT_MS} ms: ${backend.process.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return backend;
  }

  /**
   * Sends `signal` to a process and resolves with how it exited; the balancer forgets it then.
   * `preStopMs`: first out of rotation, then that long before the signal, as Kubernetes runs a
   * pod with a preStop sleep (for a release that stops listening at SIGTERM: no SHUTDOWN_DELAY_MS).
   */
  async stop(backend: Backend, signal: NodeJS.Signals = 'SIGTERM', options: { preStopMs?: number } = {}) {
    if (options.preStopMs) {
      this.leaving.add(backend);
      await new Promise((resolve) => setTimeout(resolve, options.preStopMs));
    }
    const exit = await backend.process.stop(signal);
    this.backends.splice(this.backends.indexOf(backend), 1);
    return exit;
  }

  /** Every process still running gets SIGKILL (a test that got here has nothing left to check); then the fronts close. */
  async close(): Promise<void> {
    clearInterval(this.probes);
    await Promise.all(this.backends.splice(0).map((backend) => backend.process.stop('SIGKILL')));
    this.agent.destroy();
    for (const socket of this.sockets) socket.destroy();
    this.ingress.closeAllConnections();
    await Promise.all([this.ingress, this.service].map((server) => new Promise((resolve) => server.close(resolve))));
  }

  /** Round robin over the ready processes; over all of them when none is ready (those leaving aside). */
  private pick(): { backend: Backend; failOpen: boolean } | undefined {
    const routable = this.backends.filter((backend) => !this.leaving.has(backend));
    const ready = routable.filter((backend) => backend.ready);
    const pool = ready.length ? ready : routable;
    return pool.length ? { backend: pool[this.next++ % pool.length], failOpen: !ready.length } : undefined;
  }

  private routeRequest(req: IncomingMessage, res: ServerResponse): void {
    const picked = this.pick();
    if (!picked) {
      res.writeHead(503).end();
      return;
    }
    const routed: Routed = { via: 'http', request: `${req.method} ${req.url}`, backend: picked.backend.name, failOpen: picked.failOpen };
    this.routed.push(routed);
    const fail = (error: Error) => {
      routed.error ??= (error as NodeJS.ErrnoException).code ?? error.message;
      if (res.headersSent) res.destroy();
      else res.writeHead(502).end();
    };
    this.failures.set(res, fail);
    res.on('finish', () => (routed.status = res.statusCode));
    this.proxy.web(req, res, { target: picked.backend.url }, fail);
  }

  private routeConnection(client: Socket): void {
    const picked = this.pick();
    if (!picked) {
      client.destroy();
      return;
    }
    const routed: Routed = { via: 'tcp', backend: picked.backend.name, failOpen: picked.failOpen };
    this.routed.push(routed);
    const upstream = connect(Number(new URL(picked.backend.url).port), '127.0.0.1');
    upstream.on('error', (error: NodeJS.ErrnoException) => (routed.error ??= error.code ?? error.message));
    client.on('error', () => undefined);
    // Either side ending ends the other the same way, a reset as a reset: the client sees what the process did to its connection.
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ]) {
      this.sockets.add(socket);
      socket.on('close', (hadError) => {
        this.sockets.delete(socket);
        if (hadError) other.resetAndDestroy();
        else other.end();
      });
    }
    client.pipe(upstream).pipe(client);
  }

  private async probeAll(): Promise<void> {
    await Promise.all(this.backends.filter((backend) => !this.probing.has(backend)).map((backend) => this.probe(backend)));
  }

  private async probe(backend: Backend): Promise<void> {
    this.probing.add(backend);
    try {
      const res = await fetch(`${backend.url}/readyz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      await res.arrayBuffer();
      backend.ready = res.status === 200;
    } catch {
      backend.ready = false;
    } finally {
      this.probing.delete(backend);
    }
  }
}
