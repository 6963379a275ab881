// The front door end to end: a professional sends a MARF from the public page (JavaScript off), a MASH
// practitioner screens it (links the child to a new record, consent, level of need), a MASH manager
// decides on a referral for an assessment, and the team manager allocates it to a worker, whose
// caseload then shows the child. Every page visited must pass axe. One long journey, so its own
// time limit (not a timing assertion).
import { describe, expect, it } from 'vitest';
import { andWait, expectNoAxeViolations, pathOf } from '../support/e2e-server.ts';
import { useE2eSuite } from '../support/e2e-suite.ts';

const e2e = useE2eSuite();

const CHILD = { given: 'Juniper', family: 'Ashcombe-Vale' };

describe('from a public referral to an allocated referral', () => {
  it('walks the whole front door with no accessibility violations on any page', async () => {
    // 1. A designated safeguarding lead sends the MARF, with no account and no JavaScript.
    const referrer = await e2e.newPage({ javaScriptEnabled: false });
    await referrer.goto('/refer-a-child');
    expect(await referrer.getByRole('heading', { level: 1, name: 'Refer a child to the Multi-Agency Safeguarding Hub' }).isVisible()).toBe(true);
    await expectNoAxeViolations(referrer);

    // A first attempt with nothing filled in: the error summary, and the page still passes axe.
    await andWait(referrer, () => referrer.getByRole('button', { name: 'Send referral' }).click());
    expect(await referrer.getByRole('alert').getByRole('link', { name: 'Enter your full name' }).getAttribute('href')).toBe('#referrerName');
    await expectNoAxeViolations(referrer);

    await referrer.fill('#referrerName', 'Hollis Penwarden');
    await referrer.fill('#referrerRole', 'Designated safeguarding lead');
    await referrer.fill('#referrerOrganisation', 'Thistle Grove Primary School');
    await referrer.selectOption('#referralSource', '2A');
    await referrer.fill('#referrerEmail', 'dsl@example.org');
    await referrer.fill('#referrerPhone', '01632 960 123');
    await referrer.fill('#child1GivenName', CHILD.given);
    await referrer.fill('#child1FamilyName', CHILD.family);
    await referrer.fill('#child1Dob-day', '14');
    await referrer.fill('#child1Dob-month', '9');
    await referrer.fill('#child1Dob-year', '2016');
    await referrer.fill('#postcode', 'MK9 3HS');
    await referrer.fill('#worries', 'Juniper has arrived with a bruised wrist twice this month and says she is scared of her mum’s new partner.');
    await referrer.check('#earlyHelpAssessment-2');
    await referrer.check('#familyConsent-3');
    await referrer.fill('#familyConsentReason', 'Telling the family could put Juniper at greater risk.');
    await referrer.check('#immediateRisk-2');
    await andWait(referrer, () => referrer.getByRole('button', { name: 'Send referral' }).click());
    expect(pathOf(referrer)).toBe('/refer-a-child/sent');
    const panel = await referrer.locator('.govuk-panel').innerText();
    const reference = /[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(panel)?.[0] ?? '';
    expect(reference).not.toBe('');
    await expectNoAxeViolations(referrer);

    // 2. The MASH practitioner finds it in the queue and screens it.
    const practitioner = await e2e.signedIn('mash.practitioner');
    await practitioner.goto('/front-door');
    expect(await practitioner.getByRole('heading', { level: 1, name: 'MASH queue' }).isVisible()).toBe(true);
    await expectNoAxeViolations(practitioner);
    await andWait(practitioner, () => practitioner.getByRole('link', { name: reference }).click());
    expect(await practitioner.getByRole('heading', { level: 1, name: `Contact ${reference}` }).isVisible()).toBe(true);
    await practitioner.getByText('How this date was worked out').first().click();
    expect(await practitioner.getByText(/1 working day after/).first().isVisible()).toBe(true);
    await expectNoAxeViolations(practitioner);
    const contactPath = pathOf(practitioner);

    await andWait(practitioner, () => practitioner.getByRole('link', { name: `Find or create a record for ${CHILD.given} ${CHILD.family}` }).click());
    expect(await practitioner.getByRole('heading', { level: 1, name: `Find the record for ${CHILD.given} ${CHILD.family}` }).isVisible()).toBe(true);
    await expectNoAxeViolations(practitioner);
    await practitioner.getByLabel('Female').check();
    await andWait(practitioner, () => practitioner.getByRole('button', { name: 'Create record and link it' }).click());
    expect(pathOf(practitioner)).toBe(contactPath);
    expect(await practitioner.getByText('The person is linked to their record.').isVisible()).toBe(true);
    await expectNoAxeViolations(practitioner);

    await andWait(practitioner, () => practitioner.getByRole('link', { name: 'Record consent to multi-agency checks' }).click());
    await expectNoAxeViolations(practitioner);
    await practitioner.getByRole('radio', { name: 'Not sought' }).check();
    await practitioner.locator('#proceedWithoutConsent').check();
    await practitioner.getByLabel('There is a clear risk to the child').check();
    await practitioner.fill('#rationale', 'Injuries reported by school; asking first could put the child at risk.');
    await andWait(practitioner, () => practitioner.getByRole('button', { name: 'Save consent' }).click());
    expect(await practitioner.getByText('Consent to multi-agency checks is recorded.').isVisible()).toBe(true);

    await andWait(practitioner, () => practitioner.getByRole('link', { name: 'Request checks from partner agencies' }).click());
    await expectNoAxeViolations(practitioner);
    await practitioner.getByLabel('Police').check();
    await practitioner.getByLabel('Education').check();
    await andWait(practitioner, () => practitioner.getByRole('button', { name: 'Request checks' }).click());
    await andWait(practitioner, () => practitioner.getByRole('link', { name: 'Record answer from Police' }).click());
    await expectNoAxeViolations(practitioner);
    await practitioner.getByLabel('Information shared').check();
    await practitioner.fill('#details', 'Police attended the address twice this year after neighbours reported shouting.');
    await andWait(practitioner, () => practitioner.getByRole('button', { name: 'Save answer' }).click());
    expect(await practitioner.getByText('The agency’s answer is recorded.').isVisible()).toBe(true);

    await andWait(practitioner, () => practitioner.getByRole('link', { name: 'Record a threshold discussion' }).click());
    await expectNoAxeViolations(practitioner);
    await practitioner.getByLabel('Police').check();
    await practitioner.getByLabel('Health').check();
    await practitioner.fill('#summary', 'Partners agree the threshold for social care is met.');
    await practitioner.getByLabel('Level 4: children’s social care').check();
    await andWait(practitioner, () => practitioner.getByRole('button', { name: 'Save discussion' }).click());
    expect(await practitioner.getByText('The threshold discussion is recorded.').isVisible()).toBe(true);

    await andWait(practitioner, () => practitioner.getByRole('link', { name: 'Record the level of need' }).click());
    await expectNoAxeViolations(practitioner);
    await practitioner.getByText('Level 4: children’s social care', { exact: true }).first().click();
    await practitioner.getByLabel('Unexplained injuries').check();
    await practitioner.getByRole('radio', { name: 'Level 4: children’s social care' }).check();
    await practitioner.fill('#rationale', 'Repeated injuries with a frightened child.');
    await andWait(practitioner, () => practitioner.getByRole('button', { name: 'Save level of need' }).click());
    expect(await practitioner.getByText('The level of need is recorded.').isVisible()).toBe(true);
    expect(await practitioner.getByText('Unexplained injuries').isVisible()).toBe(true);
    await expectNoAxeViolations(practitioner);

    // The practitioner's other pages: recording a phone contact (its error summary) and the early help queue.
    await practitioner.goto('/front-door/contacts/new');
    await andWait(practitioner, () => practitioner.getByRole('button', { name: 'Record contact' }).click());
    expect(await practitioner.getByRole('alert').getByRole('link', { name: 'Select how the contact was made' }).isVisible()).toBe(true);
    await expectNoAxeViolations(practitioner);
    await practitioner.goto('/early-help-referrals');
    expect(await practitioner.getByRole('heading', { level: 1, name: 'Early help referrals' }).isVisible()).toBe(true);
    await expectNoAxeViolations(practitioner);

    // 3. The MASH manager decides: a referral for a child and family assessment to Family Support Team North.
    const manager = await e2e.signedIn('mash.manager');
    await manager.goto(contactPath);
    await andWait(manager, () => manager.getByRole('button', { name: 'Record the decision' }).click());
    expect(await manager.getByRole('heading', { level: 1, name: 'Record the decision' }).isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
    await manager.getByLabel('Referral to children’s social care for a child and family assessment').check();
    await manager.selectOption('#teamId', { label: 'Family Support Team North' });
    await manager.selectOption('#primaryNeed', 'N1');
    await manager.fill('#rationale', 'Threshold for a child and family assessment is met.');
    await andWait(manager, () => manager.getByRole('button', { name: 'Record decision' }).click());
    expect(await manager.getByText('The decision is recorded.').isVisible()).toBe(true);
    expect(await manager.getByText('Referral to children’s social care for a child and family assessment').first().isVisible()).toBe(true);
    await expectNoAxeViolations(manager);
    await manager.goto('/mash-dashboard');
    expect(await manager.getByRole('img', { name: /Contacts in and decisions made, by week/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(manager);

    // 4. The team manager allocates the referral to a social worker in the team.
    const teamManager = await e2e.signedIn('team.manager');
    await andWait(teamManager, () => teamManager.getByRole('navigation', { name: 'Primary navigation' }).getByRole('link', { name: 'Referrals' }).click());
    expect(pathOf(teamManager)).toBe('/referrals');
    await expectNoAxeViolations(teamManager);
    await andWait(teamManager, () => teamManager.getByRole('link', { name: `Allocate ${CHILD.given} ${CHILD.family}` }).click());
    expect(await teamManager.getByRole('heading', { level: 1, name: `Allocate ${CHILD.given} ${CHILD.family}` }).isVisible()).toBe(true);
    expect(await teamManager.getByText(/Target: 9 families per worker/).isVisible()).toBe(true);
    await expectNoAxeViolations(teamManager);
    await teamManager.getByRole('radio', { name: 'Amara Lindqvist' }).check();
    await andWait(teamManager, () => teamManager.getByRole('button', { name: 'Allocate' }).click());
    expect(await teamManager.getByText('The referral is allocated.').isVisible()).toBe(true);
    expect(await teamManager.getByRole('table', { name: 'Recently allocated referrals' }).getByRole('row', { name: new RegExp(CHILD.family) }).getByText('Amara Lindqvist').isVisible()).toBe(true);
    await expectNoAxeViolations(teamManager);

    // The social worker now has the child on their caseload.
    const worker = await e2e.signedIn('social.worker');
    await worker.goto('/my-work');
    expect(await worker.getByRole('link', { name: `${CHILD.given} ${CHILD.family}` }).isVisible()).toBe(true);
    await expectNoAxeViolations(worker);
  }, 300_000);
});
