// The strict Content-Security-Policy holds on real pages: no violation reports, no console errors,
// and the GOV.UK Frontend scripts (nonce'd inline and the app module) still run.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { andWait, expectNoAxeViolations, pathOf, signIn, watchCsp, type CspWatch } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite({ closeContextsAfterEach: true });
let page: Page;
let csp: CspWatch;

beforeEach(async () => {
  const context = await e2e.newContext();
  csp = await watchCsp(context);
  page = await context.newPage();
  csp.watch(page);
});

/** Visits a path, checks the CSP header, that the page's scripts ran, and axe. */
async function visit(path: string, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  const policy = (await response?.headerValue('content-security-policy')) ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(policy).not.toContain('unsafe-inline');
  await checkPage();
}

async function checkPage(): Promise<void> {
  // The inline script in the GOV.UK template runs only with the response's nonce: it marks the body.
  expect(await page.locator('body.govuk-frontend-supported').count(), `inline script ran on ${page.url()}`).toBe(1);
  await expectNoAxeViolations(page);
}

describe('the Content-Security-Policy', () => {
  it('reports no violations and no console errors across a social worker’s pages', async () => {
    await visit('/sign-in');
    // app.js (a module with the nonce) initialises GOV.UK Frontend's components: the password input gets its Show button.
    await expect.poll(() => page.getByRole('button', { name: /^Show/ }).count(), { message: 'GOV.UK Frontend initialised' }).toBe(1);
    await signIn(page, 'social.worker', 'wrong-password');
    await checkPage();
    await signIn(page, 'social.worker');
    expect(pathOf(page)).toBe('/my-work');
    await checkPage();
    await visit(`/children/${DEMO_CHILD_IDS.allocated}`);
    await visit('/teams');
    await visit('/account');
    await visit(`/children/${DEMO_CHILD_IDS.otherTeam}`, 403);
    await visit(`/children/${DEMO_CHILD_IDS.sealed}`, 404);
    await visit('/no-such-page', 404);
    expect(csp.problems).toEqual([]);
    await andWait(page, () => page.getByRole('button', { name: 'Sign out' }).click());
    await checkPage();
    expect(csp.problems).toEqual([]);
  });

  it('reports no violations across the administration pages', async () => {
    await visit('/sign-in');
    await signIn(page, 'admin');
    expect(pathOf(page)).toBe('/admin/users');
    await checkPage();
    await visit('/admin/users/new');
    await andWait(page, () => page.getByRole('button', { name: 'Create user' }).click());
    await checkPage();
    // With JavaScript, the error summary takes focus when the page loads.
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.className')).toContain('govuk-error-summary');
    await visit('/admin/audit');
    await andWait(page, () => page.getByRole('button', { name: 'Check the audit chain' }).click());
    expect(await page.getByRole('alert', { name: 'Success' }).isVisible()).toBe(true);
    await checkPage();
    expect(csp.problems).toEqual([]);
  });

  it('would notice a violation: an injected inline script is blocked and reported', async () => {
    await visit('/sign-in');
    await page.evaluate("const s = document.createElement('script'); s.textContent = 'window.ran = true'; document.body.append(s);");
    await expect.poll(() => csp.problems.length).toBeGreaterThan(0);
    expect(csp.problems.join('\n')).toMatch(/script-src/);
    expect(await page.evaluate('window.ran === true')).toBe(false);
  });
});
