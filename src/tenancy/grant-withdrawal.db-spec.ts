import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { latch } from '../../test/helpers/latch.js';
import { backendPid, untilWaiting } from '../../test/helpers/locks.js';
import { openServices } from '../../test/helpers/services.js';
import { issuerIdOf } from '../../test/helpers/store-db.js';
import { ClientsService } from '../clients/clients.service.js';
import { ResourceConflict, ValidationFailed } from '../common/errors/app-error.js';
import { Database } from '../database/database.js';
import { systemActor } from '../stores/audit-events/actor.js';
import { ClientsStore } from '../stores/clients/clients.store.js';
import { TenantsStore } from '../stores/tenants/tenants.store.js';
import { TenantsService } from './tenants.service.js';

/**
 * A client registered with a grant type and the tenant update that withdraws that grant type,
 * run truly at once on the real services: whichever takes the tenant's row lock first, they
 * never both commit. Otherwise a client would be left registered with a grant its tenant no
 * longer allows (its provider would refuse it at first use, unannounced).
 */
const GRANT = 'client_credentials';
const WITHOUT_GRANT = ['authorization_code', 'refresh_token'];
const actor = systemActor('grant-withdrawal-spec');

let services: INestApplicationContext;
let db: Database;
let tenants: TenantsService;
let clients: ClientsService;
let issuerId: string;

beforeAll(async () => {
  services = await openServices();
  db = services.get(Database);
  tenants = services.get(TenantsService);
  clients = services.get(ClientsService);
});
afterAll(() => services?.close());
beforeEach(async () => {
  issuerId = issuerIdOf('grants');
  await tenants.create({ issuer_id: issuerId, signing_alg: 'ES256' }, actor);
});

const register = () => clients.create(issuerId, { client_name: 'machine', grant_types: [GRANT] }, actor);
const withdraw = () => tenants.update(issuerId, { grant_types: WITHOUT_GRANT }, actor);

/**
 * Runs `first` in a transaction that, once `first` has returned (holding the tenant's lock),
 * stays open until `second`, started meanwhile from outside it, waits for that lock; then both settle.
 */
async function race(first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<[PromiseSettledResult<unknown>, PromiseSettledResult<unknown>]> {
  const holding = latch();
  const commit = latch();
  let pid = 0;
  const firstDone = db.transaction(async () => {
    await first();
    pid = await backendPid(db);
    holding.open();
    await commit.promise;
  });
  await Promise.race([holding.promise, firstDone]);
  const secondDone = second();
  await untilWaiting(db, pid).finally(() => commit.open());
  return Promise.allSettled([firstDone, secondDone]);
}

/** The rule: never a client registered with the grant while its tenant no longer allows it. */
async function expectConsistent(): Promise<{ clientUsesGrant: boolean; tenantAllowsGrant: boolean }> {
  const outcome = {
    clientUsesGrant: (await services.get(ClientsStore).usingGrants(issuerId, [GRANT])).length > 0,
    tenantAllowsGrant: (await services.get(TenantsStore).find(issuerId))!.grantTypes.includes(GRANT),
  };
  expect(outcome, `both committed: a client uses ${GRANT}, which its tenant no longer allows`).not.toEqual({ clientUsesGrant: true, tenantAllowsGrant: false });
  return outcome;
}

describe('registering a client with a grant while the grant is withdrawn', () => {
  it('registration first: the withdrawal waits for it, then sees the client and is refused', async () => {
    const [registration, withdrawal] = await race(register, withdraw);

    expect(await expectConsistent()).toEqual({ clientUsesGrant: true, tenantAllowsGrant: true });
    expect(registration.status).toBe('fulfilled');
    expect(withdrawal).toMatchObject({ status: 'rejected', reason: expect.any(ResourceConflict) });
  });

  it('withdrawal first: the registration waits for it, then sees the grant gone and is refused', async () => {
    const [withdrawal, registration] = await race(withdraw, register);

    expect(await expectConsistent()).toEqual({ clientUsesGrant: false, tenantAllowsGrant: false });
    expect(withdrawal.status).toBe('fulfilled');
    expect(registration).toMatchObject({ status: 'rejected', reason: expect.any(ValidationFailed) });
    expect((registration as PromiseRejectedResult).reason.details).toEqual([{ field: 'grant_types', message: `the tenant does not allow ${GRANT}` }]);
  });
});
