// Add an entry to a child's chronology by hand: date, category, what happened, and its source.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { addChronologyEntry, openChronologyEntryForm } from '../../../app/chronology/add-chronology-entry.ts';
import { addChronologyEntryInput, CHRONOLOGY_MESSAGES } from '../../../app/chronology/chronology-entry-input.ts';
import { takeRescuedForm } from '../../../app/drafts/rescued-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { CHRONOLOGY_CATEGORIES, CHRONOLOGY_CATEGORY_LABELS } from '../../../domain/records/chronology-entry.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, isoFromDateParts, linkDateErrors } from '../shared.ts';

const FIELDS = ['entryDate', 'category', 'summary', 'source'];

function valuesOf(body: FormBody) {
  return {
    entryDateDay: asString(body['entryDate-day']) ?? '',
    entryDateMonth: asString(body['entryDate-month']) ?? '',
    entryDateYear: asString(body['entryDate-year']) ?? '',
    category: asString(body['category']) ?? '',
    summary: asString(body['summary']) ?? '',
    source: asString(body['source']) ?? '',
  };
}

type Values = ReturnType<typeof valuesOf>;

export async function newChronologyEntryRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: Values, errors: FieldErrors, rescued = false) {
    const form = await openChronologyEntryForm(deps, requestContext(reply.request), childId, { audit: Object.keys(errors).length === 0 });
    return reply.view('records/new-chronology-entry/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'chronology'),
      values,
      rescued,
      categoryItems: [
        { value: '', text: 'Select a category' },
        ...CHRONOLOGY_CATEGORIES.map((c) => ({ value: c, text: CHRONOLOGY_CATEGORY_LABELS[c], selected: values.category === c })),
      ],
      action: paths.newChronologyEntry(childId),
      cancelHref: paths.childChronology(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['entryDate']),
      errors: errorsByField(errors),
    });
  }

  app.get('/children/:childId/chronology/new-entry', { config: { permission: 'people:change-child', audit: 'records.chronology-entry-form.viewed' } }, async (request, reply) => {
    const childId = childIdOf(request.params);
    const rescued = await takeRescuedForm(deps, requestContext(request), paths.newChronologyEntry(childId));
    return render(reply, childId, valuesOf(rescued ?? {}), {}, rescued !== null);
  });

  app.post(
    '/children/:childId/chronology/new-entry',
    { config: { permission: 'people:change-child', audit: 'records.chronology-entry.added' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const values = valuesOf(formBody(request.body));
      const errors: Record<string, string> = {};
      const date = isoFromDateParts({ day: values.entryDateDay, month: values.entryDateMonth, year: values.entryDateYear }, 'Date of the event', CHRONOLOGY_MESSAGES.dateRequired);
      if ('error' in date) errors['entryDate'] = date.error;
      const parsed = addChronologyEntryInput.safeParse({
        entryDate: 'iso' in date ? date.iso : '2000-01-01',
        category: values.category === '' ? undefined : values.category,
        summary: values.summary,
        source: values.source,
      });
      if (!parsed.success) for (const [key, message] of Object.entries(fieldErrorsOf(parsed.error))) errors[key] ??= message;
      if (!parsed.success || Object.keys(errors).length > 0) return render(reply.code(400), childId, values, errors);
      try {
        await addChronologyEntry(deps, requestContext(request), childId, parsed.data);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
      return reply.redirect(`${paths.childChronology(childId)}?added=1`, 303);
    },
  );
}
