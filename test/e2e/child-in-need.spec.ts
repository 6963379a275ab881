// A child in need plan from start to closure: the social worker starts a plan on the child's record,
// is refused when agreeing it without a contingency plan, agrees it, records a review deciding to
// close, and the team manager closes the episode with its census reason. Every page must pass axe.
import { describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { fillDate, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite({ closeContextsAfterEach: true });

const child = DEMO_CHILD_IDS.allocated;
const section = `/children/${child}/child-in-need`;

describe('a child in need plan', () => {
  it('is started, refused without a contingency, agreed, reviewed and closed, every page accessible', async () => {
    const page = await e2e.signedIn('social.worker', `/children/${child}`);
    await andWait(page, () => page.getByRole('navigation', { name: 'Child record navigation' }).getByRole('link', { name: 'Child in need' }).click());
    expect(pathOf(page)).toBe(section);
    await expectNoAxeViolations(page);

    await page.selectOption('#primaryNeed', 'N4');
    await andWait(page, () => page.getByRole('button', { name: 'Start a child in need plan' }).click());
    expect(pathOf(page)).toBe(`${section}/plan`);
    expect(await page.getByRole('heading', { level: 1, name: 'Write the child in need plan' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    const outcome = page.getByRole('group', { name: 'Outcome 1' });
    await outcome.getByLabel('What needs to change').fill('The children get to school on time every day');
    await outcome.getByLabel('How everyone will know it has been achieved').fill('Attendance above 95% each half term, checked with the school');
    const action = page.getByRole('group', { name: 'Action 1' });
    await action.getByLabel('What will be done').fill('Evening routine sessions');
    await action.getByLabel('Who will do it').fill('Family support worker');
    await andWait(page, () => page.getByRole('button', { name: 'Agree and finalise the plan' }).click());
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.getByRole('link', { name: /Enter the contingency plan/ }).getAttribute('href')).toBe('#contingency');
    await expectNoAxeViolations(page);

    await page
      .getByLabel('Contingency plan')
      .fill(
        'If attendance falls below 85% for two weeks running, or the children are found alone at home, the social worker will ask the team manager for a strategy discussion the same day.',
      );
    await page.locator('#childViews').fill('They like breakfast club and want mornings to be calmer.');
    await andWait(page, () => page.getByRole('button', { name: 'Agree and finalise the plan' }).click());
    expect(pathOf(page)).toBe(section);
    expect(await page.getByText('Plan agreed and finalised.', { exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByText('Child in need plan review').first().isVisible()).toBe(true);
    await page.getByText('How this date was worked out').first().click();
    expect(
      await page
        .getByText(/3 months after/)
        .first()
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('link', { name: 'Record a review' }).click());
    await expectNoAxeViolations(page);
    await fillDate(page, 'Date the review was held');
    await page.getByLabel('Who attended').fill('Mum, both children, the school');
    await page.locator('#childViews').fill('Mornings are calmer now.');
    await page.getByLabel('Progress against the plan').fill('Attendance is at 97% this half term.');
    // The family's agreement is revealed only for stepping down.
    const agreement = page.getByRole('group', { name: 'The family’s agreement to early help' });
    expect(await agreement.isVisible()).toBe(false);
    await page.getByLabel('Step down to early help').check();
    expect(await agreement.isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByLabel('Close: the child is no longer in need of services').check();
    expect(await agreement.isVisible()).toBe(false);
    await andWait(page, () => page.getByRole('button', { name: 'Save the review' }).click());
    expect(await page.getByText('Review recorded.').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    const manager = await e2e.signedIn('team.manager', section);
    await andWait(manager, () => manager.getByRole('link', { name: 'Close the child in need episode' }).click());
    await expectNoAxeViolations(manager);
    await manager.getByLabel('RC7: Services ceased').check();
    await fillDate(manager, 'Closure date');
    await andWait(manager, () => manager.getByRole('button', { name: 'Close the episode' }).click());
    expect(await manager.getByText('Child in need episode closed.').isVisible()).toBe(true);
    expect(
      await manager
        .getByText(/RC7: Services ceased/)
        .first()
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(manager);

    await andWait(manager, () => manager.goto('/my-work'));
    expect(await manager.getByRole('heading', { name: /Due and overdue in your team/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
    // Eleven pages, each checked with axe, on a shared machine.
  }, 240_000);
});
