// The people pages in a real browser with JavaScript off, each checked with axe: search, adding a
// person (errors, the duplicate check, details), a child's record, family, genogram, who viewed,
// restriction and merge.
import { describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PEOPLE_IDS } from '../../../src/db/seed/demo-people.ts';
import { andWait, expectNoAxeViolations, pathOf } from '../../support/e2e-server.ts';
import { useE2eSuite } from '../../support/e2e-suite.ts';

const e2e = useE2eSuite({ closeContextsAfterEach: true });
const signedIn = (username: string) => e2e.signedIn(username, '/sign-in', { javaScriptEnabled: false });

describe('people pages, JavaScript off', () => {
  it('searches, then adds a person through the duplicate check', async () => {
    const page = await signedIn('social.worker');
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
  });

  it('opens a child’s record, family, genogram and edit pages', async () => {
    const page = await signedIn('social.worker');
    for (const path of [`/children/${DEMO_CHILD_IDS.allocated}`, `/children/${DEMO_CHILD_IDS.allocated}/relationships?q=Quinlan`, `/children/${DEMO_CHILD_IDS.allocated}/genogram`, `/children/${DEMO_PEOPLE_IDS.unborn}`, `/people/${DEMO_PEOPLE_IDS.unbornMother}`, `/people/${DEMO_CHILD_IDS.allocated}/edit`, `/people/${DEMO_CHILD_IDS.allocated}/names`, `/people/${DEMO_CHILD_IDS.allocated}/addresses`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    expect(await page.locator('svg[role="img"]').count()).toBe(0);
    await page.goto(`/children/${DEMO_CHILD_IDS.allocated}/genogram`);
    expect(await page.getByRole('img', { name: /Genogram of/ }).isVisible()).toBe(true);
  });

  it('gives managers who viewed, restriction and merge pages', async () => {
    const page = await signedIn('team.manager');
    for (const path of [`/children/${DEMO_CHILD_IDS.allocated}/who-viewed`, `/people/${DEMO_CHILD_IDS.allocated}/restriction`, `/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/merge`, `/people/${DEMO_PEOPLE_IDS.duplicateOriginal}/merge/${DEMO_PEOPLE_IDS.duplicateSecond}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
  });
});
