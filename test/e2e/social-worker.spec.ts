// A social worker's day: a mistyped password, signing in, their caseload, a child's record, the
// teams and account pages, then signing out. Every page visited must pass axe.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { DEMO_USERS } from '../../src/db/seed/users.ts';
import { andWait, expectNoAxeViolations, pathOf, signIn } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite({ closeContextsAfterEach: true });
let page: Page;

beforeEach(async () => {
  page = await e2e.newPage();
});

describe('a social worker signs in, finds their child and signs out', () => {
  it('walks from sign-in to sign-out with no accessibility violations on any page', async () => {
    const worker = DEMO_USERS.find((u) => u.username === 'social.worker');
    if (worker === undefined) throw new Error('no demo social worker');
    const childName = await e2e.server.personName(DEMO_CHILD_IDS.allocated);

    // Not signed in: the service sends the visitor to sign in.
    await page.goto('/my-work');
    expect(pathOf(page)).toBe('/sign-in');
    expect(await page.title()).toBe('Sign in – Hearth');
    await expectNoAxeViolations(page);

    // A wrong password: an error summary linking to the field, the username kept.
    await signIn(page, 'social.worker', 'not-the-password');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.getByRole('link', { name: 'Enter a correct username and password' }).getAttribute('href')).toBe('#username');
    expect(await page.title()).toBe('Error: Sign in – Hearth');
    expect(await page.getByLabel('Username').inputValue()).toBe('social.worker');
    await expectNoAxeViolations(page);

    // The right password: back where they were going, My work, listing the allocated child.
    await signIn(page, 'social.worker');
    expect(pathOf(page)).toBe('/my-work');
    expect(await page.getByRole('heading', { level: 1, name: 'My work' }).isVisible()).toBe(true);
    expect(await page.getByRole('banner').getByText(worker.displayName).isVisible()).toBe(true);
    const primary = page.getByRole('navigation', { name: 'Primary navigation' });
    expect(await primary.getByRole('link', { name: 'My work' }).getAttribute('aria-current')).toBe('page');
    // One of each landmark: header, main content, footer.
    for (const landmark of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(landmark).count(), landmark).toBe(1);
    const caseload = page.getByRole('table').filter({ hasText: 'Children allocated to you' });
    const childLink = caseload.getByRole('link', { name: childName });
    expect(await childLink.isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // The child's record: the identity bar names the child; the summary and family follow.
    await andWait(page, () => childLink.click());
    expect(pathOf(page)).toBe(`/children/${DEMO_CHILD_IDS.allocated}`);
    expect(await page.title()).toBe(`${childName} – Hearth`);
    const identity = page.getByRole('region', { name: 'Child' });
    expect(await identity.isVisible()).toBe(true);
    expect(await identity.getByText(childName).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: childName }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2, name: 'Family and household' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // Teams, from the primary navigation.
    await andWait(page, () => primary.getByRole('link', { name: 'Teams' }).click());
    expect(pathOf(page)).toBe('/teams');
    expect(await page.getByRole('heading', { level: 1, name: 'Teams' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: worker.teamName, exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page);

    // Account, from the header: their name, role and team.
    await andWait(page, () => page.getByRole('navigation', { name: 'Account navigation' }).getByRole('link').click());
    expect(pathOf(page)).toBe('/account');
    expect(await page.getByRole('heading', { level: 1, name: 'Your account' }).isVisible()).toBe(true);
    const details = page.locator('.govuk-summary-list');
    expect(await details.getByText(worker.displayName, { exact: true }).isVisible()).toBe(true);
    expect(await details.getByText(worker.roleLabel).isVisible()).toBe(true);
    expect(await details.getByText(worker.teamName).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // Sign out: back at sign-in, told so; the caseload is no longer reachable.
    await andWait(page, () => page.getByRole('button', { name: 'Sign out' }).click());
    expect(pathOf(page)).toBe('/sign-in');
    expect(await page.getByText('You have signed out').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.goto('/my-work');
    expect(pathOf(page)).toBe('/sign-in');
  });
});
