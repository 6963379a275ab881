import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChronologyEntry } from '../../../src/app/chronology/add-chronology-entry.ts';
import { buildChronology } from '../../../src/app/chronology/build-chronology.ts';
import type { ChronologySource } from '../../../src/app/chronology/chronology-source.ts';
import { CHRONOLOGY_SOURCES } from '../../../src/app/chronology/registry.ts';
import { exportChronology, viewChronology } from '../../../src/app/chronology/view-chronology.ts';
import { recordCaseNote } from '../../../src/app/records/record-case-note.ts';
import { AccessRefusedError, ValidationError } from '../../../src/app/shared/errors.ts';
import { NO_CHRONOLOGY_FILTER } from '../../../src/domain/records/chronology-entry.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { unzip } from '../../domain/records/zip.ts';

let database: TestDatabase;
const child = DEMO_CHILD_IDS.allocated;

beforeAll(async () => {
  database = await createTestAuthority();
  const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
  await recordCaseNote(database.deps, worker, child, { noteType: 'phone_call', eventDate: '2026-01-05', eventTime: '09:10', summary: 'Police called about an incident at home', body: '…', significant: true, writtenToChild: false, linkedPersonIds: [] });
  await recordCaseNote(database.deps, worker, child, { noteType: 'phone_call', eventDate: '2026-01-06', eventTime: null, summary: 'Routine call, not significant', body: '…', significant: false, writtenToChild: false, linkedPersonIds: [] });
  await addChronologyEntry(database.deps, worker, child, { entryDate: '2025-06-01', category: 'health', summary: 'Admitted to hospital with a broken arm', source: 'Hospital discharge letter' });
});
afterAll(async () => {
  await database.close();
});

describe('a child’s chronology, built from what was recorded', () => {
  it('unites significant notes, allocations, the record, significant documents and manual entries, latest first', async () => {
    const view = await viewChronology(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child, NO_CHRONOLOGY_FILTER);
    const kinds = new Set(view.items.map((i) => i.origin.kind));
    // 'contact': the school's call the demo records before the child's child protection plan (demo-child-protection-plans.ts);
    // 'strategy-discussion': the discussion held before that plan; 'young-carer-assessment': the demo's young carer's assessment of the child.
    expect([...kinds].sort()).toEqual([
      'allocation',
      'assessment',
      'case-note',
      'chronology-entry',
      'contact',
      'document',
      'person',
      'referral',
      'strategy-discussion',
      'young-carer-assessment',
    ]);
    // A discussion asked for by a referral or an assessment is not "asked for" twice (their own lines say so): only its holding is added.
    expect(view.items.map((i) => i.summary)).toContain('Strategy discussion held: Section 47 enquiry by children’s social care (single agency)');
    const askedBy = await database.handle.db.selectFrom('strategyDiscussionChild').select(['strategyDiscussionId', 'sourceKind']).where('childId', '=', child).execute();
    const opened = view.items.filter((i) => i.key.startsWith('strategy-discussion-opened:')).map((i) => askedBy.find((a) => a.strategyDiscussionId === i.origin.id)?.sourceKind);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.filter((k) => k === 'referral' || k === 'assessment' || k === undefined)).toEqual([]);
    const summaries = view.items.map((i) => i.summary);
    expect(summaries).toContain('Police called about an incident at home');
    expect(summaries).not.toContain('Routine call, not significant');
    expect(summaries).toContain('Admitted to hospital with a broken arm');
    expect(summaries).toContain('Document added: Safety plan');
    expect(summaries.some((s) => s.startsWith('Allocated to Family Support Team North, Amara Lindqvist'))).toBe(true);
    const dates = view.items.map((i) => i.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(view).toMatchObject({ canAddEntry: true, canExport: true });
    expect((await auditRows(database, 'records.chronology.viewed')).at(-1)).toMatchObject({ childId: child, changes: { shown: view.items.length } });
  });

  it('filters by category and by dates, and says so in the audit', async () => {
    const ctx = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const health = await viewChronology(database.deps, ctx, child, { categories: ['health'], from: null, to: null });
    expect(health.items.map((i) => i.summary)).toEqual(['Admitted to hospital with a broken arm']);
    const january = await viewChronology(database.deps, ctx, child, { categories: [], from: '2026-01-01', to: '2026-01-31' });
    expect(january.items.map((i) => i.summary)).toEqual(['Police called about an incident at home']);
    expect((await auditRows(database, 'records.chronology.viewed')).at(-1)).toMatchObject({ changes: { filter: { categories: [], from: '2026-01-01', to: '2026-01-31' }, shown: 1 } });
  });

  it('takes a new source from the registry without any other change', async () => {
    const placements: ChronologySource = {
      name: 'placements',
      categories: ['placement'],
      load: async () => [{ key: 'placement:1', date: '2025-09-01', time: null, category: 'placement', summary: 'Placed with foster carers', source: 'Placement', recordedBy: null, origin: { kind: 'placement', id: '1' } }],
    };
    const items = await database.handle.db.transaction().execute((trx) => buildChronology(trx, child, { categories: ['placement'], from: null, to: null }, 'earliest-first', [...CHRONOLOGY_SOURCES, placements]));
    expect(items.map((i) => i.summary)).toEqual(['Placed with foster carers']);
  });

  it('refuses a manual entry dated in the future and a worker in another team', async () => {
    const worker = await contextFor(database, DEMO_USER_IDS.socialWorker);
    const future = await addChronologyEntry(database.deps, worker, child, { entryDate: '2999-01-01', category: 'other', summary: 'x', source: 'y' }).catch((e: unknown) => e);
    expect((future as ValidationError).fieldErrors).toEqual({ entryDate: 'Date of the event must be today or in the past' });
    const other = await viewChronology(database.deps, await contextFor(database, DEMO_USER_IDS.otherTeamWorker), child, NO_CHRONOLOGY_FILTER).catch((e: unknown) => e);
    expect((other as AccessRefusedError).status).toBe(403);
  });
});

