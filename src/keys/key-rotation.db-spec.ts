import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { holdTenantLock, untilWaiting } from '../../test/helpers/locks.js';
import { issuerIdOf, newTenant, openStoreDb, type StoreDb } from '../../test/helpers/store-db.js';
import { Metrics } from '../common/metrics/metrics.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { SigningKeysStore } from '../stores/signing-keys/signing-keys.store.js';
import { TenantChanges } from '../stores/tenants/tenant-changes.js';
import { TenantsStore } from '../stores/tenants/tenants.store.js';
import { KeysService } from './keys.service.js';

/**
 * Scheduled rotation on the real database: `rotateIfDue` rotates a tenant's key only when,
 * with the tenant's row locked, its active key is older than the tenant's rotation period,
 * so replicas that find the same tenant due rotate it once, and a tenant whose period was
 * turned off or which was deleted meanwhile is left alone.
 */
let s: StoreDb;
let tenants: TenantsStore;
let store: SigningKeysStore;
let keys: KeysService;
let metrics: Metrics;
let issuerId: string;
/** The tenant's first keys: `active` and `next`. */
let first: { active: string; next: string };

beforeAll(async () => {
  s = await openStoreDb({ poolSize: 6 });
  tenants = new TenantsStore(s.db);
  store = new SigningKeysStore(s.db, s.box);
  metrics = new Metrics();
  keys = new KeysService(store, tenants, new TenantChanges(s.db, tenants), new AuditTrail(s.db), metrics);
});
afterAll(() => s?.close());
beforeEach(async () => {
  issuerId = await newTenant(s.db, issuerIdOf('rotation'), { keyRotationDays: 90 });
  const [active, next] = await keys.generateInitial('ES256');
  await keys.storeInitial(issuerId, [active, next]);
  first = { active: active.kid, next: next.kid };
});

/** Backdates the active key's activation by `days`. */
const activatedDaysAgo = (days: number) =>
  s.db.execute(`UPDATE signing_keys SET activated_at = now() - make_interval(days => $2) WHERE tenant_id = $1 AND status = 'active'`, [issuerId, days]);
/** The tenant's keys by status. */
async function keysByStatus(): Promise<Record<'active' | 'next' | 'retired', string[]>> {
  const all = await store.list(issuerId);
  const kids = (status: string) => all.filter((key) => key.status === status).map((key) => key.kid);
  return { active: kids('active'), next: kids('next'), retired: kids('retired') };
}
const version = async () => (await tenants.find(issuerId))!.version;
const rotationEvents = async () => (await new AuditTrail(s.db).list({ issuerId, action: 'key.rotated', limit: 10 })).length;
/** Scheduled rotations this process has counted for /metrics, all tenants together. */
const scheduledRotations = async () =>
  (await metrics.registry.getSingleMetric('portcullis_key_rotations_total')!.get()).values.find((value) => value.labels.trigger === 'scheduled')?.value ?? 0;
/** What the tenant's keys are after exactly one rotation of its first keys. */
const rotatedOnce = () => ({ active: [first.next], next: [expect.not.stringMatching(`^(${first.active}|${first.next})$`)], retired: [first.active] });
const untouched = () => ({ active: [first.active], next: [first.next], retired: [] });

describe('rotateIfDue', () => {
  it('leaves a key younger than the rotation period alone, without a version bump or an event', async () => {
    const before = await version();
    expect(await keys.rotateIfDue(issuerId)).toBe(false);
    await activatedDaysAgo(89);
    expect(await keys.rotateIfDue(issuerId)).toBe(false);

    expect(await keysByStatus()).toEqual(untouched());
    expect(await version()).toBe(before);
    expect(await rotationEvents()).toBe(0);
  });

  it('rotates a key older than the rotation period: next becomes active, active retires, a new next is published', async () => {
    await activatedDaysAgo(91);
    const before = await version();
    expect(await keys.rotateIfDue(issuerId)).toBe(true);

    expect(await keysByStatus()).toEqual(rotatedOnce());
    expect(await version()).toBe(before + 1);
    expect(await rotationEvents()).toBe(1);
    // The new active key is fresh: nothing is due any more.
    expect(await keys.rotateIfDue(issuerId)).toBe(false);
  });

  it('two rotations of the same due tenant at once rotate it exactly once', async () => {
    await activatedDaysAgo(91);
    // Both rotations run into the tenant's lock before either may go on.
    const lock = await holdTenantLock(s.db, issuerId);
    const counted = await scheduledRotations();
    const rotations = Promise.all([keys.rotateIfDue(issuerId), keys.rotateIfDue(issuerId)]);
    await untilWaiting(s.db, lock.pid, 2);
    await lock.release();

    expect((await rotations).sort()).toEqual([false, true]);
    expect(await keysByStatus()).toEqual(rotatedOnce());
    expect(await rotationEvents()).toBe(1);
    // The one rolled back is not counted as a rotation.
    expect(await scheduledRotations()).toBe(counted + 1);
  });

  it('does not rotate a tenant whose rotation was turned off while it waited for the lock', async () => {
    await activatedDaysAgo(91);
    const lock = await holdTenantLock(s.db, issuerId, () => tenants.update(issuerId, { keyRotationDays: 0 }));
    const rotation = keys.rotateIfDue(issuerId);
    await untilWaiting(s.db, lock.pid);
    await lock.release();

    expect(await rotation).toBe(false);
    expect(await keysByStatus()).toEqual(untouched());
  });

  it('does not rotate a tenant whose rotation period was lengthened past the key’s age while it waited for the lock', async () => {
    await activatedDaysAgo(91);
    const lock = await holdTenantLock(s.db, issuerId, () => tenants.update(issuerId, { keyRotationDays: 365 }));
    const rotation = keys.rotateIfDue(issuerId);
    await untilWaiting(s.db, lock.pid);
    await lock.release();

    expect(await rotation).toBe(false);
    expect(await keysByStatus()).toEqual(untouched());
  });

  it('returns false for a deleted tenant, whether it was gone before the call or deleted while the call waited for the lock', async () => {
    await activatedDaysAgo(91);
    const lock = await holdTenantLock(s.db, issuerId, () => tenants.delete(issuerId));
    const rotation = keys.rotateIfDue(issuerId);
    await untilWaiting(s.db, lock.pid);
    await lock.release();
    expect(await rotation).toBe(false);

    expect(await keys.rotateIfDue(issuerId)).toBe(false);
    expect(await store.list(issuerId)).toEqual([]);
  });
});
