import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { trustedCas } from '../common/outbound/trusted-cas.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Where to connect: an address the policy already accepted, and the name TLS must verify. */
export interface DialTarget {
  address: string;
  family: number;
  port: number;
  /** Hostname of the URL (no brackets): SNI and certificate check for https. */
  hostname: string;
  tls: boolean;
}

/**
 * The two network steps of a provider check, and nothing else: resolving a name once, and
 * opening a connection to one address that the address policy accepted. The bounded fetch
 * never lets Node resolve a name again, so a second DNS answer (rebinding) cannot change
 * where it connects. Kept as a provider so a test can stand in for DNS and the network
 * (a public-looking name whose server redirects to loopback); the policy is not part of it.
 */
@Injectable()
export class CheckNetwork {
  /** Node's CAs plus PROVIDER_DISCOVERY_CA_FILE's, or undefined for Node's alone. Read once: a missing file stops the start. */
  private readonly ca?: string[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ca = trustedCas(config.providerDiscovery.caFile);
  }

  /** Every address of `hostname`; an IP literal resolves to itself without a query. */
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    return lookup(hostname, { all: true, verbatim: true });
  }

  /** A connected socket to `target.address` (TLS on top for https, verified against the hostname). */
  connect(target: DialTarget, timeoutMs: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = tcpConnect({ host: target.address, port: target.port, family: target.family });
      const timer = setTimeout(() => socket.destroy(Object.assign(new Error(`no connection within ${timeoutMs} ms`), { code: 'CONNECT_TIMEOUT' })), timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        if (!target.tls) return resolve(socket);
        // The TLS handshake counts against the fetch's total time, not the connect time.
        const secure = tlsConnect({
          socket,
          host: target.hostname,
          servername: isIP(target.hostname) ? undefined : target.hostname,
          ALPNProtocols: ['http/1.1'],
          ca: this.ca,
        });
        secure.once('error', reject);
        secure.once('secureConnect', () => resolve(secure));
      });
    });
  }
}
