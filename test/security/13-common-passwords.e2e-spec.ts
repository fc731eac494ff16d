import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, adminError } from '../helpers/admin-api.js';
import { startApp, type RunningApp } from '../helpers/app.js';
import { createTenant } from '../helpers/rp.js';

const COMMON = expect.stringContaining('most commonly used passwords');

describe('finding 13 (passwords): the most common passwords and all-whitespace ones are refused', () => {
  let running: RunningApp;
  let users: string;
  let api: ReturnType<typeof adminApi>;

  beforeAll(async () => {
    running = await startApp();
    api = adminApi(running.url);
    users = `/v1/tenants/${(await createTenant(running.url)).issuerId}/users`;
  });
  afterAll(() => running.close());

  const username = () => `u-${Math.random().toString(36).slice(2, 10)}`;

  it.each([
    ['password', COMMON],
    ['qwertyuiop', COMMON],
    ['iloveyou1', COMMON],
    // Case and surrounding whitespace make a listed password no harder to guess.
    ['Password123', COMMON],
    ['  Sunshine  ', COMMON],
    ['        ', 'must not be only whitespace'],
    ['\t\n\u00a0\u2003 \t\n ', 'must not be only whitespace'],
  ])('a new user with the password %j is a 422 naming `password`', async (password, message) => {
    const reply = await api.post(users, { username: username(), password });
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual(adminError('validation_failed', expect.any(String), [{ field: 'password', message }]));
  });

  it('a password change to a common or blank password is a 422 and changes nothing', async () => {
    const created = await api.post(users, { username: username(), password: 'correct horse battery staple' });
    expect(created.status).toBe(201);
    const user = `${users}/${created.body.user_id}`;
    for (const password of ['trustno1', 'BASEBALL1', '          ']) {
      const reply = await api.patch(user, { password });
      expect(reply.status).toBe(422);
      expect(reply.body.details).toEqual([{ field: 'password', message: expect.any(String) }]);
    }
    // Nothing was changed, so nothing was audited.
    const events = await api.get(`/v1/audit-events?resource_id=${created.body.user_id}`);
    expect(events.body.items.map((event: { action: string }) => event.action)).toEqual(['user.created']);
  });

  it('an uncommon password is taken, with or without spaces around or inside it', async () => {
    for (const password of ['correct horse battery staple', ' a brand new passphrase 42 ', 'Tr0ub4dor&3-x']) {
      expect((await api.post(users, { username: username(), password })).status).toBe(201);
    }
  });
});
