/**
 * The baseline: the same oidc-provider configuration (same factory, same keys, same clients)
 * on bare node:http, with an in-memory adapter and no Nest, no database. Started by run.ts
 * with its inputs as JSON in argv[2]; prints "ready" when listening.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { compileTrustProxy } from '../src/common/http/client-address.js';
import { createProvider } from '../src/oidc/provider-factory.js';
import { TENANT_OPTION_DEFAULTS, type Tenant } from '../src/stores/tenants/tenant.js';

interface Input {
  port: number;
  issuers: { issuerId: string; signingAlg: Tenant['signingAlg']; jwks: any[]; clients: AdapterPayload[] }[];
}

const input = JSON.parse(process.argv[2]) as Input;
const publicUrl = `http://127.0.0.1:${input.port}`;

/** The simplest adapter there is: a Map per model, clients preloaded. */
function memoryAdapter(clients: AdapterPayload[]) {
  const stores = new Map<string, Map<string, AdapterPayload>>();
  return class MemoryAdapter implements Adapter {
    private store: Map<string, AdapterPayload>;
    constructor(name: string) {
      if (!stores.has(name)) stores.set(name, new Map(name === 'Client' ? clients.map((c) => [c.client_id as string, c]) : []));
      this.store = stores.get(name)!;
    }
    async upsert(id: string, payload: AdapterPayload) {
      this.store.set(id, payload);
    }
    async find(id: string) {
      return this.store.get(id);
    }
    async findByUserCode(code: string) {
      return [...this.store.values()].find((p) => p.userCode === code);
    }
    async findByUid(uid: string) {
      return [...this.store.values()].find((p) => p.uid === uid);
    }
    async consume(id: string) {
      const p = this.store.get(id);
      if (p) p.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      this.store.delete(id);
    }
    async revokeByGrantId(grantId: string) {
      for (const [id, p] of this.store) if (p.grantId === grantId) this.store.delete(id);
    }
  };
}

const handlers = new Map(
  input.issuers.map(({ issuerId, signingAlg, jwks, clients }) => {
    const provider = createProvider({
      tenant: { issuerId, signingAlg, ...TENANT_OPTION_DEFAULTS } as Tenant,
      branding: { tenantName: issuerId },
      issuer: `${publicUrl}/${issuerId}`,
      jwks,
      cookieKeys: ['bench-cookie-key'],
      Adapter: memoryAdapter(clients),
      findAccount: async () => null,
      serviceDocumentation: `${publicUrl}/docs`,
      // As Portcullis runs by default: no proxy trusted.
      trustProxy: compileTrustProxy(undefined),
      clientUrisAllowPrivate: false,
    });
    return [issuerId, provider.callback()] as const;
  }),
);

createServer((req, res) => {
  const issuerId = req.url!.split('/')[1];
  const handle = handlers.get(issuerId);
  if (!handle) {
    res.statusCode = 404;
    res.end();
    return;
  }
  req.url = req.url!.slice(issuerId.length + 1) || '/';
  (req as { baseUrl?: string }).baseUrl = `/${issuerId}`;
  void handle(req, res);
}).listen(input.port, '127.0.0.1', () => process.stdout.write('ready\n'));
