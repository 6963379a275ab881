// A system administrator creates an account through the form (getting the error summary first),
// finds it in the list, changes its roles, and the new person can sign in with what they were given.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();

const NEW_USER = {
  displayName: 'Robin Fairweather',
  username: 'robin.fairweather',
  password: 'a-long-enough-password-2026',
  team: 'Family Support Team South',
};

/** The checkbox labelled `label` inside the fieldset whose legend is exactly `legend`. */
const checkbox = (p: Page, legend: string, label: string) =>
  p.getByRole('group', { name: legend, exact: true }).getByRole('checkbox', { name: label, exact: true });

describe('an administrator manages a user account', () => {
  it('creates a user (after fixing the errors the form reports), lists them, then changes their roles', async () => {
    const page = await e2e.signedIn('admin');
    expect(pathOf(page)).toBe('/admin/users');
    const primary = page.getByRole('navigation', { name: 'Primary navigation' });
    expect(await primary.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');
    expect(await primary.getByRole('link', { name: 'My work' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1, name: 'Users' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('button', { name: 'Create a user' }).click());
    expect(pathOf(page)).toBe('/admin/users/new');
    expect(await page.getByRole('heading', { level: 1, name: 'Create a user' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // Nothing filled in: an error summary whose links lead to each field, and messages by the fields.
    await andWait(page, () => page.getByRole('button', { name: 'Create user' }).click());
    expect(await page.title()).toBe('Error: Create a user – Hearth');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.isVisible()).toBe(true);
    const links = summary.getByRole('link');
    const expected = [
      ['Enter the person’s full name', '#displayName'],
      ['Enter a username', '#username'],
      ['Enter a password', '#password'],
      ['Select at least one role', '#roles'],
    ];
    expect(await links.allInnerTexts()).toEqual(expected.map(([text]) => text));
    for (const [text, href] of expected) {
      const link = links.filter({ hasText: text ?? '' });
      expect(await link.getAttribute('href')).toBe(href);
      expect(await page.locator(href ?? '').count(), `${href ?? ''} is on the page`).toBe(1);
    }
    expect(await page.getByLabel('Full name').getAttribute('aria-describedby')).toContain('displayName-error');
    await expectNoAxeViolations(page);

    // The summary's link takes the user to the field (GOV.UK Frontend moves focus there).
    await links.filter({ hasText: 'Enter a username' }).click();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('username');

    // Valid details: back to the list with a success banner, the new person listed.
    await page.getByLabel('Full name').fill(NEW_USER.displayName);
    await page.getByLabel('Username').fill(NEW_USER.username);
    await page.getByLabel('Password', { exact: true }).fill(NEW_USER.password);
    await checkbox(page, 'Roles', 'Social worker').check();
    await checkbox(page, 'Teams', NEW_USER.team).check();
    await andWait(page, () => page.getByRole('button', { name: 'Create user' }).click());
    expect(pathOf(page)).toBe('/admin/users');
    const banner = page.getByRole('alert', { name: 'Success' });
    expect(await banner.getByText('The user has been created.').isVisible()).toBe(true);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: NEW_USER.displayName }) });
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('cell', { name: NEW_USER.username, exact: true }).isVisible()).toBe(true);
    expect(await row.getByRole('cell', { name: 'Social worker', exact: true }).isVisible()).toBe(true);
    expect(await row.getByRole('cell', { name: NEW_USER.team, exact: true }).isVisible()).toBe(true);
    expect(await row.getByText('Active').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // Their page: the roles and team as created.
    await andWait(page, () => row.getByRole('link', { name: NEW_USER.displayName }).click());
    expect(pathOf(page)).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
    const userPath = pathOf(page);
    expect(await page.getByRole('heading', { level: 1, name: NEW_USER.displayName }).isVisible()).toBe(true);
    expect(await checkbox(page, 'Roles', 'Social worker').isChecked()).toBe(true);
    expect(await checkbox(page, 'Teams', NEW_USER.team).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    // No role at all is refused, with the summary again.
    await checkbox(page, 'Roles', 'Social worker').uncheck();
    await andWait(page, () => page.getByRole('button', { name: 'Save changes' }).click());
    expect(pathOf(page)).toBe(userPath);
    expect(await page.getByRole('alert').getByRole('link', { name: 'Select at least one role' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // A team manager of their team instead: saved, and shown as saved.
    await checkbox(page, 'Roles', 'Team manager').check();
    await checkbox(page, 'Teams they manage', NEW_USER.team).check();
    await andWait(page, () => page.getByRole('button', { name: 'Save changes' }).click());
    expect(pathOf(page)).toBe(userPath);
    expect(await page.getByRole('alert', { name: 'Success' }).getByText('The changes have been saved.').isVisible()).toBe(true);
    expect(await checkbox(page, 'Roles', 'Team manager').isChecked()).toBe(true);
    expect(await checkbox(page, 'Roles', 'Social worker').isChecked()).toBe(false);
    expect(await checkbox(page, 'Teams they manage', NEW_USER.team).isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('link', { name: 'Back to users' }).click());
    const updated = page.getByRole('row').filter({ has: page.getByRole('link', { name: NEW_USER.displayName }) });
    expect(await updated.getByRole('cell', { name: 'Team manager', exact: true }).isVisible()).toBe(true);
    expect(await updated.getByRole('cell', { name: `${NEW_USER.team} (manager)`, exact: true }).isVisible()).toBe(true);

    // The new person signs in with the password they were given and lands on My work.
    const theirPage = await e2e.signedIn(NEW_USER.username, '/sign-in', { password: NEW_USER.password });
    expect(pathOf(theirPage)).toBe('/my-work');
    expect(await theirPage.getByRole('banner').getByText(NEW_USER.displayName).isVisible()).toBe(true);
    await expectNoAxeViolations(theirPage);
  });
});
