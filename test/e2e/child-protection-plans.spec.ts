// Child protection end to end: a team manager convenes an initial conference from the child's record,
// the CP chair records it (a plan, neglect, lead worker and core group), the social worker completes
// and finalises the plan (outcomes, actions, contingency) and records the first core group, and the
// chair records a review conference that ends the plan with its reason. Every page must pass axe.
import { describe, expect, it } from 'vitest';
import { DEMO_CP_IDS } from '../../src/db/seed/demo-child-protection-plans.ts';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { fillDate, londonToday, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();

const plan = `/children/${DEMO_CP_IDS.convenableChild}/child-protection-plan`;

describe('initial conference to plan to core group to review to the plan ending', () => {
  it('walks the child protection journey with no accessibility violations', async () => {
    // 1. The team manager convenes the initial conference from the child's record.
    const manager = await e2e.signedIn('team.manager');
    await manager.goto(plan);
    await expectNoAxeViolations(manager);
    await andWait(manager, () => manager.getByRole('link', { name: 'Convene an initial child protection conference' }).click());
    await expectNoAxeViolations(manager);
    await fillDate(manager, '#strategyHeldOn');
    await manager.selectOption('#primaryNeed', 'N1');
    await andWait(manager, () => manager.getByRole('button', { name: 'Convene conference' }).click());
    expect(pathOf(manager)).toMatch(/^\/child-protection\/conferences\/[0-9a-f-]{36}$/);
    const conference = pathOf(manager);
    expect(await manager.getByText('How this date was worked out').isVisible()).toBe(true);
    await manager.fill('#name', 'Synthetic health visitor');
    await manager.fill('#agency', 'Health');
    await fillDate(manager, '#invitedOn');
    await andWait(manager, () => manager.getByRole('button', { name: 'Add invitation' }).click());
    await expectNoAxeViolations(manager);

    // 2. The CP chair records the conference: a plan under neglect.
    const chair = await e2e.signedIn('cp.chair');
    await chair.goto(`${conference}/outcome`);
    await expectNoAxeViolations(chair);
    await andWait(chair, () => chair.getByRole('button', { name: 'Record the outcome' }).click());
    expect(await chair.getByRole('alert').isVisible()).toBe(true);
    await expectNoAxeViolations(chair);
    await fillDate(chair, '#heldOn');
    await chair.getByLabel('Attended').first().check();
    await chair.getByLabel('Child protection plan', { exact: true }).check();
    await chair.getByLabel('Neglect').check();
    await chair.selectOption('#leadWorkerUserId', { label: 'Amara Lindqvist' });
    await chair.fill('#coreGroup', 'Synthetic health visitor, Health\nSynthetic class teacher, School');
    await chair.fill('#rationale', 'Rowan is likely to suffer significant harm through neglect.');
    await chair.fill('#summaryForChild', 'We met to talk about how to keep you safe and well at home.');
    await andWait(chair, () => chair.getByRole('button', { name: 'Record the outcome' }).click());
    expect(await chair.getByText('Conference outcome recorded.').isVisible()).toBe(true);
    await expectNoAxeViolations(chair);

    // 3. The social worker completes the plan and records the first core group.
    const worker = await e2e.signedIn('social.worker');
    await worker.goto(plan);
    await expectNoAxeViolations(worker);
    await andWait(worker, () => worker.getByRole('link', { name: 'Update the plan' }).click());
    await worker.fill('#outcome-1', 'Rowan has regular meals and a warm, clean home.');
    await worker.fill('#action-1', 'Weekly parenting sessions');
    await worker.fill('#owner-1', 'Family support worker');
    await fillDate(worker, '#actionDue-1', { day: '1', month: '6', year: String(Number(londonToday().year) + 1) });
    await andWait(worker, () => worker.getByRole('button', { name: 'Save and finalise the plan' }).click());
    expect(
      await worker
        .getByRole('alert')
        .getByRole('link', { name: /contingency plan/ })
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(worker);
    await worker.fill('#contingencyPlan', 'A legal planning meeting within 5 working days if the home is unsafe again.');
    await andWait(worker, () => worker.getByRole('button', { name: 'Save and finalise the plan' }).click());
    expect(pathOf(worker)).toBe(plan);
    await andWait(worker, () => worker.getByRole('link', { name: 'Record a core group' }).click());
    await expectNoAxeViolations(worker);
    await fillDate(worker, '#heldOn');
    await worker.fill('#progress', 'Plan agreed; everyone knows their actions.');
    await andWait(worker, () => worker.getByRole('button', { name: 'Save core group meeting' }).click());
    expect(await worker.getByText('Within timescale').first().isVisible()).toBe(true);
    await expectNoAxeViolations(worker);

    // 4. The chair records the review conference: the plan ends.
    await chair.goto(plan);
    await andWait(chair, () => chair.getByRole('link', { name: 'Open the next review conference' }).click());
    await andWait(chair, () => chair.getByRole('link', { name: 'Record the conference outcome' }).click());
    await expectNoAxeViolations(chair);
    await fillDate(chair, '#heldOn');
    await chair.getByLabel('The plan ends').check();
    await chair.getByLabel('No longer at continuing risk of significant harm').check();
    await chair.fill('#rationale', 'Home conditions have been good for three months.');
    await andWait(chair, () => chair.getByRole('button', { name: 'Record the outcome' }).click());
    expect(await chair.getByText('Plan ends').first().isVisible()).toBe(true);
    await chair.goto(plan);
    expect(await chair.getByRole('heading', { name: 'Earlier plans' }).isVisible()).toBe(true);
    await expectNoAxeViolations(chair);
  });
});
