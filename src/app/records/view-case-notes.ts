// A child's case notes, newest event first, a page at a time; the list is a view of the child's
// record and is audited as one.
import { listCaseNotes, type CaseNoteListItem } from '../../db/records/case-note-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from './child-page.ts';

export const CASE_NOTES_PER_PAGE = 25;

export interface CaseNotesPage {
  readonly child: ChildHeader;
  readonly notes: readonly CaseNoteListItem[];
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
  readonly canChange: boolean;
}

export async function viewCaseNotes(deps: AppDeps, ctx: RequestContext, childId: string, page = 1): Promise<CaseNotesPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const wanted = Number.isSafeInteger(page) && page > 0 ? page : 1;
    const { items, total } = await listCaseNotes(trx, childId, { limit: CASE_NOTES_PER_PAGE, offset: (wanted - 1) * CASE_NOTES_PER_PAGE });
    await audit({ action: 'records.case-notes.listed', subjectType: 'person', subjectId: childId, childId, changes: { page: wanted, shown: items.length } });
    const canChange = await mayChangeChildRecord(trx, actor, childId, now);
    return { child, notes: items, page: wanted, pageCount: Math.max(1, Math.ceil(total / CASE_NOTES_PER_PAGE)), total, canChange };
  });
}
