import { afterAll, beforeAll, describe } from 'vitest';
import { startPlan, type Plan } from './plan.js';
import { IMPLICIT_OP, planTests } from './plans.js';

/** Implicit OP: oidcc-implicit-certification-test-plan (response_type id_token, and id_token token). */
describe.concurrent('oidcc-implicit-certification-test-plan', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await startPlan({ chromium: true });
  });
  afterAll(() => plan?.close());

  planTests(IMPLICIT_OP, () => plan);
});
