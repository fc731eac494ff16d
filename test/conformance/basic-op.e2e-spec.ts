import { afterAll, beforeAll, describe } from 'vitest';
import { startPlan, type Plan } from './plan.js';
import { BASIC_OP, planTests } from './plans.js';

/** Basic OP: oidcc-basic-certification-test-plan (response_type=code, client_secret_basic, static client, no PKCE). */
describe.concurrent('oidcc-basic-certification-test-plan', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await startPlan({ chromium: true });
  });
  afterAll(() => plan?.close());

  planTests(BASIC_OP, () => plan);
});
