// A performance officer builds the CIN census in the browser: chooses the year, watches the build
// finish, reads the result and finds the download; then Annex A. Every page passes axe.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { fillDate, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();
let page: Page;

beforeAll(async () => {
  page = await e2e.signedIn('performance.officer');
});

async function waitForResult(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await page.locator('meta[http-equiv="refresh"]').count()) === 0) return;
    await page.waitForTimeout(1000);
    await page.reload();
  }
  throw new Error('the return did not finish');
}

describe('statutory returns', () => {
  it('builds the CIN census and Annex A, with the result and a download on each', async () => {
    await page.getByRole('link', { name: 'Returns' }).click();
    expect(pathOf(page)).toBe('/returns');
    // Each return's questions are revealed by choosing it (GOV.UK conditional reveals).
    const censusYear = page.getByLabel('Census year');
    const annexWindow = page.getByRole('group', { name: 'Last day of the window' });
    expect(await censusYear.isVisible()).toBe(false);
    expect(await annexWindow.isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await page.getByLabel('DfE Children in Need census (XML)').check();
    expect(await censusYear.isVisible()).toBe(true);
    expect(await annexWindow.isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Check the return' }).click();
    expect(pathOf(page)).toMatch(/^\/returns\/runs\/[0-9a-f-]{36}$/);
    await waitForResult();
    // The census now reads more sources, so wait for the result line rather than test it at once.
    await page.getByText(/in the census; \d+ errors? and \d+ quer/).waitFor({ timeout: 15_000 });
    expect(await page.getByText(/in the census; \d+ errors? and \d+ quer/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Download CIN_census_\d{4}\.xml$/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Statutory returns' }).click();
    await page.getByLabel('Ofsted Annex A, Lists 1 to 7 (Excel workbook)').check();
    expect(await annexWindow.isVisible()).toBe(true);
    expect(await censusYear.isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await fillDate(page, '#to');
    await page.getByLabel('12 months').check();
    await page.getByRole('button', { name: 'Check the return' }).click();
    await waitForResult();
    expect(await page.getByRole('table', { name: 'Rows in each list' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await page.goto('/returns/rules');
    expect(await page.getByRole('table', { name: 'Rules Hearth checks' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('shows every return’s questions without JavaScript, and they pass axe', async () => {
    const noScript = await e2e.signedIn('performance.officer', '/returns', { javaScriptEnabled: false });
    expect(pathOf(noScript)).toBe('/returns');
    expect(await noScript.getByLabel('Census year').isVisible()).toBe(true);
    expect(await noScript.getByRole('group', { name: 'Last day of the window' }).isVisible()).toBe(true);
    expect(await noScript.getByRole('group', { name: 'Length of the window' }).isVisible()).toBe(true);
    await expectNoAxeViolations(noScript);
  });
});
