// Targeted early help end to end: the early help manager allocates the demo referral waiting in the
// queue, and the worker completes the Signs of Safety wellbeing assessment, agrees a plan with the
// family's consent, reviews it and steps the child up to the MASH. Every page visited must pass axe.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamStaff } from '../../src/db/seed/users.ts';
import { andWait, expectNoAxeViolations, launchBrowser, newContext, signIn, startE2eServer, type E2eServer } from '../support/e2e-server.ts';

let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const manager = teamStaff().find((u) => u.teamCode === 'CFP' && u.isManager);
const worker = teamStaff().find((u) => u.teamCode === 'CFP' && !u.isManager);

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser.close();
  await server.close();
});

async function signedIn(username: string): Promise<Page> {
  const context = await newContext(browser, server.baseUrl, {});
  contexts.push(context);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, username);
  return page;
}

async function fillToday(page: Page, id: string): Promise<void> {
  const [year = '', month = '', day = ''] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date())
    .split('-');
  await page.fill(`#${id}-day`, day);
  await page.fill(`#${id}-month`, month);
  await page.fill(`#${id}-year`, year);
}

describe('targeted early help', () => {
  it('goes from referral to wellbeing assessment, plan, review and step up with no accessibility violations', async () => {
    const boss = await signedIn(manager?.username ?? '');
    await boss.goto('/early-help');
    await expectNoAxeViolations(boss);
    await andWait(boss, () => boss.getByRole('link', { name: 'Allocate Isla Penhallow' }).click());
    await expectNoAxeViolations(boss);
    await boss.getByLabel(worker?.displayName ?? '').check();
    await andWait(boss, () => boss.getByRole('button', { name: 'Allocate' }).click());
    expect(await boss.getByText('Early help allocated.').isVisible()).toBe(true);

    const eh = await signedIn(worker?.username ?? '');
    const childLink = '/children/00000000-0000-4000-8e00-000000000001/early-help';
    await eh.goto(childLink);
    await expectNoAxeViolations(eh);
    await andWait(eh, () => eh.getByRole('button', { name: 'Complete the wellbeing assessment' }).click());
    await expectNoAxeViolations(eh);
    await andWait(eh, () => eh.getByRole('button', { name: 'Complete assessment' }).click());
    expect(await eh.getByRole('alert').getByRole('link', { name: 'Enter what we are worried about' }).isVisible()).toBe(true);
    await expectNoAxeViolations(eh);
    await eh.fill('#worries', 'Late most mornings; caring for her brother.');
    await eh.fill('#workingWell', 'Her aunt helps twice a week.');
    await eh.fill('#needsToHappen', 'A morning routine and a young carers assessment.');
    await eh.locator('#scaling-5').check();
    await eh.fill('#childsVoice', 'She wants to go back to football.');
    await fillToday(eh, 'completedOn');
    await andWait(eh, () => eh.getByRole('button', { name: 'Complete assessment' }).click());
    expect(await eh.getByText('Wellbeing assessment completed.').isVisible()).toBe(true);

    await andWait(eh, () => eh.getByRole('button', { name: 'Agree the early help plan' }).click());
    await expectNoAxeViolations(eh);
    await eh.locator('#familyConsents').check();
    await eh.fill('#consentGivenBy', 'Her mother');
    await fillToday(eh, 'consentGivenOn');
    await eh.fill('#outcomes', 'In school on time every day.');
    await fillToday(eh, 'agreedOn');
    await eh.fill('#action1', 'Morning routine chart');
    await eh.fill('#owner1', 'Her mother');
    await fillToday(eh, 'dueOn1');
    await andWait(eh, () => eh.getByRole('button', { name: 'Agree plan' }).click());
    expect(await eh.getByText('Early help plan agreed.').isVisible()).toBe(true);
    await expectNoAxeViolations(eh);

    await andWait(eh, () => eh.getByRole('button', { name: 'Record a review' }).click());
    await expectNoAxeViolations(eh);
    await fillToday(eh, 'reviewedOn');
    await eh.locator('#scaling-3').check();
    await eh.fill('#progress', 'Mornings are still chaotic.');
    await andWait(eh, () => eh.getByRole('button', { name: 'Record review' }).click());
    expect(await eh.getByText('Review recorded.').isVisible()).toBe(true);

    await andWait(eh, () => eh.getByRole('button', { name: 'Close early help' }).click());
    await expectNoAxeViolations(eh);
    await eh.locator('#outcome-2').check();
    await eh.locator('#stepUpFamilyConsent').check();
    await eh.fill('#summary', 'No change despite the plan; new worries about neglect.');
    await fillToday(eh, 'closedOn');
    await andWait(eh, () => eh.getByRole('button', { name: 'Close early help' }).click());
    expect(await eh.getByText('a contact sent to the MASH with the early help history').isVisible()).toBe(true);
    await expectNoAxeViolations(eh);
  }, 300_000);
});
