import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../helpers/admin-api.js';
import { startApp, tempDir, type RunningApp } from '../helpers/app.js';
import { UserAgent } from '../helpers/browserless.js';
import { createDatabase, dropDatabase } from '../helpers/db.js';

/** The newcomer's path: first start in development, then the README's demo sign-in. */
describe('the demo issuer', () => {
  let running: RunningApp;
  let databaseUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    databaseUrl = await createDatabase('portcullis_demo');
    dataDir = await tempDir();
    running = await startApp({ NODE_ENV: 'development', DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await running?.close();
    await dropDatabase(databaseUrl);
  });

  it('is created on the first start, and /demo-login signs the demo user in and shows the ID token', async () => {
    const credentials = await readFile(join(dataDir, 'demo-user'), 'utf8');
    const password = /password: (\S+)/.exec(credentials)![1];
    const agent = new UserAgent(running.url);
    let step = await agent.follow(await agent.get('/demo-login'));
    for (let pages = 0; pages < 3 && step instanceof Response; pages++) {
      const html = await step.text();
      if (html.includes('Your ID token says')) {
        expect(html).toContain('&quot;iss&quot;');
        expect(html).toContain('demo@example.com');
        expect(html).toContain(`${running.url}/demo&quot;`);
        return;
      }
      const { formOf } = await import('../helpers/browserless.js');
      const form = formOf(html);
      step = await agent.follow(
        await agent.post(form.action, html.includes('name="password"') ? { _csrf: form.csrf, username: 'demo', password } : { _csrf: form.csrf }),
      );
    }
    throw new Error('the demo sign-in did not reach the ID token page');
  });

  it('is not created again once it exists', async () => {
    await running.close();
    running = await startApp({ NODE_ENV: 'development', DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
    const tenants = await adminApi(running.url).get('/v1/tenants?limit=200');
    expect(tenants.body.items.filter((t: { issuer_id: string }) => t.issuer_id === 'demo')).toHaveLength(1);
  });
});
