// What a worker sees when they reach for a record they may not open: a plain 403 page for a child
// in another team, and "Page not found" for a sealed adoption record (its existence is not revealed).
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite({ closeContextsAfterEach: true });
let page: Page;

beforeEach(async () => {
  page = await e2e.signedIn('social.worker');
  expect(pathOf(page)).toBe('/my-work');
});

describe('records a social worker may not open', () => {
  it('refuses a child in another team with a 403 page that says why, in plain words', async () => {
    const otherChild = await e2e.server.personName(DEMO_CHILD_IDS.otherTeam);
    const response = await page.goto(`/children/${DEMO_CHILD_IDS.otherTeam}`);
    expect(response?.status()).toBe(403);
    expect(await page.title()).toBe('You cannot see this page – Hearth');
    const main = page.getByRole('main');
    expect(await main.getByRole('heading', { level: 1, name: 'You cannot see this page' }).isVisible()).toBe(true);
    expect(await main.getByText('You are not allocated to this child and not in their team.').isVisible()).toBe(true);
    expect(await main.getByText('This attempt has been recorded.').isVisible()).toBe(true);
    // Nothing about the child leaks onto the page.
    expect(await page.getByText(otherChild).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Child' }).count()).toBe(0);
    // Still signed in, with a way onward.
    expect(await page.getByRole('navigation', { name: 'Primary navigation' }).isVisible()).toBe(true);
    expect(await main.getByRole('link', { name: 'Go to the start' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('answers "Page not found" for a sealed record, exactly as for a record that does not exist', async () => {
    const sealedChild = await e2e.server.personName(DEMO_CHILD_IDS.sealed);
    const sealed = await page.goto(`/children/${DEMO_CHILD_IDS.sealed}`);
    expect(sealed?.status()).toBe(404);
    expect(await page.title()).toBe('Page not found – Hearth');
    expect(await page.getByRole('heading', { level: 1, name: 'Page not found' }).isVisible()).toBe(true);
    expect(await page.getByText(sealedChild).count()).toBe(0);
    const sealedText = await page.getByRole('main').innerText();
    await expectNoAxeViolations(page);

    const missing = await page.goto('/children/00000000-0000-4000-9000-999999999999');
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('main').innerText()).toBe(sealedText);
    await expectNoAxeViolations(page);
  });

  it('refuses the administration pages to a social worker, and does not offer them in the navigation', async () => {
    const primary = page.getByRole('navigation', { name: 'Primary navigation' });
    expect(await primary.getByRole('link', { name: 'Users' }).count()).toBe(0);
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1, name: 'You cannot see this page' }).isVisible()).toBe(true);
    expect(await page.getByRole('main').getByText('Your role does not allow you to use this page.').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });
});
