// Add a case note: GET shows the form (with the author's saved draft, or the form their expired
// session rescued); POST saves the note, or with "Save as draft" keeps what was typed.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { discardCaseNoteDraft, openCaseNoteForm, saveCaseNoteDraft, type CaseNoteForm } from '../../../app/records/case-note-drafts.ts';
import { recordCaseNote } from '../../../app/records/record-case-note.ts';
import { takeRescuedForm } from '../../../app/drafts/rescued-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { CASE_NOTE_TYPE_LABELS, type CaseNoteType } from '../../../domain/records/case-note.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, linkDateErrors } from '../shared.ts';
import { draftOf, EMPTY_VALUES, FIELDS, formValues, noteInputOf, restoredValues, type CaseNoteFormValues } from './schema.ts';

type Banner = 'rescued' | 'draft-restored' | 'draft-saved' | 'draft-discarded' | null;

export async function newCaseNoteRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: CaseNoteFormValues, errors: FieldErrors, banner: Banner, opened?: CaseNoteForm) {
    const form = opened ?? (await openCaseNoteForm(deps, requestContext(reply.request), childId, { audit: false }));
    const typeItems = form.noteTypes.map((t: CaseNoteType) => ({ value: t, text: CASE_NOTE_TYPE_LABELS[t], checked: values.noteType === t }));
    const personItems = form.child.family.map((p) => ({
      value: p.id,
      text: p.name,
      hint: { text: p.relationship.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase()) },
      checked: values.linkedPersonIds.includes(p.id),
    }));
    return reply.view('records/new-case-note/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'case-notes'),
      values,
      typeItems,
      personItems,
      banner,
      hasDraft: form.draft !== null,
      action: paths.newCaseNote(childId),
      discardAction: paths.discardCaseNoteDraft(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['eventDate']),
      errors: errorsByField(errors),
    });
  }

  app.get('/children/:childId/case-notes/new', { config: { permission: 'people:change-child', audit: 'records.case-note-form.viewed' } }, async (request, reply) => {
    const childId = childIdOf(request.params);
    const form = await openCaseNoteForm(deps, requestContext(request), childId);
    const rescued = await takeRescuedForm(deps, requestContext(request), paths.newCaseNote(childId));
    const query = request.query as Record<string, unknown>;
    const flag = query['draft'];
    const banner: Banner =
      rescued !== null ? 'rescued' : flag === 'saved' ? 'draft-saved' : flag === 'discarded' ? 'draft-discarded' : form.draft !== null ? 'draft-restored' : null;
    const values = rescued !== null ? restoredValues(rescued) : (form.draft ?? EMPTY_VALUES);
    return render(reply, childId, values, {}, banner, form);
  });

  app.post(
    '/children/:childId/case-notes/new',
    { config: { permission: 'people:change-child', audit: 'records.case-note.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values = formValues(body);
      if (body['action'] === 'draft') {
        const draft = draftOf(values);
        if ('errors' in draft) return render(reply.code(400), childId, values, draft.errors, null);
        await saveCaseNoteDraft(deps, requestContext(request), childId, draft.draft);
        return reply.redirect(`${paths.newCaseNote(childId)}?draft=saved`, 303);
      }
      const parsed = noteInputOf(values);
      if ('errors' in parsed) return render(reply.code(400), childId, values, parsed.errors, null);
      try {
        const note = await recordCaseNote(deps, requestContext(request), childId, parsed.input);
        return await reply.redirect(`${paths.caseNote(childId, note.id)}?recorded=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors, null);
        throw error;
      }
    },
  );

  app.post(
    '/children/:childId/case-notes/new/discard-draft',
    { config: { permission: 'people:change-child', audit: 'records.case-note-draft.discarded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      await discardCaseNoteDraft(deps, requestContext(request), childId);
      return reply.redirect(`${paths.newCaseNote(childId)}?draft=discarded`, 303);
    },
  );
}
