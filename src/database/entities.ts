import { Tenant } from '../tenancy/tenant.entity.js';

/** Every TypeORM entity, registered with the one DataSource. */
export const entities = [Tenant];
