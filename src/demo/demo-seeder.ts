import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemActor } from '../stores/audit-events/actor.js';
import { AuditTrail } from '../stores/audit-events/audit-trail.store.js';
import { UsersService } from '../accounts/users.service.js';
import { ClientsService } from '../clients/clients.service.js';
import { ResourceConflict } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { TenantsStore } from '../stores/tenants/tenants.store.js';
import { TenantsService } from '../tenancy/tenants.service.js';

export const DEMO_ISSUER = 'demo';

/** The audit log's actor for what the seeder does, and how it finds what it did. */
const SEEDER = 'demo-seeder';

/**
 * On the first start in development, a `demo` issuer with a user and a public client whose
 * redirect URI is Portcullis's own `/demo-callback`, so a newcomer can sign in at once.
 * Made once per database: the audit trail remembers that the seeder made it (and its client),
 * so once deleted it stays deleted, whichever process, with whatever DATA_DIR, starts next.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');
  private demoClientId?: string;

  constructor(
    private readonly tenants: TenantsService,
    private readonly tenantRows: TenantsStore,
    private readonly clients: ClientsService,
    private readonly users: UsersService,
    private readonly audit: AuditTrail,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.nodeEnv !== 'development') return;
    if (await this.audit.lastResourceBy(SEEDER, 'tenant.created', DEMO_ISSUER)) return;
    if (await this.tenantRows.find(DEMO_ISSUER)) return;

    const password = randomBytes(9).toString('base64url');
    try {
      // All or nothing, so that the audit trail's record of the demo means the whole demo exists.
      await this.db.transaction(() => this.seed(password));
    } catch (error) {
      // Another process on this database made it meanwhile.
      if (error instanceof ResourceConflict) return;
      throw error;
    }
    const credentials = join(this.config.dataDir, 'demo-user');
    // DATA_DIR holds nothing else when the database and both secrets are configured: it may not exist yet.
    await mkdir(this.config.dataDir, { recursive: true, mode: 0o700 });
    await writeFile(credentials, `username: demo\npassword: ${password}\n`, { mode: 0o600 });
    process.stderr.write(
      `\n  Created a demo issuer. Sign in at ${this.config.publicUrl}/demo-login\n` +
        `  as user "demo" with password "${password}" (kept in ${credentials}).\n\n`,
    );
    this.logger.log(`demo issuer created at ${this.config.publicUrl}/${DEMO_ISSUER}`);
  }

  /** The demo client's id while the demo issuer the seeder made exists (in development only), as the database remembers it. */
  async clientId(): Promise<string | undefined> {
    if (this.config.nodeEnv !== 'development' || !(await this.tenantRows.find(DEMO_ISSUER))) return undefined;
    this.demoClientId ??= (await this.audit.lastResourceBy(SEEDER, 'client.created', DEMO_ISSUER)) ?? undefined;
    return this.demoClientId;
  }

  private async seed(password: string): Promise<void> {
    const actor = systemActor(SEEDER);
    await this.tenants.create({ issuer_id: DEMO_ISSUER, display_name: 'Portcullis demo', signing_alg: 'ES256' }, actor);
    await this.users.create(
      DEMO_ISSUER,
      { username: 'demo', password, email: 'demo@example.com', email_verified: true, name: 'Demo User', given_name: 'Demo', family_name: 'User' },
      actor,
    );
    await this.clients.create(
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
  }
}
