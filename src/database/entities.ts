import { Account } from '../accounts/account.entity.js';
import { Client } from '../clients/client.entity.js';
import { SigningKey } from '../keys/signing-key.entity.js';
import { OidcPayload } from '../oidc/oidc-payload.entity.js';
import { Tenant } from '../tenancy/tenant.entity.js';

/** Every TypeORM entity, registered with the one DataSource. */
export const entities = [Tenant, SigningKey, Client, OidcPayload, Account];
