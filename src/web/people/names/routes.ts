// GET/POST /people/:personId/names: the other names a person has had or used (aliases, former
// names, name at birth, preferred name); POST .../names/:nameId/remove takes one off.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { addPersonName, removePersonName } from '../../../app/people/person-names.ts';
import { personNameInput } from '../../../app/people/person-input.ts';
import type { PersonForm } from '../../../app/people/view-person-form.ts';
import { viewPersonForm } from '../../../app/people/view-person-form.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { ADDABLE_NAME_TYPES } from '../../../domain/people/person-codes.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { personIdParams } from '../person-record/routes.ts';
import { dateItems, dateParts, parseDateParts } from '../shared/date-input.ts';
import { longDateOrBlank, nameTypeLabel } from '../shared/person-view.ts';

const FIELDS = ['nameType', 'givenName', 'familyName', 'usedFrom', 'usedTo'];
const removeParams = z.object({ personId: z.uuid(), nameId: z.uuid() });

function values(body: FormBody) {
  return {
    nameType: asString(body['nameType']) ?? '',
    givenName: asString(body['givenName']) ?? '',
    familyName: asString(body['familyName']) ?? '',
    usedFrom: dateParts(body, 'usedFrom'),
    usedTo: dateParts(body, 'usedTo'),
  };
}

export async function personNameRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const config = (audit: string) => ({ permission: 'people:change-child' as const, audit });

  function render(reply: FastifyReply, form: PersonForm, v: ReturnType<typeof values>, errors: FieldErrors, extra: Record<string, unknown> = {}) {
    return reply.view('people/names/view.njk', {
      person: form.person,
      recordHref: paths.record(form.person.id, form.isChild),
      names: form.names.map((n) => ({ ...n, typeLabel: nameTypeLabel(n.nameType), from: longDateOrBlank(n.usedFrom), to: longDateOrBlank(n.usedTo) })),
      values: v,
      typeItems: ADDABLE_NAME_TYPES.map((t) => ({ value: t.code, text: t.label, checked: v.nameType === t.code })),
      usedFromItems: dateItems(v.usedFrom, errors['usedFrom'] !== undefined),
      usedToItems: dateItems(v.usedTo, errors['usedTo'] !== undefined),
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
      ...extra,
    });
  }

  app.get('/people/:personId/names', { config: config('people.person-form.viewed') }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const form = await viewPersonForm(deps, requestContext(request), params.data.personId, 'names');
    const query = formBody(request.query);
    return render(reply, form, values({}), {}, { added: query['added'] === '1', removed: query['removed'] === '1' });
  });

  app.post('/people/:personId/names', { config: config('people.person-name.added'), preHandler: csrfGuard(app) }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const ctx = requestContext(request);
    const v = values(formBody(request.body));
    const from = parseDateParts(v.usedFrom, 'Date they started using the name');
    const to = parseDateParts(v.usedTo, 'Date they stopped using the name');
    const dateErrors: Record<string, string> = {};
    if (from.kind === 'error') dateErrors['usedFrom'] = from.message;
    if (to.kind === 'error') dateErrors['usedTo'] = to.message;
    const parsed = personNameInput.safeParse({
      nameType: v.nameType === '' ? undefined : v.nameType,
      givenName: v.givenName,
      familyName: v.familyName,
      usedFrom: from.kind === 'date' ? from.iso : undefined,
      usedTo: to.kind === 'date' ? to.iso : undefined,
    });
    const fail = async (errors: FieldErrors) => render(reply.code(400), await viewPersonForm(deps, ctx, params.data.personId, 'names'), v, errors);
    if (!parsed.success || Object.keys(dateErrors).length > 0) return fail({ ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...dateErrors });
    try {
      await addPersonName(deps, ctx, params.data.personId, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return fail(error.fieldErrors);
      throw error;
    }
    return reply.redirect(`${paths.personNames(params.data.personId)}?added=1`, 303);
  });

  app.post('/people/:personId/names/:nameId/remove', { config: config('people.person-name.removed'), preHandler: csrfGuard(app) }, async (request, reply) => {
    const params = removeParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Name');
    await removePersonName(deps, requestContext(request), params.data.personId, params.data.nameId);
    return reply.redirect(`${paths.personNames(params.data.personId)}?removed=1`, 303);
  });
}
