// GET /people/:personId/restriction: restrict a record to named people (naming the manager others
// must ask), or lift the restriction. Team managers and MASH managers only; applies at once.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { liftRestrictionInput, restrictInput } from '../../../app/people/person-input.ts';
import { liftRestriction, restrictPerson, viewRestriction, type RestrictionPage } from '../../../app/people/restriction.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { personIdParams } from '../person-record/routes.ts';

const FIELDS = ['contactUserId', 'reason', 'liftReason'];
const config = (audit: string) => ({ permission: 'people:restrict' as const, audit });

function values(body: FormBody) {
  return { contactUserId: asString(body['contactUserId']) ?? '', reason: asString(body['reason']) ?? '', version: asString(body['version']) ?? '' };
}

export async function restrictionRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  function render(reply: FastifyReply, page: RestrictionPage, v: ReturnType<typeof values>, errors: FieldErrors, extra: Record<string, unknown> = {}) {
    const selected = v.contactUserId === '' ? (page.person.restrictionContactUserId ?? '') : v.contactUserId;
    return reply.view('people/restrict/view.njk', {
      person: page.person,
      recordHref: paths.record(page.person.id, page.isChild),
      values: { ...v, version: v.version === '' ? String(page.person.version) : v.version },
      managerItems: [{ value: '', text: 'Choose a manager' }, ...page.managers.map((m) => ({ value: m.id, text: `${m.displayName}${m.teams === '' ? '' : ` (${m.teams})`}`, selected: selected === m.id }))],
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
      ...extra,
    });
  }

  app.get('/people/:personId/restriction', { config: config('none') }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    return render(reply, await viewRestriction(deps, requestContext(request), params.data.personId), values({}), {});
  });

  async function save(kind: 'restrict' | 'lift', request: Parameters<typeof requestContext>[0], reply: FastifyReply) {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const personId = params.data.personId;
    const ctx = requestContext(request);
    const v = values(formBody(request.body));
    // The lift form's reason field is "liftReason" on the page, so its message sits beside it.
    const placed = (errors: FieldErrors): FieldErrors => (kind === 'lift' && errors['reason'] !== undefined ? { liftReason: errors['reason'] } : errors);
    const fail = async (errors: FieldErrors, status = 400, extra: Record<string, unknown> = {}) =>
      render(reply.code(status), await viewRestriction(deps, ctx, personId), status === 409 ? { ...v, version: '' } : v, placed(errors), extra);
    try {
      if (kind === 'restrict') {
        const parsed = restrictInput.safeParse({ contactUserId: v.contactUserId === '' ? undefined : v.contactUserId, reason: v.reason, version: Number(v.version) });
        if (!parsed.success) return await fail(fieldErrorsOf(parsed.error));
        await restrictPerson(deps, ctx, personId, parsed.data);
      } else {
        const parsed = liftRestrictionInput.safeParse({ reason: v.reason, version: Number(v.version) });
        if (!parsed.success) return await fail(fieldErrorsOf(parsed.error));
        await liftRestriction(deps, ctx, personId, parsed.data);
      }
    } catch (error) {
      if (error instanceof ValidationError) return fail(error.fieldErrors);
      if (error instanceof StaleVersionError) return fail({}, 409, { conflict: true });
      throw error;
    }
    // The actor may no longer be able to open the record they just restricted: say what happened here.
    return reply.view('people/restrict/done.njk', { kind, recordHref: paths.person(personId), searchHref: paths.people() });
  }

  app.post('/people/:personId/restriction', { config: config('people.restriction.applied'), preHandler: csrfGuard(app) }, async (request, reply) => save('restrict', request, reply));
  app.post('/people/:personId/restriction/lift', { config: config('people.restriction.lifted'), preHandler: csrfGuard(app) }, async (request, reply) => save('lift', request, reply));
}
