// Children with disabilities from eligibility to the panel: the social worker opens Disabilities
// from the child's record, saves a draft of the eligibility decision, is shown what is missing,
// records it; the team manager confirms it; the worker adds overnight short breaks (their first
// review due with its explanation) and requests a personal budget; the team manager records the
// resource allocation panel's decision. Every page must pass axe.
import { describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { fillDate, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite({ closeContextsAfterEach: true });

const child = DEMO_CHILD_IDS.allocated;
const section = `/children/${child}/disabilities`;

describe('a disabled child’s eligibility, short breaks and personal budget', () => {
  it('is recorded, confirmed, provided for and decided by the panel, every page accessible', async () => {
    const page = await e2e.signedIn('social.worker', `/children/${child}`);
    await andWait(page, () => page.getByRole('navigation', { name: 'Child record navigation' }).getByRole('link', { name: 'Disabilities' }).click());
    expect(pathOf(page)).toBe(section);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('button', { name: 'Record an eligibility decision' }).click());
    expect(await page.getByRole('heading', { level: 1, name: 'Eligibility for the Children with Disabilities service' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole('group', { name: 'Is this met? (1)' }).getByLabel('Met', { exact: true }).check();
    await andWait(page, () => page.getByRole('button', { name: 'Save and come back later' }).click());
    expect(await page.getByText('Draft saved.').isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Is this met? (1)' }).getByLabel('Met', { exact: true }).isChecked()).toBe(true);

    await andWait(page, () => page.getByRole('button', { name: 'Record the decision' }).click());
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.getByRole('link', { name: 'Enter the evidence for this answer' }).first().getAttribute('href')).toBe(
      '#SEVERE_LEARNING_DISABILITY-evidence',
    );
    await expectNoAxeViolations(page);

    for (let n = 2; n <= 13; n += 1)
      await page
        .getByRole('group', { name: `Is this met? (${String(n)})` })
        .getByLabel('Not met', { exact: true })
        .check();
    await page.getByLabel('Evidence (1)').fill('Educational psychologist: severe learning disability, needs support with every daily task');
    await page.getByLabel('Where the evidence comes from (1)').selectOption('specialist_assessment');
    await fillDate(page, 'Date of the evidence (1)');
    await page.getByLabel('Worker’s analysis').fill('The section 17 assessment found substantial needs across daily living.');
    await fillDate(page, 'Date of the decision');
    await andWait(page, () => page.getByRole('button', { name: 'Record the decision' }).click());
    expect(pathOf(page)).toBe(section);
    expect(await page.getByText('Eligibility decision recorded.').isVisible()).toBe(true);
    expect(await page.getByText('Eligibility decision to confirm').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    const manager = await e2e.signedIn('team.manager', section);
    await andWait(manager, () => manager.getByRole('button', { name: 'Confirm or return the decision' }).click());
    await expectNoAxeViolations(manager);
    await manager.getByLabel('Confirm the decision').check();
    await andWait(manager, () => manager.getByRole('button', { name: 'Save' }).click());
    expect(await manager.getByText('Eligibility decision confirmed.').isVisible()).toBe(true);
    await expectNoAxeViolations(manager);

    await andWait(page, () => page.goto(section));
    await andWait(page, () => page.getByRole('button', { name: 'Add short breaks' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Overnight care, at home or elsewhere').check();
    await page.getByLabel('Provider').fill('Willowbrook short breaks unit');
    await page.getByLabel('Hours or nights a year').fill('24');
    await fillDate(page, 'Start date');
    await andWait(page, () => page.getByRole('button', { name: 'Save short breaks' }).click());
    expect(await page.getByText('Short breaks recorded.').isVisible()).toBe(true);
    expect(
      await page
        .getByText(/First review of overnight short breaks/)
        .first()
        .isVisible(),
    ).toBe(true);
    await page.getByText('How this date was worked out').first().click();
    expect(
      await page
        .getByText(/3 months after/)
        .first()
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('button', { name: 'Request a personal budget' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Amount requested a year').fill('2,400');
    await page.getByLabel('What it is for').fill('A sitting service one evening a week.');
    await fillDate(page, 'Date of the panel');
    await andWait(page, () => page.getByRole('button', { name: 'Submit to the panel' }).click());
    expect(await page.getByText('Personal budget request submitted').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(manager, () => manager.goto(section));
    await andWait(manager, () => manager.getByRole('button', { name: 'Record the panel’s decision' }).click());
    await expectNoAxeViolations(manager);
    await fillDate(manager, 'Date of the panel');
    // The amount and the later panel are revealed under their decisions.
    const amount = manager.getByLabel('Amount approved a year');
    const laterPanel = manager.getByRole('group', { name: 'Date of the later panel' });
    expect(await amount.isVisible()).toBe(false);
    expect(await laterPanel.isVisible()).toBe(false);
    await manager.getByLabel('Approved with changes').check();
    expect(await amount.isVisible()).toBe(true);
    await manager.getByLabel('Deferred to a later panel').check();
    expect(await amount.isVisible()).toBe(false);
    expect(await laterPanel.isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
    await manager.getByLabel('Approved as requested').check();
    expect(await laterPanel.isVisible()).toBe(false);
    await andWait(manager, () => manager.getByRole('button', { name: 'Save the decision' }).click());
    expect(await manager.getByText('Panel decision recorded.').isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
  }, 240_000);
});
