import { Module } from '@nestjs/common';
import { AdminKeysStore } from './admin-keys/admin-keys.store.js';
import { AuditTrail } from './audit-events/audit-trail.store.js';
import { ClientsStore } from './clients/clients.store.js';
import { ConnectionsStore } from './connections/connections.store.js';
import { UserLinksStore } from './connections/user-links.store.js';
import { KeyEncryptionKeyCheck } from './key-encryption-key-check.js';
import { OidcPayloadsStore } from './oidc-payloads/oidc-payloads.store.js';
import { SigningKeysStore } from './signing-keys/signing-keys.store.js';
import { TenantChanges } from './tenants/tenant-changes.js';
import { TenantsStore } from './tenants/tenants.store.js';
import { UserFactorsStore } from './user-factors/user-factors.store.js';
import { UsersStore } from './users/users.store.js';

const stores = [
  TenantsStore,
  TenantChanges,
  SigningKeysStore,
  ClientsStore,
  UsersStore,
  UserFactorsStore,
  ConnectionsStore,
  UserLinksStore,
  OidcPayloadsStore,
  AuditTrail,
  AdminKeysStore,
];

/**
 * The bottom layer: one store per table family, the only code that touches those tables, all
 * through the one `Database`. The engine and the admin API import this module; a store imports
 * nothing above it (the lint rules enforce it). At start, it checks that the key-encryption key
 * opens what the stores hold.
 */
@Module({ providers: [...stores, KeyEncryptionKeyCheck], exports: stores })
export class StoresModule {}
