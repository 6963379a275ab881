// GET /people: the person search (name, date of birth, NHS number, postcode). A GET form, so
// results can be bookmarked and the back button works; the search itself is audited.
import type { FastifyInstance } from 'fastify';
import { searchPeople } from '../../../app/people/search-people.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { can } from '../../../domain/shared/access/permissions.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { dateItems, dateParts, parseDateParts } from '../shared/date-input.ts';
import { hitView } from '../shared/hit-view.ts';

const FIELDS = ['name', 'dateOfBirth', 'nhsNumber', 'postcode'];

export async function personSearchRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get('/people', { config: { permission: 'people:search', audit: 'people.search.performed' } }, async (request, reply) => {
    const query = formBody(request.query);
    const values = {
      name: typeof query['name'] === 'string' ? query['name'] : '',
      nhsNumber: typeof query['nhsNumber'] === 'string' ? query['nhsNumber'] : '',
      postcode: typeof query['postcode'] === 'string' ? query['postcode'] : '',
      dateOfBirth: dateParts(query, 'dateOfBirth'),
    };
    const searched = Object.keys(query).some((k) => FIELDS.some((f) => k.startsWith(f)));
    const canCreate = request.actor !== null && can(request.actor, 'people:create-person');
    const render = (status: number, extra: Record<string, unknown>) =>
      reply.code(status).view('people/search/view.njk', { values, dobItems: dateItems(values.dateOfBirth, false), canCreate, searched, ...extra });
    if (!searched) return render(200, {});
    const errors: Record<string, string> = {};
    const dob = parseDateParts(values.dateOfBirth, 'Date of birth');
    if (dob.kind === 'error') errors['dateOfBirth'] = dob.message;
    const fail = (e: FieldErrors) =>
      render(400, { errorList: errorSummary(e, FIELDS), errors: errorsByField(e), dobItems: dateItems(values.dateOfBirth, e['dateOfBirth'] !== undefined) });
    if (Object.keys(errors).length > 0) return fail(errors);
    try {
      const result = await searchPeople(options.deps, requestContext(request), {
        ...(values.name.trim() === '' ? {} : { name: values.name }),
        ...(dob.kind === 'date' ? { dateOfBirth: dob.iso } : {}),
        ...(values.nhsNumber.trim() === '' ? {} : { nhsNumber: values.nhsNumber }),
        ...(values.postcode.trim() === '' ? {} : { postcode: values.postcode }),
      });
      const today = todayInLondon(options.deps.clock.now()).toString();
      return await render(200, { hits: result.hits.map((h) => hitView(h, today)), truncated: result.truncated });
    } catch (error) {
      if (error instanceof ValidationError) return fail(error.fieldErrors);
      throw error;
    }
  });
}
