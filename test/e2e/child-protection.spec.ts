// Child protection end to end: the allocated social worker convenes a strategy discussion from the
// child's record, records it (police and health taking part, a joint section 47 enquiry, the child
// moving to a relative while enquiries run), then records the enquiry's outcome as continuing risk,
// which shows the date the initial child protection conference is due by. Every page passes axe.
import { describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { fillDate, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();

describe('strategy discussion to section 47 outcome', () => {
  it('convenes, records and concludes with no accessibility violations on any page', async () => {
    const page = await e2e.signedIn('social.worker');
    const child = DEMO_CHILD_IDS.allocated;

    // 1. The child's record: the child protection section.
    await page.goto(`/children/${child}/child-protection`);
    expect(await page.getByRole('heading', { level: 1, name: 'Child protection' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // 2. Convene: first without saying whether the risk is immediate (error summary), then an initial discussion.
    await andWait(page, () => page.getByRole('button', { name: 'Convene a strategy discussion' }).click());
    await expectNoAxeViolations(page);
    await andWait(page, () => page.getByRole('button', { name: 'Convene strategy discussion' }).click());
    expect(await page.getByRole('alert').getByRole('link', { name: 'Select whether the child is at immediate risk' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.check('#urgent-2');
    await page.selectOption('#primaryNeed', 'N1');
    await andWait(page, () => page.getByRole('button', { name: 'Convene strategy discussion' }).click());
    expect(pathOf(page)).toMatch(/^\/strategy-discussions\//);
    expect(await page.getByText('Strategy discussion convened').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // 3. Record it.
    await fillDate(page, '#heldOn');
    await page.check('#format-2');
    await page.fill('#chairName', 'Gareth Munroe');
    await page.check('#mashChecksConsidered');
    await page.fill('#mashChecksSummary', 'Two police call-outs this year; school attendance falling.');
    await page.fill('#attendee-1-name', 'Amara Lindqvist');
    await page.fill('#attendee-1-role', 'Social worker');
    await page.check('#attendee-1-attended');
    await page.fill('#attendee-2-name', 'DC Rowan Ellery');
    await page.fill('#attendee-2-role', 'Child Abuse Investigation Team');
    await page.check('#attendee-2-attended');
    await page.fill('#attendee-3-name', 'Nurse Tamsin Ferro');
    await page.fill('#attendee-3-role', 'Named nurse');
    await page.check('#attendee-3-attended-2');
    await page.fill('#attendee-3-report', 'No health concerns at the last two GP appointments.');
    await page.check(`#decision-${child}-2`);
    await page.fill(`#reason-${child}`, 'Unexplained bruising to the upper arm; the child says they are scared at home.');
    await page.fill(`#safetyPlan-${child}`, 'Stays with grandmother; no unsupervised contact with mother’s partner.');
    await page.check(`#interimLiving-${child}-2`);
    await page.check(`#abe-${child}`);
    await page.check(`#paediatric-${child}`);
    await andWait(page, () => page.getByRole('button', { name: 'Record strategy discussion' }).click());
    expect(await page.getByText('Strategy discussion recorded.').isVisible()).toBe(true);
    expect(await page.getByText('Section 47 enquiry, joint with the police Child Abuse Investigation Team').isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    // 4. The enquiry: the child seen alone, checks, findings, outcome continuing risk.
    await andWait(page, () => page.getByRole('link', { name: /^Section 47 enquiry for / }).click());
    expect(pathOf(page)).toMatch(/^\/section-47-enquiries\//);
    await expectNoAxeViolations(page);
    await fillDate(page, '#childSeenAloneOn');
    await page.fill('#checksSummary', 'GP, school and police records checked.');
    await page.fill('#findings', 'The bruising is not explained; the child describes being hit.');
    await page.check('#outcome-3');
    await fillDate(page, '#outcomeOn');
    await andWait(page, () => page.getByRole('button', { name: 'Record the outcome' }).click());
    expect(await page.getByText('Outcome recorded.').isVisible()).toBe(true);
    expect(await page.getByText('An initial child protection conference must be held by').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  }, 180_000);
});
