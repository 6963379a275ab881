// The pre-birth journey end to end: the allocated social worker opens an unborn baby's pre-birth plan
// (about 18 weeks), records the assessment, answers the family group conference prompt, and records
// the birth, after which the same record is the child's, with the post-birth timescales. Every page
// visited must pass axe.
import { describe, expect, it } from 'vitest';
import { DEMO_PRE_BIRTH_IDS } from '../../src/db/seed/demo-pre-birth.ts';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { fillDate, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();

const plan = `/children/${DEMO_PRE_BIRTH_IDS.unborn18Weeks}/pre-birth`;

describe('an unborn baby’s pre-birth plan, to the birth', () => {
  it('records the assessment, the FGC referral and the birth, with no accessibility violations', async () => {
    const page = await e2e.signedIn('social.worker');
    await page.goto(`/children/${DEMO_PRE_BIRTH_IDS.unborn18Weeks}`);
    await andWait(page, () => page.getByRole('link', { name: 'Pre-birth plan' }).click());
    expect(pathOf(page)).toBe(plan);
    expect(await page.getByRole('heading', { level: 1, name: 'Pre-birth plan' }).isVisible()).toBe(true);
    expect(await page.getByText('18 weeks pregnant today').isVisible()).toBe(true);
    await page.getByText('How this date was worked out').first().click();
    expect(await page.getByText('(40 − 12) × 7 = 196 days before the expected date of delivery').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // The assessment, done today.
    await andWait(page, () => page.getByRole('link', { name: 'Record Pre-birth child and family assessment completed' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('It happened').check();
    await fillDate(page, '#happenedOn');
    await andWait(page, () => page.getByRole('button', { name: 'Save' }).click());
    expect(pathOf(page)).toBe(plan);
    expect(await page.getByText('Milestone recorded').isVisible()).toBe(true);

    // The FGC referral is prompted until it is recorded.
    expect(await page.getByText('make a referral to the family group conference service').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await andWait(page, () => page.getByRole('link', { name: 'Record the family group conference referral, or that the family declined it' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Referral made to the family group conference service').check();
    await fillDate(page, '#decidedOn');
    await andWait(page, () => page.getByRole('button', { name: 'Save' }).click());
    expect(await page.getByText('make a referral to the family group conference service').count()).toBe(0);

    // The birth: a first try with nothing filled in shows every error.
    await andWait(page, () => page.getByRole('button', { name: 'Record the birth' }).click());
    await expectNoAxeViolations(page);
    await andWait(page, () => page.getByRole('button', { name: 'Record the birth' }).click());
    expect(await page.getByRole('alert').getByRole('link', { name: 'Enter the date of birth' }).getAttribute('href')).toBe('#bornOn-day');
    await expectNoAxeViolations(page);
    await fillDate(page, '#bornOn');
    await page.fill('#timeOfBirth', '03:40');
    await page.getByLabel('Female').check();
    await page.fill('#givenName', 'Lowenna');
    await page.getByLabel('No', { exact: true }).check();
    await andWait(page, () => page.getByRole('button', { name: 'Record the birth' }).click());
    expect(pathOf(page)).toBe(plan);
    expect(await page.getByText('Birth recorded: this is now the child’s record').isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'After the birth' }).isVisible()).toBe(true);
    expect(await page.locator('.moj-identity-bar').innerText()).toContain('Lowenna Tregarthen');
    await expectNoAxeViolations(page);
  });
});
