// A social worker records on a child: case notes (with a mistake first, then a note written to the
// child), a document, the chronology with a filter and a manual entry, and the printable chronology.
// Done once with JavaScript on and once with it off; every page visited must pass axe.
import { describe, expect, it } from 'vitest';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { andWait, expectNoAxeViolations, pathOf } from '../../support/e2e-server.ts';
import { fillDate, londonDaysFromToday, useE2eSuite } from '../../support/e2e-suite.ts';

const e2e = useE2eSuite({ closeContextsAfterEach: true });

const child = DEMO_CHILD_IDS.allocated;

const yesterday = () => londonDaysFromToday(-1);

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('recording on a child’s record %s', (_label, javaScriptEnabled) => {
  it('adds a case note, a document and a chronology entry, every page accessible', async () => {
    const page = await e2e.signedIn('social.worker', `/children/${child}`, { javaScriptEnabled });
    const givenName = (await e2e.server.personName(child)).split(' ')[0] ?? '';
    const subnav = page.getByRole('navigation', { name: 'Child record navigation' });

    await andWait(page, () => subnav.getByRole('link', { name: 'Case notes' }).click());
    expect(pathOf(page)).toBe(`/children/${child}/case-notes`);
    expect(await page.getByRole('heading', { level: 1, name: 'Case notes' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('button', { name: 'Add a case note' }).click());
    await expectNoAxeViolations(page);
    await andWait(page, () => page.getByRole('button', { name: 'Save case note' }).click());
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.getByRole('link', { name: 'Select the type of case note' }).getAttribute('href')).toBe('#noteType');
    expect(await page.title()).toMatch(/^Error: Add a case note/);
    await expectNoAxeViolations(page);

    await page.getByLabel('Child seen alone').check();
    const date = yesterday();
    await fillDate(page, 'Date of the event', date);
    await page.getByLabel('Summary').fill(`Talked with you at school (${_label})`);
    await page.getByLabel('Case note', { exact: true }).fill('You told me about your new friend.');
    await page.getByLabel(`This note is written to ${givenName}`).check();
    await andWait(page, () => page.getByRole('button', { name: 'Save case note' }).click());
    expect(await page.getByText('Case note saved.').isVisible()).toBe(true);
    expect(await page.getByText(`To ${givenName},`).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('button', { name: 'Attach a document' }).click());
    await expectNoAxeViolations(page);
    await page.getByLabel('Upload a file').setInputFiles({ name: 'visit-plan.txt', mimeType: 'text/plain', buffer: Buffer.from('Synthetic visit plan.') });
    await andWait(page, () => page.getByRole('button', { name: 'Add document' }).click());
    expect(await page.getByRole('link', { name: 'visit-plan' }).isVisible()).toBe(true);

    await andWait(page, () => subnav.getByRole('link', { name: 'Documents' }).click());
    expect(await page.getByRole('link', { name: /^Safety plan\s+\(download/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await andWait(page, () => subnav.getByRole('link', { name: 'Chronology' }).click());
    expect(await page.locator('.moj-timeline__item').count()).toBeGreaterThan(3);
    await expectNoAxeViolations(page);
    // A <details> element: it opens without JavaScript too.
    await page.getByText('Filter the chronology').click();
    await page.getByLabel('Education').check();
    await andWait(page, () => page.getByRole('button', { name: 'Apply filters' }).click());
    expect(new URL(page.url()).search).toBe('?category=education&from-day=&from-month=&from-year=&to-day=&to-month=&to-year=');
    expect(await page.locator('.moj-timeline__item').count()).toBe(1);
    await expectNoAxeViolations(page);

    await andWait(page, () => page.getByRole('button', { name: 'Add an entry' }).click());
    await expectNoAxeViolations(page);
    await fillDate(page, 'Date of the event', date);
    await page.getByLabel('Category').selectOption('health');
    await page.getByLabel('What happened').fill(`Dental check-up (${_label})`);
    await page.getByLabel('Source').fill('Dentist');
    await andWait(page, () => page.getByRole('button', { name: 'Add entry' }).click());
    expect(await page.getByText(`Dental check-up (${_label})`).isVisible()).toBe(true);

    await andWait(page, () => page.getByRole('link', { name: 'Printable version' }).click());
    expect(await page.getByRole('heading', { level: 1, name: /^Chronology: / }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });
});
