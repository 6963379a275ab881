// Every page works without JavaScript (progressive enhancement): signing in, My work, a child's
// record, a form's error summary and signing out, in a browser with JavaScript turned off.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { andWait, expectNoAxeViolations, pathOf, signIn } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite({ closeContextsAfterEach: true });
let page: Page;

beforeEach(async () => {
  page = await e2e.newPage({ javaScriptEnabled: false });
});

describe('with JavaScript turned off', () => {
  it('signs in, opens My work and a child’s record, and signs out', async () => {
    const childName = await e2e.server.personName(DEMO_CHILD_IDS.allocated);
    await page.goto('/sign-in');
    // The page's scripts really did not run.
    expect(await page.locator('body.govuk-frontend-supported').count()).toBe(0);
    await expectNoAxeViolations(page);

    await signIn(page, 'social.worker', 'wrong-password-entirely');
    expect(await page.getByRole('alert').getByRole('link', { name: 'Enter a correct username and password' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await signIn(page, 'social.worker');
    expect(pathOf(page)).toBe('/my-work');
    const childLink = page.getByRole('table').filter({ hasText: 'Children allocated to you' }).getByRole('link', { name: childName });
    expect(await childLink.isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => childLink.click());
    expect(pathOf(page)).toBe(`/children/${DEMO_CHILD_IDS.allocated}`);
    expect(await page.getByRole('region', { name: 'Child' }).getByText(childName).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: childName }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('navigation', { name: 'Primary navigation' }).getByRole('link', { name: 'Teams' }).click());
    expect(await page.getByRole('heading', { level: 1, name: 'Teams' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('button', { name: 'Sign out' }).click());
    expect(pathOf(page)).toBe('/sign-in');
    expect(await page.getByText('You have signed out').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.goto(`/children/${DEMO_CHILD_IDS.allocated}`);
    expect(pathOf(page)).toBe('/sign-in');
  });

  it('lets an administrator create a user, through the error summary, and change their roles', async () => {
    await page.goto('/sign-in');
    await signIn(page, 'admin');
    expect(pathOf(page)).toBe('/admin/users');
    await andWait(page, () => page.getByRole('button', { name: 'Create a user' }).click());
    expect(pathOf(page)).toBe('/admin/users/new');

    await andWait(page, () => page.getByRole('button', { name: 'Create user' }).click());
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.getByRole('link').count()).toBe(4);
    await expectNoAxeViolations(page);

    await page.getByLabel('Full name').fill('Sasha Nojs');
    await page.getByLabel('Username').fill('sasha.nojs');
    await page.getByLabel('Password', { exact: true }).fill('another-long-password-1');
    await page.getByRole('group', { name: 'Roles', exact: true }).getByRole('checkbox', { name: 'Fostering worker' }).check();
    await andWait(page, () => page.getByRole('button', { name: 'Create user' }).click());
    expect(pathOf(page)).toBe('/admin/users');
    expect(await page.getByRole('alert', { name: 'Success' }).isVisible()).toBe(true);

    await andWait(page, () => page.getByRole('link', { name: 'Sasha Nojs' }).click());
    await page.getByRole('group', { name: 'Roles', exact: true }).getByRole('checkbox', { name: 'Adoption worker' }).check();
    await andWait(page, () => page.getByRole('button', { name: 'Save changes' }).click());
    expect(await page.getByText('The changes have been saved.').isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Roles', exact: true }).getByRole('checkbox', { name: 'Adoption worker' }).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Roles', exact: true }).getByRole('checkbox', { name: 'Fostering worker' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
  });
});
