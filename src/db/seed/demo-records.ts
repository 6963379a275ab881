// Demo case notes, a manual chronology entry and a small document for one demo child, so the case
// notes, documents and chronology pages have something to show. Synthetic text only; written through
// the records repositories, with recording timeliness worked out by the same rule the app uses.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { londonDateTime } from '../../app/records/london-clock.ts';
import { recordingTimeliness, type CaseNoteType } from '../../domain/records/case-note.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../../domain/shared/calendar/index.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { insertChronologyEntry } from '../records/chronology-repository.ts';
import { insertCaseNote, insertCaseNoteAmendment, relatedPersonIds } from '../records/case-note-repository.ts';
import { insertDocument } from '../records/document-repository.ts';
import type { Database } from '../schema.ts';
import { DEMO_USER_IDS } from './users.ts';

/** Records the tests and docs can name: the demo child's safety-plan meeting note and its document. */
export const DEMO_RECORD_IDS = {
  safetyPlanNote: '00000000-0000-4000-b000-000000000001',
  safetyPlanDocument: '00000000-0000-4000-b000-000000000002',
} as const;

interface DemoNote {
  readonly daysAgo: number;
  readonly recordedDaysAfter: number;
  readonly noteType: CaseNoteType;
  readonly time: string | null;
  readonly summary: string;
  readonly body: string;
  readonly significant: boolean;
  readonly writtenToChild: boolean;
  readonly authorUserId: string;
  readonly withFamily: boolean;
}

const NOTES: readonly DemoNote[] = [
  {
    daysAgo: 40,
    recordedDaysAfter: 1,
    noteType: 'home_visit',
    time: '09:30',
    summary: 'First home visit after allocation',
    body: 'Visited the family home with notice. Mum was welcoming and showed me round. The home was warm and tidy, with food in the cupboards.\nWe talked about the worries the school raised and agreed to meet again in two weeks.',
    significant: true,
    writtenToChild: false,
    authorUserId: DEMO_USER_IDS.socialWorker,
    withFamily: true,
  },
  {
    daysAgo: 26,
    recordedDaysAfter: 0,
    noteType: 'child_seen_alone',
    time: '15:45',
    summary: 'Saw you on your own after school',
    body: 'Thank you for talking with me after school today. You showed me your drawings of your family and told me that bedtimes are sometimes noisy.\nYou said you feel safe with Mum and you would like more time at the park. I will tell Mum what you said about the park, like we agreed.',
    significant: false,
    writtenToChild: true,
    authorUserId: DEMO_USER_IDS.socialWorker,
    withFamily: false,
  },
  {
    daysAgo: 19,
    recordedDaysAfter: 9,
    noteType: 'meeting',
    time: '11:00',
    summary: 'Safety plan agreed with the family and school',
    body: 'Meeting at school with Mum, the class teacher and the school nurse. We agreed a safety plan: Mum will walk the children to school, the school will let me know about any absence the same day, and we will review in four weeks.',
    significant: true,
    writtenToChild: false,
    authorUserId: DEMO_USER_IDS.socialWorker,
    withFamily: true,
  },
  {
    daysAgo: 12,
    recordedDaysAfter: 0,
    noteType: 'management_oversight',
    time: null,
    summary: 'Management oversight: plan reviewed',
    body: 'Reviewed the case with the allocated worker. The safety plan is proportionate. Next steps: review meeting in four weeks; the worker to see the child alone again before then.',
    significant: false,
    writtenToChild: false,
    authorUserId: DEMO_USER_IDS.teamManager,
    withFamily: false,
  },
];

const DEMO_DOCUMENT_TEXT = [
  'Safety plan (synthetic demo document)',
  '',
  '1. Mum walks the children to school each morning.',
  '2. The school tells the social worker about any absence the same day.',
  '3. Review meeting in four weeks.',
  '',
].join('\n');

export async function seedDemoRecords(trx: Transaction<Database>, options: { readonly childId: string; readonly now: Date }): Promise<void> {
  const { childId, now } = options;
  const today = parseLocalDate(londonDateTime(now).date);
  const family = await relatedPersonIds(trx, childId);
  let safetyPlanNoteId: string | null = null;
  for (const note of NOTES) {
    const eventDate = today.minusDays(note.daysAgo);
    const recordedOn = eventDate.plusDays(note.recordedDaysAfter);
    const recordedAt = new Date(now.getTime() - (note.daysAgo - note.recordedDaysAfter) * 86_400_000);
    const timeliness = recordingTimeliness(eventDate, recordedOn, STATUTORY_WORKING_DAY_CALENDAR);
    const id = await insertCaseNote(trx, {
      ...(note.noteType === 'meeting' ? { id: DEMO_RECORD_IDS.safetyPlanNote } : {}),
      childId,
      noteType: note.noteType,
      eventDate: toIsoDate(eventDate),
      eventTime: note.time,
      summary: note.summary,
      body: note.body,
      significant: note.significant,
      writtenToChild: note.writtenToChild,
      authorUserId: note.authorUserId,
      recordedAt,
      recordedOn: toIsoDate(recordedOn),
      workingDaysToRecord: timeliness.workingDays,
      recordedLate: timeliness.late,
      personIds: note.withFamily ? [childId, ...family] : [childId],
    });
    if (note.noteType === 'meeting') safetyPlanNoteId = id;
    if (note.noteType === 'home_visit') {
      await insertCaseNoteAmendment(trx, {
        caseNoteId: id,
        childId,
        reason: 'The time of the visit was recorded wrongly',
        body: 'The visit started at 10:30, not 9:30 as first written in my notebook.',
        authorUserId: DEMO_USER_IDS.socialWorker,
        recordedAt: new Date(recordedAt.getTime() + 3_600_000),
      });
    }
  }
  await insertChronologyEntry(trx, {
    childId,
    entryDate: toIsoDate(today.minusDays(55)),
    category: 'education',
    summary: 'School raised concerns about the child’s attendance and tiredness in class (referral to the front door).',
    source: 'School (designated safeguarding lead)',
    recordedByUserId: DEMO_USER_IDS.socialWorker,
    recordedAt: new Date(now.getTime() - 38 * 86_400_000),
  });
  const content = new TextEncoder().encode(DEMO_DOCUMENT_TEXT);
  await insertDocument(trx, {
    id: DEMO_RECORD_IDS.safetyPlanDocument,
    childId,
    caseNoteId: safetyPlanNoteId,
    title: 'Safety plan',
    filename: 'safety-plan.txt',
    kind: 'txt',
    sha256: createHash('sha256').update(content).digest('hex'),
    significant: true,
    uploadedByUserId: DEMO_USER_IDS.socialWorker,
    uploadedAt: new Date(now.getTime() - 10 * 86_400_000),
    uploadedOn: toIsoDate(today.minusDays(10)),
    content,
  });
}
