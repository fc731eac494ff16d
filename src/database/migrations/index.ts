import { CreateTenants1763900000000 } from './1763900000000-CreateTenants.js';
import { AddIssuersKeysClientsPayloads1763900100000 } from './1763900100000-AddIssuersKeysClientsPayloads.js';
import { CreateUsers1763900200000 } from './1763900200000-CreateUsers.js';
import { CreateRateLimits1763900300000 } from './1763900300000-CreateRateLimits.js';
import { CreateAuditEventsAndAdminKeys1763900400000 } from './1763900400000-CreateAuditEventsAndAdminKeys.js';
import { AddTenantOptions1763900500000 } from './1763900500000-AddTenantOptions.js';
import { AllowUsersWithoutPassword1763900600000 } from './1763900600000-AllowUsersWithoutPassword.js';
import { IndexPayloadsByAccount1763900705000 } from './1763900705000-IndexPayloadsByAccount.js';
import { HashOidcPayloadIds1763900706000 } from './1763900706000-HashOidcPayloadIds.js';
import { AddCredentialsChangedAt1763900710000 } from './1763900710000-AddCredentialsChangedAt.js';
import { AddRequirePkce1763900720000 } from './1763900720000-AddRequirePkce.js';
import { AddRegistrationPolicy1763900730000 } from './1763900730000-AddRegistrationPolicy.js';
import { IndexSealingKeyIds1763900810000 } from './1763900810000-IndexSealingKeyIds.js';
import { CreateUserFactors1763900830000 } from './1763900830000-CreateUserFactors.js';
import { IndexAdminListFilters1763900820000 } from './1763900820000-IndexAdminListFilters.js';
import { CreateConnections1763900840000 } from './1763900840000-CreateConnections.js';

/**
 * Every migration, oldest first. A migration is never edited once merged: add a new one. Each
 * leaves a schema the previous release still runs on (expand/contract: docs/operations.md,
 * "Upgrades"), which test/e2e/rolling-upgrade.e2e-spec.ts checks against that release's build.
 */
export const migrations = [
  CreateTenants1763900000000,
  AddIssuersKeysClientsPayloads1763900100000,
  CreateUsers1763900200000,
  CreateRateLimits1763900300000,
  CreateAuditEventsAndAdminKeys1763900400000,
  AddTenantOptions1763900500000,
  AllowUsersWithoutPassword1763900600000,
  IndexPayloadsByAccount1763900705000,
  HashOidcPayloadIds1763900706000,
  AddCredentialsChangedAt1763900710000,
  AddRequirePkce1763900720000,
  AddRegistrationPolicy1763900730000,
  IndexSealingKeyIds1763900810000,
  IndexAdminListFilters1763900820000,
  CreateUserFactors1763900830000,
  CreateConnections1763900840000,
];
