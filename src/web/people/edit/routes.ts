// GET/POST /people/:personId/edit: a person's details, saved against the version the form was
// opened at. A stale save is refused (409) with the saved details and the user's side by side.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { updatePersonInput } from '../../../app/people/person-input.ts';
import type { PersonDetails } from '../../../app/people/person-types.ts';
import { updatePerson } from '../../../app/people/update-person.ts';
import { viewPersonForm } from '../../../app/people/view-person-form.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { personIdParams } from '../person-record/routes.ts';
import { dateItems } from '../shared/date-input.ts';
import { detailsInputOf, formDates, PERSON_FIELDS, personChoiceItems, personFormFromDetails, personFormValues, type PersonFormValues } from '../shared/person-form.ts';
import { personSummaryRows, type PersonForView } from '../shared/person-view.ts';

export async function editPersonRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const today = () => todayInLondon(deps.clock.now()).toString();

  function render(reply: FastifyReply, person: PersonDetails, values: PersonFormValues, errors: FieldErrors, extra: Record<string, unknown> = {}) {
    return reply.view('people/edit/view.njk', {
      person,
      values,
      personType: person.personType,
      choices: personChoiceItems(values),
      dateItems: {
        dateOfBirth: dateItems(values.dateOfBirth, errors['dateOfBirth'] !== undefined),
        expectedDateOfDelivery: dateItems(values.expectedDateOfDelivery, errors['expectedDateOfDelivery'] !== undefined),
      },
      recordHref: paths.record(person.id, person.personType !== 'adult'),
      errorList: errorSummary(errors, PERSON_FIELDS),
      errors: errorsByField(errors),
      ...extra,
    });
  }

  app.get('/people/:personId/edit', { config: { permission: 'people:change-child', audit: 'people.person-form.viewed' } }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const { person } = await viewPersonForm(deps, requestContext(request), params.data.personId, 'details');
    return render(reply, person, personFormFromDetails(person), {});
  });

  app.post('/people/:personId/edit', { config: { permission: 'people:change-child', audit: 'people.person.changed' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const ctx = requestContext(request);
    const values = personFormValues(formBody(request.body));
    const personId = params.data.personId;
    const reshow = async (errors: FieldErrors) => render(reply.code(400), (await viewPersonForm(deps, ctx, personId, 'details')).person, values, errors);
    const dates = formDates(values);
    const dateErrors = { ...dates.errors };
    delete dateErrors['movedIn'];
    const parsed = updatePersonInput.safeParse({
      ...detailsInputOf(values, dates),
      // An unborn child's form has no gender (always "not known": CIN census rule 8750).
      gender: values.gender === '' ? 'not_known' : values.gender,
      version: Number(values.version),
    });
    if (!parsed.success || Object.keys(dateErrors).length > 0) return reshow({ ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...dateErrors });
    let saved: Awaited<ReturnType<typeof updatePerson>>;
    try {
      saved = await updatePerson(deps, ctx, personId, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return reshow(error.fieldErrors);
      if (error instanceof StaleVersionError) {
        const current = error.current as PersonDetails;
        const yours: PersonForView = {
          ...current,
          ...parsed.data,
          dateOfBirth: parsed.data.dateOfBirth ?? null,
          expectedDateOfDelivery: parsed.data.expectedDateOfDelivery ?? current.expectedDateOfDelivery,
          ethnicity: parsed.data.ethnicity ?? null,
          firstLanguage: parsed.data.firstLanguage ?? null,
          religion: parsed.data.religion ?? null,
          immigrationStatus: parsed.data.immigrationStatus ?? null,
          nhsNumber: parsed.data.nhsNumber ?? null,
          upn: parsed.data.upn ?? null,
          upnUnknownReason: parsed.data.upnUnknownReason ?? null,
          phone: parsed.data.phone ?? null,
          email: parsed.data.email ?? null,
          gpPractice: parsed.data.gpPractice ?? null,
          school: parsed.data.school ?? null,
        };
        const savedRows = personSummaryRows(current, today());
        const yourRows = personSummaryRows(yours, today());
        const nameRow = (p: { givenName: string; familyName: string }) => ({ key: { text: 'Name' }, value: { text: `${p.givenName} ${p.familyName}` } });
        const differs = yourRows.map((r, i) => r.value.text !== savedRows[i]?.value.text);
        return render(reply.code(409), current, { ...values, version: String(current.version) }, {}, {
          conflict: {
            saved: [nameRow(current), ...savedRows],
            yours: [nameRow(parsed.data), ...yourRows.map((r, i) => (differs[i] === true ? { ...r, key: { text: `${r.key.text} (different)` } } : r))],
          },
        });
      }
      throw error;
    }
    return reply.redirect(`${paths.record(personId, saved.personType !== 'adult')}?saved=1`, 303);
  });
}
