import { afterAll, beforeAll, describe } from 'vitest';
import { startPlan, type Plan } from './plan.js';
import { HYBRID_OP, planTests } from './plans.js';

/** Hybrid OP: oidcc-hybrid-certification-test-plan (response_type code id_token, code token, code id_token token). */
describe.concurrent('oidcc-hybrid-certification-test-plan', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await startPlan({ chromium: true });
  });
  afterAll(() => plan?.close());

  planTests(HYBRID_OP, () => plan);
});
