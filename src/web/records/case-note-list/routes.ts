// A child's case notes, newest event first, a page at a time.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { viewCaseNotes } from '../../../app/records/view-case-notes.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { CASE_NOTE_TYPE_LABELS, isCaseNoteType } from '../../../domain/records/case-note.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, dateAndTimeText, instantText } from '../shared.ts';

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });

export async function caseNoteListRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/children/:childId/case-notes', { config: { permission: 'people:view-child', audit: 'records.case-notes.listed' } }, async (request, reply) => {
    const childId = childIdOf(request.params);
    const query = pageQuery.safeParse(request.query);
    const result = await viewCaseNotes(deps, requestContext(request), childId, query.success ? query.data.page : 1);
    const notes = result.notes.map((n) => ({
      ...n,
      href: paths.caseNote(childId, n.id),
      typeLabel: isCaseNoteType(n.noteType) ? CASE_NOTE_TYPE_LABELS[n.noteType] : n.noteType,
      eventText: dateAndTimeText(n.eventDate, n.eventTime),
      recordedText: instantText(n.recordedAt),
    }));
    const pagination =
      result.pageCount <= 1
        ? null
        : {
            previous: result.page > 1 ? { href: paths.childCaseNotes(childId, result.page - 1) } : undefined,
            next: result.page < result.pageCount ? { href: paths.childCaseNotes(childId, result.page + 1) } : undefined,
            items: Array.from({ length: result.pageCount }, (_, i) => ({ number: i + 1, href: paths.childCaseNotes(childId, i + 1), current: i + 1 === result.page })),
          };
    return reply.view('records/case-note-list/view.njk', {
      ...childHeaderContext(result.child, deps.clock.now(), 'case-notes'),
      notes,
      total: result.total,
      canChange: result.canChange,
      newHref: paths.newCaseNote(childId),
      pagination,
    });
  });
}
