import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventually } from '../../test/helpers/eventually.js';
import { openServices } from '../../test/helpers/services.js';
import { issuerIdOf, ownConnection } from '../../test/helpers/store-db.js';
import { ValidationFailed } from '../common/errors/app-error.js';
import { ClientMetadataValidator } from '../oidc/client-metadata.validator.js';
import { ProviderRegistry } from '../oidc/provider-registry.js';
import { systemActor } from '../stores/audit-events/actor.js';
import { TENANT_CHANGED_CHANNEL, TenantChanges } from '../stores/tenants/tenant-changes.js';
import { EXPORT_FORMAT, type ExportedClientDto, type TenantExportDto } from './dto/tenant-export.dto.js';
import { TenantTransferService } from './tenant-transfer.service.js';

/**
 * Tenant import on the real services and database: it is one transaction, so an import that
 * refuses any of its items leaves nothing behind (no tenant, keys, clients, users or audit
 * events, no announced change), and one that succeeds writes it all. It judges every client
 * by one provider built for the new tenant, not one per client.
 */
const actor = systemActor('tenant-transfer-spec');

let services: INestApplicationContext;
let transfer: TenantTransferService;
/** Outside the services' pool: sees only what was committed, and hears NOTIFYs. */
let observer: pg.Client;
/** Issuer ids named by a NOTIFY on the change channel, and by this process's change announcements. */
const notified: string[] = [];
const announced: string[] = [];
let providersBuilt: ReturnType<typeof vi.spyOn>;
let rulesJudged: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  services = await openServices();
  transfer = services.get(TenantTransferService);
  services.get(TenantChanges).onChange((issuerId) => announced.push(issuerId));
  observer = await ownConnection();
  // The payload is `issuer_id origin`: the issuer is what matters here.
  observer.on('notification', (message) => notified.push((message.payload ?? '').split(' ')[0]));
  await observer.query(`LISTEN ${TENANT_CHANGED_CHANNEL}`);
});
afterAll(async () => {
  await observer?.end();
  await services?.close();
});
// Spies that count and call through: the real registry still builds the real provider.
beforeEach(() => {
  providersBuilt = vi.spyOn(services.get(ProviderRegistry), 'forValidation');
  rulesJudged = vi.spyOn(services.get(ClientMetadataValidator), 'rulesOf');
});
afterEach(() => vi.restoreAllMocks());

const webClient = (clientId: string): ExportedClientDto => ({
  client_id: clientId,
  client_name: clientId,
  redirect_uris: [`https://rp.example.com/${clientId}/cb`],
});
const user = (username: string, userId: string = randomUUID()) => ({ user_id: userId, username, email: `${username}@example.com` });
const exportOf = (issuerId: string, { clients = [], users = [] }: Partial<Pick<TenantExportDto, 'clients' | 'users'>> = {}): TenantExportDto => ({
  format: EXPORT_FORMAT,
  tenant: { issuer_id: issuerId, signing_alg: 'ES256' },
  clients,
  users,
});

/** Rows of every table that holds a tenant's data, as committed. */
async function rowsOf(issuerId: string): Promise<Record<string, number>> {
  const count = async (sql: string) => (await observer.query<{ n: number }>(sql, [issuerId])).rows[0].n;
  return {
    tenants: await count('SELECT count(*)::int AS n FROM tenants WHERE issuer_id = $1'),
    signing_keys: await count('SELECT count(*)::int AS n FROM signing_keys WHERE tenant_id = $1'),
    clients: await count('SELECT count(*)::int AS n FROM clients WHERE tenant_id = $1'),
    users: await count('SELECT count(*)::int AS n FROM users WHERE tenant_id = $1'),
    audit_events: await count('SELECT count(*)::int AS n FROM audit_events WHERE issuer_id = $1'),
  };
}

/**
 * Asserts that nothing of `issuerId` was committed or announced. A NOTIFY is delivered in
 * commit order, so once a later import's NOTIFY has arrived, an earlier one would have too.
 */
async function expectNoTrace(issuerId: string): Promise<void> {
  const control = issuerIdOf('control');
  await transfer.import(exportOf(control), actor);
  await eventually(async () => expect(notified).toContain(control), 2_000);

  expect(await rowsOf(issuerId)).toEqual({ tenants: 0, signing_keys: 0, clients: 0, users: 0, audit_events: 0 });
  expect(notified).not.toContain(issuerId);
  expect(announced).not.toContain(issuerId);
}

describe('tenant import', () => {
  it('writes the tenant, its keys, clients, users and their audit events, and announces the change once committed', async () => {
    const issuerId = issuerIdOf('import');
    const result = await transfer.import(
      exportOf(issuerId, { clients: [webClient('web-1'), webClient('web-2'), webClient('web-3')], users: [user('alice'), user('bob')] }),
      actor,
    );

    expect(result.clients.map((client) => [client.client_id, typeof client.client_secret])).toEqual([
      ['web-1', 'string'],
      ['web-2', 'string'],
      ['web-3', 'string'],
    ]);
    expect(await rowsOf(issuerId)).toEqual({ tenants: 1, signing_keys: 2, clients: 3, users: 2, audit_events: 1 + 3 + 2 });
    await eventually(async () => expect(notified).toContain(issuerId), 2_000);
    expect(announced).toContain(issuerId);
  });

  it('judges all its clients by one provider built for the new tenant', async () => {
    const clients = Array.from({ length: 5 }, (_, index) => webClient(`web-${index}`));
    await transfer.import(exportOf(issuerIdOf('import'), { clients }), actor);

    expect(rulesJudged).toHaveBeenCalledTimes(1);
    expect(providersBuilt).toHaveBeenCalledTimes(1);
  });

  it('leaves no trace when its last user is refused', async () => {
    const issuerId = issuerIdOf('import');
    const userId = randomUUID();
    // The same user id in capitals: distinct as text (so the up-front duplicate check lets it
    // through), equal as a uuid, so the database refuses it only after everything else was written.
    const document = exportOf(issuerId, {
      clients: [webClient('web-1'), webClient('web-2')],
      users: [user('alice', userId), user('bob', userId.toUpperCase())],
    });

    const refusal = await transfer.import(document, actor).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect((refusal as ValidationFailed).details).toEqual([{ field: 'users[1]', message: expect.stringContaining('already exists') }]);
    await expectNoTrace(issuerId);
  });

  it('leaves no trace when a client in the middle is refused', async () => {
    const issuerId = issuerIdOf('import');
    // oidc-provider refuses a redirect URI with a fragment (OpenID Connect Registration §2).
    const refused = { ...webClient('web-2'), redirect_uris: ['https://rp.example.com/cb#fragment'] };
    const document = exportOf(issuerId, { clients: [webClient('web-1'), refused, webClient('web-3')], users: [user('alice')] });

    const refusal = await transfer.import(document, actor).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect((refusal as ValidationFailed).details).toEqual([{ field: 'clients[1].redirect_uris', message: expect.any(String) }]);
    await expectNoTrace(issuerId);
  });
});
