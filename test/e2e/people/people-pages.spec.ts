// The people pages in a real browser with JavaScript off, each checked with axe: search, adding a
// person (errors, the duplicate check, details), a child's record, family, genogram, who viewed,
// restriction and merge.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PEOPLE_IDS } from '../../../src/db/seed/demo-people.ts';
import { andWait, expectNoAxeViolations, launchBrowser, newContext, pathOf, signIn, startE2eServer, type E2eServer } from '../../support/e2e-server.ts';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, server.baseUrl, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, username);
  return { context, page };
}

describe('people pages, JavaScript off', () => {
  it('searches, then adds a person through the duplicate check', async () => {
    const { context, page } = await signedIn('social.worker');
    try {
      await andWait(page, () => page.getByRole('navigation', { name: 'Primary navigation' }).getByRole('link', { name: 'People' }).click());
      expect(pathOf(page)).toBe('/people');
      await expectNoAxeViolations(page);

      await page.getByLabel('Name').fill('Jon Quinlan');
      await andWait(page, () => page.getByRole('button', { name: 'Search' }).click());
      expect(await page.getByRole('link', { name: 'Jonathan Quinlan' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);

      await page.goto('/people/new');
      await expectNoAxeViolations(page);
      await andWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
      expect(await page.getByRole('alert').getByRole('link', { name: 'Select who you are adding' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);

      await page.getByLabel('Child').check();
      await page.getByLabel('First name').fill('Jonny');
      await page.getByLabel('Last name').fill('Quinlan');
      await page.getByLabel('Day').fill('3');
      await page.getByLabel('Month').fill('4');
      await page.getByLabel('Year').fill('2018');
      await andWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
      expect(await page.getByRole('heading', { name: 'They may already be on Hearth' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);

      await andWait(page, () => page.getByRole('button', { name: 'Continue to add a new record' }).click());
      expect(pathOf(page)).toBe('/people/new/details');
      await expectNoAxeViolations(page);
      await andWait(page, () => page.getByRole('button', { name: 'Save' }).click());
      expect(await page.getByRole('alert').getByRole('link', { name: 'Select their gender' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('opens a child’s record, family, genogram and edit pages', async () => {
    const { context, page } = await signedIn('social.worker');
    try {
      for (const path of [`/children/${DEMO_CHILD_IDS.allocated}`, `/children/${DEMO_CHILD_IDS.allocated}/relationships?q=Quinlan`, `/children/${DEMO_CHILD_IDS.allocated}/genogram`, `/children/${DEMO_PEOPLE_IDS.unborn}`, `/people/${DEMO_PEOPLE_IDS.unbornMother}`, `/people/${DEMO_CHILD_IDS.allocated}/edit`, `/people/${DEMO_CHILD_IDS.allocated}/names`, `/people/${DEMO_CHILD_IDS.allocated}/addresses`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
      expect(await page.locator('svg[role="img"]').count()).toBe(0);
      await page.goto(`/children/${DEMO_CHILD_IDS.allocated}/genogram`);
      expect(await page.getByRole('img', { name: /Genogram of/ }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('gives managers who viewed, restriction and merge pages', async () => {
    const { context, page } = await signedIn('team.manager');
    try {
      for (const path of [`/children/${DEMO_CHILD_IDS.allocated}/who-viewed`, `/people/${DEMO_CHILD_IDS.allocated}/restriction`, `/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/merge`, `/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/merge/${DEMO_PEOPLE_IDS.duplicateSecond}`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
    } finally {
      await context.close();
    }
  });
});
