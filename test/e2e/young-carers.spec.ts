// A young carer's needs assessment end to end: the social worker starts one from the child's record
// (an empty form is refused with the error summary), naming a parent already on the record as the
// person cared for; saves it to come back later; is refused on an incomplete submission; writes the
// rest and submits it; the team manager authorises it with a support plan, whose review date is then
// shown with its explanation; the worker records that review. Every page visited must pass axe.
import { describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { fillDate, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();

describe('a young carer’s needs assessment', () => {
  it('starts, saves, submits and authorises with no accessibility violations', async () => {
    // 1. From the child's record, the Young carers page with the start form.
    const worker = await e2e.signedIn('social.worker');
    await worker.goto(`/children/${DEMO_CHILD_IDS.allocated}`);
    await andWait(worker, () => worker.getByRole('link', { name: 'Young carers' }).click());
    expect(await worker.getByRole('heading', { level: 1, name: 'Young carers’ needs assessments' }).isVisible()).toBe(true);
    await expectNoAxeViolations(worker);

    // 2. An empty form is refused with every problem listed.
    await andWait(worker, () => worker.getByRole('button', { name: 'Start the assessment' }).click());
    const summary = worker.getByRole('alert');
    expect(await summary.getByRole('link', { name: 'Select why the person needs care' }).isVisible()).toBe(true);
    expect(await summary.getByRole('link', { name: 'Enter the date the assessment was requested' }).isVisible()).toBe(true);
    await expectNoAxeViolations(worker);

    // 3. A parent already on the child's record is the person cared for. The questions about
    // someone not on the record are revealed only when that is chosen.
    const theirName = worker.getByLabel('Their name', { exact: true });
    expect(await theirName.isVisible()).toBe(false);
    await worker.getByLabel('Someone not on the child’s record').check();
    expect(await theirName.isVisible()).toBe(true);
    expect(await worker.getByRole('group', { name: 'Are they an adult or a child?' }).isVisible()).toBe(true);
    await expectNoAxeViolations(worker);
    const parentRadio = worker
      .getByRole('group', { name: /look after\?/ })
      .getByRole('radio')
      .first();
    await parentRadio.check();
    expect(await theirName.isVisible()).toBe(false);
    await worker.getByLabel('Mental health problem').check();
    await worker.getByLabel('Giving or managing medicine').check();
    await worker.getByLabel('Cooking, cleaning, shopping, laundry').check();
    await worker.fill('#hoursPerWeek', '14');
    await fillDate(worker, '#requestedOn');
    await worker.getByLabel('School or college').check();
    await andWait(worker, () => worker.getByRole('button', { name: 'Start the assessment' }).click());
    expect(pathOf(worker)).toMatch(/^\/young-carers\/[0-9a-f-]{36}\/edit$/);
    const assessmentPath = pathOf(worker).replace(/\/edit$/, '');
    expect(await worker.getByText(/Assessment due by/).isVisible()).toBe(true);
    expect(await worker.getByText(/\(parent, adult\)/).isVisible()).toBe(true);
    await expectNoAxeViolations(worker);

    // 4. Part written, saved to come back later.
    await worker.fill('#caringRole', 'Reminds dad to take his tablets and cooks tea most nights.');
    await andWait(worker, () => worker.getByRole('button', { name: 'Save and come back later' }).click());
    expect(await worker.getByText('Assessment saved. You can come back to it later.').isVisible()).toBe(true);

    // 5. Submitting before it is complete is refused, with the error summary.
    await andWait(worker, () => worker.getByRole('button', { name: 'Submit to team manager' }).click());
    expect(
      await worker
        .getByRole('alert')
        .getByRole('link', { name: /they must be seen/ })
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(worker);

    // 6. The rest written and submitted.
    await fillDate(worker, '#youngCarerSeenOn');
    await worker.fill('#appropriateness', 'Medicine reminders are fine; cooking every night is too much at 7.');
    await worker.getByLabel('Some caring is excessive or inappropriate for the young carer').check();
    await worker.fill('#wellbeingImpact', 'Tired and worried at school.');
    await worker.fill('#educationEmployment', 'Late twice a week.');
    await worker.fill('#leisure', 'Stopped going to dance club.');
    await worker.fill('#youngCarerViews', 'Wants to go back to dance.');
    await worker.fill('#familyViews', 'Dad agrees he needs more help from adult services.');
    await worker.fill('#servicesForCaredFor', 'Meals and medication support for dad from adult social care.');
    await worker.fill('#needsIdentified', 'Time for dance; help with mornings.');
    await worker.getByLabel('Support plan for the young carer').check();
    await worker.getByLabel(/Referral to Adult Services/).check();
    await andWait(worker, () => worker.getByRole('button', { name: 'Submit to team manager' }).click());
    expect(await worker.getByText('Assessment submitted to the team manager.').isVisible()).toBe(true);
    await expectNoAxeViolations(worker);

    // 7. The team manager authorises it; the support plan's review date is shown and explained.
    const manager = await e2e.signedIn('team.manager');
    await manager.goto(assessmentPath);
    await andWait(manager, () => manager.getByRole('link', { name: 'Authorise or return' }).click());
    expect(await manager.getByRole('heading', { level: 1, name: 'Authorise or return the assessment' }).isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
    await andWait(manager, () => manager.getByRole('button', { name: 'Authorise the assessment' }).click());
    expect(
      await manager
        .getByRole('alert')
        .getByRole('link', { name: /management oversight/ })
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(manager);
    await manager.fill('#managementComments', 'Agree. Support plan with Young Carers MK; Access Team referral for dad.');
    await andWait(manager, () => manager.getByRole('button', { name: 'Authorise the assessment' }).click());
    expect(await manager.getByText('Assessment authorised.').isVisible()).toBe(true);
    expect(await manager.getByText(/Support plan review due by/).isVisible()).toBe(true);
    expect(await manager.getByText(/Within 45 working days/).isVisible()).toBe(true);
    await expectNoAxeViolations(manager);

    // 8. The worker records the support plan's review: an empty form is refused, then it continues.
    await worker.goto(assessmentPath);
    await andWait(worker, () => worker.getByRole('button', { name: 'Record the review' }).click());
    expect(await worker.getByRole('alert').getByRole('link', { name: 'Enter what the review found' }).isVisible()).toBe(true);
    await expectNoAxeViolations(worker);
    await fillDate(worker, '#reviewedOn');
    await worker.fill('#summary', 'Back at dance club; dad has morning visits from adult social care.');
    await worker.getByLabel(/Yes, support continues/).check();
    await andWait(worker, () => worker.getByRole('button', { name: 'Record the review' }).click());
    expect(await worker.getByText('Support plan review recorded.').isVisible()).toBe(true);
    expect(await worker.getByText(/Support continues; next review due by/).isVisible()).toBe(true);
    await expectNoAxeViolations(worker);
  }, 240_000);
});
