// Targeted early help end to end: the early help manager allocates the demo referral waiting in the
// queue, and the worker completes the Signs of Safety wellbeing assessment, agrees a plan with the
// family's consent, reviews it and steps the child up to the MASH. Every page visited must pass axe.
import { describe, expect, it } from 'vitest';
import { teamStaff } from '../../src/db/seed/users.ts';
import { andWait, expectNoAxeViolations } from '../support/e2e-server.ts';
import { fillDate, useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();
const manager = teamStaff().find((u) => u.teamCode === 'CFP' && u.isManager);
const worker = teamStaff().find((u) => u.teamCode === 'CFP' && !u.isManager);

describe('targeted early help', () => {
  it('goes from referral to wellbeing assessment, plan, review and step up with no accessibility violations', async () => {
    const boss = await e2e.signedIn(manager?.username ?? '');
    await boss.goto('/early-help');
    await expectNoAxeViolations(boss);
    await andWait(boss, () => boss.getByRole('link', { name: 'Allocate Isla Penhallow' }).click());
    await expectNoAxeViolations(boss);
    await boss.getByLabel(worker?.displayName ?? '').check();
    await andWait(boss, () => boss.getByRole('button', { name: 'Allocate' }).click());
    expect(await boss.getByText('Early help allocated.').isVisible()).toBe(true);

    const eh = await e2e.signedIn(worker?.username ?? '');
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
    await fillDate(eh, '#completedOn');
    await andWait(eh, () => eh.getByRole('button', { name: 'Complete assessment' }).click());
    expect(await eh.getByText('Wellbeing assessment completed.').isVisible()).toBe(true);

    await andWait(eh, () => eh.getByRole('button', { name: 'Agree the early help plan' }).click());
    await expectNoAxeViolations(eh);
    await eh.locator('#familyConsents').check();
    await eh.fill('#consentGivenBy', 'Her mother');
    await fillDate(eh, '#consentGivenOn');
    await eh.fill('#outcomes', 'In school on time every day.');
    await fillDate(eh, '#agreedOn');
    await eh.fill('#action1', 'Morning routine chart');
    await eh.fill('#owner1', 'Her mother');
    await fillDate(eh, '#dueOn1');
    await andWait(eh, () => eh.getByRole('button', { name: 'Agree plan' }).click());
    expect(await eh.getByText('Early help plan agreed.').isVisible()).toBe(true);
    await expectNoAxeViolations(eh);

    await andWait(eh, () => eh.getByRole('button', { name: 'Record a review' }).click());
    await expectNoAxeViolations(eh);
    await fillDate(eh, '#reviewedOn');
    await eh.locator('#scaling-3').check();
    await eh.fill('#progress', 'Mornings are still chaotic.');
    await andWait(eh, () => eh.getByRole('button', { name: 'Record review' }).click());
    expect(await eh.getByText('Review recorded.').isVisible()).toBe(true);

    await andWait(eh, () => eh.getByRole('button', { name: 'Close early help' }).click());
    await expectNoAxeViolations(eh);
    await eh.locator('#outcome-2').check();
    await eh.locator('#stepUpFamilyConsent').check();
    await eh.fill('#summary', 'No change despite the plan; new worries about neglect.');
    await fillDate(eh, '#closedOn');
    await andWait(eh, () => eh.getByRole('button', { name: 'Close early help' }).click());
    expect(await eh.getByText('a contact sent to the MASH with the early help history').isVisible()).toBe(true);
    await expectNoAxeViolations(eh);
  }, 300_000);
});
