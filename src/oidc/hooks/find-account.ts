import type { Configuration } from 'oidc-provider';

/**
 * No end-user accounts exist yet (the Accounts module brings them), so no `sub` resolves:
 * flows that need a user cannot complete, the machine-to-machine ones do not ask.
 */
export const findAccount: NonNullable<Configuration['findAccount']> = async () => undefined;
