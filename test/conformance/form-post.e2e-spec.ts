import { afterAll, beforeAll, describe } from 'vitest';
import { startPlan, type Plan } from './plan.js';
import { BASIC_OP, HYBRID_OP, IMPLICIT_OP, planTests } from './plans.js';

/**
 * Form Post OP: the Basic, Implicit and Hybrid plans with response_mode=form_post
 * (OIDCCFormPost{Basic,Implicit,Hybrid}TestPlan). Every response reaches the client as a form
 * that Chromium posts: the callback must be a POST of application/x-www-form-urlencoded.
 */
describe.concurrent('Form Post OP', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await startPlan({ chromium: true });
  });
  afterAll(() => plan?.close());

  describe('oidcc-formpost-basic-certification-test-plan', () => planTests(BASIC_OP, () => plan, { formPost: true }));
  describe('oidcc-formpost-implicit-certification-test-plan', () => planTests(IMPLICIT_OP, () => plan, { formPost: true }));
  describe('oidcc-formpost-hybrid-certification-test-plan', () => planTests(HYBRID_OP, () => plan, { formPost: true }));
});
