// Add a correction to a saved case note: the original is shown and kept; the correction is linked to it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { amendCaseNote } from '../../../app/records/amend-case-note.ts';
import { amendCaseNoteInput } from '../../../app/records/case-note-input.ts';
import { viewCaseNote } from '../../../app/records/view-case-note.ts';
import { takeRescuedForm } from '../../../app/drafts/rescued-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { caseNoteViewModel } from '../case-note/view-model.ts';
import { childAndIdOf, childHeaderContext } from '../shared.ts';

const FIELDS = ['reason', 'body'];
const valuesOf = (body: FormBody) => ({ reason: asString(body['reason']) ?? '', body: asString(body['body']) ?? '' });

export async function amendCaseNoteRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, noteId: string, values: ReturnType<typeof valuesOf>, errors: FieldErrors, rescued = false) {
    const view = await viewCaseNote(deps, requestContext(reply.request), childId, noteId, 'change', { audit: false });
    return reply.view('records/amend-case-note/view.njk', {
      ...childHeaderContext(view.child, deps.clock.now(), 'case-notes'),
      ...caseNoteViewModel(view),
      values,
      rescued,
      action: paths.amendCaseNote(childId, noteId),
      noteHref: paths.caseNote(childId, noteId),
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get('/children/:childId/case-notes/:noteId/amend', { config: { permission: 'people:change-child', audit: 'records.case-note.viewed' } }, async (request, reply) => {
    const { childId, id } = childAndIdOf(request.params, 'noteId');
    const view = await viewCaseNote(deps, requestContext(request), childId, id, 'change');
    const rescued = await takeRescuedForm(deps, requestContext(request), paths.amendCaseNote(childId, id));
    return reply.view('records/amend-case-note/view.njk', {
      ...childHeaderContext(view.child, deps.clock.now(), 'case-notes'),
      ...caseNoteViewModel(view),
      values: valuesOf(rescued ?? {}),
      rescued: rescued !== null,
      action: paths.amendCaseNote(childId, id),
      noteHref: paths.caseNote(childId, id),
      errorList: [],
      errors: {},
    });
  });

  app.post(
    '/children/:childId/case-notes/:noteId/amend',
    { config: { permission: 'people:change-child', audit: 'records.case-note.amended' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, id } = childAndIdOf(request.params, 'noteId');
      const values = valuesOf(formBody(request.body));
      const parsed = amendCaseNoteInput.safeParse(values);
      if (!parsed.success) return render(reply.code(400), childId, id, values, fieldErrorsOf(parsed.error));
      try {
        await amendCaseNote(deps, requestContext(request), childId, id, parsed.data);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, id, values, error.fieldErrors);
        throw error;
      }
      return reply.redirect(`${paths.caseNote(childId, id)}?amended=1`, 303);
    },
  );
}
