import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP relay in front of a server, which a test can cut and restore to play a
 * database outage without touching the database itself, or point at another server.
 */
export class TcpProxy {
  private server: Server;
  private readonly sockets = new Set<Socket>();
  private up = true;

  private constructor(private target: { host: string; port: number }) {
    this.server = createServer((client) => this.relay(client));
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Drops every open connection and refuses new ones. */
  cut(): void {
    this.up = false;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.up = true;
  }

  /** Relays to another server from now on (one public address over successive processes); drops open connections. */
  retarget(target: { host: string; port: number }): void {
    this.cut();
    this.target = target;
    this.restore();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket): void {
    if (!this.up) {
      client.destroy();
      return;
    }
    const upstream = createConnection(this.target);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }
}
