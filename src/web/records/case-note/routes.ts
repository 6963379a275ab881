// One case note, with its corrections, the people it is about and the documents attached to it.
import type { FastifyInstance } from 'fastify';
import { viewCaseNote } from '../../../app/records/view-case-note.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { caseNoteViewModel } from './view-model.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childAndIdOf, childHeaderContext } from '../shared.ts';

export async function caseNoteRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/children/:childId/case-notes/:noteId', { config: { permission: 'people:view-child', audit: 'records.case-note.viewed' } }, async (request, reply) => {
    const { childId, id } = childAndIdOf(request.params, 'noteId');
    const view = await viewCaseNote(deps, requestContext(request), childId, id);
    const query = request.query as Record<string, unknown>;
    return reply.view('records/case-note/view.njk', {
      ...childHeaderContext(view.child, deps.clock.now(), 'case-notes'),
      ...caseNoteViewModel(view),
      recorded: query['recorded'] === '1',
      amended: query['amended'] === '1',
    });
  });
}
