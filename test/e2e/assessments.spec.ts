// A child and family assessment end to end: the team manager allocates the MASH's referral to a social
// worker, who starts the assessment from the child's record, saves it to come back later, records
// seeing the child, submits it, and the team manager authorises it with a child in need plan, which
// leaves the plan as a next step with its due date. Every page visited must pass axe.
import { describe, expect, it } from 'vitest';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { fillDate, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();

describe('from a referral to an authorised assessment', () => {
  it('allocates, writes, submits and authorises with no accessibility violations', async () => {
    // 1. The team manager allocates the MASH's referral for an assessment to Amara Lindqvist.
    const manager = await e2e.signedIn('team.manager');
    await manager.goto('/referrals');
    const allocate = manager
      .getByRole('table', { name: 'Referrals awaiting allocation' })
      .getByRole('link', { name: /^Allocate / })
      .first();
    const childName = ((await allocate.textContent()) ?? '').replace(/^Allocate\s*/, '').trim();
    expect(childName).not.toBe('');
    await andWait(manager, () => allocate.click());
    await manager.getByRole('radio', { name: 'Amara Lindqvist' }).check();
    await andWait(manager, () => manager.getByRole('button', { name: 'Allocate' }).click());
    const assessmentsLink = manager
      .getByRole('table', { name: 'Recently allocated referrals' })
      .getByRole('link', { name: `Assessment for ${childName}` })
      .first();
    const assessmentsPath = (await assessmentsLink.getAttribute('href')) ?? '';
    expect(assessmentsPath).toMatch(/^\/children\/[0-9a-f-]{36}\/assessments$/);
    await expectNoAxeViolations(manager);

    // 2. The social worker starts the assessment from the child's record, showing when it is due.
    const worker = await e2e.signedIn('social.worker');
    await worker.goto(assessmentsPath);
    expect(await worker.getByRole('heading', { level: 1, name: 'Assessments' }).isVisible()).toBe(true);
    expect(await worker.getByText('The assessment will be due by').isVisible()).toBe(true);
    await expectNoAxeViolations(worker);
    await andWait(worker, () => worker.getByRole('button', { name: 'Start the assessment' }).click());
    expect(pathOf(worker)).toMatch(/\/assessments\/[0-9a-f-]{36}\/edit$/);
    const editPath = pathOf(worker);
    expect(await worker.getByText(/Assessment due by/).isVisible()).toBe(true);
    await expectNoAxeViolations(worker);

    // 3. Part written, saved to come back later.
    await worker.getByLabel('Why the referral was made', { exact: false }).check();
    await worker.fill('#childDevelopment', 'Attends school most days; behind in reading.');
    await andWait(worker, () => worker.getByRole('button', { name: 'Save and come back later' }).click());
    expect(await worker.getByText('Assessment saved. You can come back to it later.').isVisible()).toBe(true);

    // 4. Submitting before the child is seen is refused, with the error summary.
    await andWait(worker, () => worker.getByRole('button', { name: 'Submit to team manager' }).click());
    expect(
      await worker
        .getByRole('alert')
        .getByRole('link', { name: /the child must be seen/ })
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(worker);

    // 5. The rest written and submitted.
    for (const field of ['#childSeenOn', '#childSeenAloneOn']) await fillDate(worker, field);
    await worker.fill('#parentingCapacity', 'Mother is loving; struggling with her own health.');
    await worker.fill('#familyEnvironment', 'Overcrowded flat; grandmother helps after school.');
    await worker.fill('#childVoice', 'Said she worries about mum and likes art club.');
    await worker.fill('#strengths', 'Warm relationships; mother asks for help.');
    await worker.fill('#worries', 'Mother’s low mood and missed appointments.');
    await worker.fill('#analysis', 'A child in need: support under section 17 will help the family.');
    await worker.fill('#letterToChild', 'Thank you for talking to me about art club and your mum.');
    await worker.getByLabel('4B: Mental health: parent or carer').check();
    await worker.getByLabel('N3: Parental disability or illness').check();
    await andWait(worker, () => worker.getByRole('button', { name: 'Submit to team manager' }).click());
    expect(await worker.getByText('Assessment submitted to the team manager for authorisation.').isVisible()).toBe(true);
    expect(await worker.getByText('Awaiting authorisation').first().isVisible()).toBe(true);
    await expectNoAxeViolations(worker);

    // 6. The team manager authorises it with a child in need plan.
    await manager.goto(editPath.replace(/\/edit$/, ''));
    await andWait(manager, () => manager.getByRole('button', { name: 'Authorise or return' }).click());
    expect(await manager.getByRole('heading', { level: 1, name: 'Authorise or return the assessment' }).isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
    // The specialist service and the family's consent are revealed under their outcomes.
    const specialist = manager.getByLabel('Specialist service', { exact: true });
    const consent = manager.getByRole('group', { name: 'Family consent', exact: true });
    expect(await specialist.isVisible()).toBe(false);
    expect(await consent.isVisible()).toBe(false);
    await manager.getByLabel('Referral to a specialist service').check();
    expect(await specialist.isVisible()).toBe(true);
    await manager.getByLabel('Step down to targeted early help').check();
    expect(await specialist.isVisible()).toBe(false);
    expect(await consent.isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
    await manager.getByLabel('Child in need plan (section 17)').check();
    expect(await consent.isVisible()).toBe(false);
    await manager.fill('#rationale', 'Agree the analysis. Family Support Meeting within 10 working days.');
    await andWait(manager, () => manager.getByRole('button', { name: 'Authorise the assessment' }).click());
    expect(await manager.getByText('Assessment authorised.').isVisible()).toBe(true);
    expect(await manager.getByText(/Within 45 working days \(authorised after /).isVisible()).toBe(true);
    expect(await manager.getByText('Agree the child in need plan').isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
  }, 240_000);
});
