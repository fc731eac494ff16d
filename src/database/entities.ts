import { Account } from '../stores/users/user.js';
import { Client } from '../stores/clients/client.js';
import { SigningKey } from '../stores/signing-keys/signing-key.js';
import { OidcPayload } from '../stores/oidc-payloads/oidc-payload.js';
import { Tenant } from '../stores/tenants/tenant.js';

/** Every TypeORM entity, registered with the one DataSource. */
export const entities = [Tenant, SigningKey, Client, OidcPayload, Account];
