import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemActor } from '../stores/audit-events/actor.js';
import { UsersService } from '../accounts/users.service.js';
import { ClientsService } from '../clients/clients.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TenantsStore } from '../stores/tenants/tenants.store.js';
import { TenantsService } from '../tenancy/tenants.service.js';

export const DEMO_ISSUER = 'demo';

/**
 * On the first start in development, a `demo` issuer with a user and a public client whose
 * redirect URI is Portcullis's own `/demo-callback`, so a newcomer can sign in at once.
 * A marker in DATA_DIR keeps it from coming back once deleted.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly tenants: TenantsService,
    private readonly tenantRows: TenantsStore,
    private readonly clients: ClientsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.nodeEnv !== 'development') return;
    const marker = join(this.config.dataDir, 'demo-created');
    if (
      await access(marker).then(
        () => true,
        () => false,
      )
    )
      return;
    if (await this.tenantRows.find(DEMO_ISSUER)) return;

    const password = randomBytes(9).toString('base64url');
    const actor = systemActor('demo-seeder');
    await this.tenants.create({ issuer_id: DEMO_ISSUER, display_name: 'Portcullis demo', signing_alg: 'ES256' }, actor);
    await this.users.create(
      DEMO_ISSUER,
      { username: 'demo', password, email: 'demo@example.com', email_verified: true, name: 'Demo User', given_name: 'Demo', family_name: 'User' },
      actor,
    );
    const client = await this.clients.create(
      DEMO_ISSUER,
      {
        client_name: 'Demo app',
        redirect_uris: [`${this.config.publicUrl}/demo-callback`],
        post_logout_redirect_uris: [`${this.config.publicUrl}/demo-login`],
        token_endpoint_auth_method: 'none',
        scope: 'openid profile email',
      },
      actor,
    );
    await writeFile(marker, `${client.client_id}\n`, { mode: 0o600 });
    await writeFile(join(this.config.dataDir, 'demo-user'), `username: demo\npassword: ${password}\n`, { mode: 0o600 });
    process.stderr.write(
      `\n  Created a demo issuer. Sign in at ${this.config.publicUrl}/demo-login\n` +
        `  as user "demo" with password "${password}" (kept in ${join(this.config.dataDir, 'demo-user')}).\n\n`,
    );
    this.logger.log(`demo issuer created at ${this.config.publicUrl}/${DEMO_ISSUER}`);
  }
}