describe('exporting the chronology', () => {
  it('makes a Word document (a ZIP starting PK) holding every entry, earliest first, audited with the list', async () => {
    const exported = await exportChronology(database.deps, await contextFor(database, DEMO_USER_IDS.socialWorker), child, NO_CHRONOLOGY_FILTER, 'docx');
    const docx = exported.docx!;
    expect(Buffer.from(docx.subarray(0, 2)).toString('latin1')).toBe('PK');
    const parts = unzip(docx);
    const xml = parts.get('word/document.xml')!.toString('utf8');
    for (const item of exported.items) expect(xml).toContain(item.summary.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    expect(xml).toContain('Chronology: ');
    const headers = [...parts].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, data]) => data.toString('utf8'));
    expect(headers.join('')).toContain('OFFICIAL-SENSITIVE');
    expect(xml.indexOf('Admitted to hospital')).toBeLessThan(xml.indexOf('Police called'));
    expect(xml).toContain('Exported by Amara Lindqvist');
    const audit = (await auditRows(database, 'records.chronology.exported')).at(-1);
    expect(audit).toMatchObject({ childId: child, actorUserId: DEMO_USER_IDS.socialWorker, changes: { format: 'docx', entries: exported.items.length, items: exported.items.map((i) => i.key) } });
  });

  it('is a permission of its own: a performance officer may read but not export', async () => {
    const perf = await contextFor(database, DEMO_USER_IDS.performanceOfficer);
    const view = await viewChronology(database.deps, perf, child, NO_CHRONOLOGY_FILTER);
    expect(view).toMatchObject({ canExport: false, canAddEntry: false });
    const error = await exportChronology(database.deps, perf, child, NO_CHRONOLOGY_FILTER, 'html').catch((e: unknown) => e);
    expect((error as AccessRefusedError).status).toBe(403);
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ actorUserId: DEMO_USER_IDS.performanceOfficer });
  });
});
