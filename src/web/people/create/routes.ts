// Adding a person, in two steps with a duplicate check between them:
//   /people/new           who they are (names, date of birth or due date, NHS number, postcode)
//                         -> the records that may be the same person, with why (if any)
//   /people/new/details   everything else, then save (one transaction, audited)
// The first step is kept in the draft table between the two (src/app/people/new-person-journey.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { createPerson } from '../../../app/people/create-person.ts';
import { findLikelyDuplicates } from '../../../app/people/find-likely-duplicates.ts';
import { loadNewPersonStep, motherFor, NEW_PERSON_JOURNEY, saveNewPersonStep, type MotherSummary } from '../../../app/people/new-person-journey.ts';
import { createPersonInput, newPersonStepInput, type NewPersonStep } from '../../../app/people/person-input.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { personDateErrors } from '../../../domain/people/person-rules.ts';
import { PERSON_TYPE_LABELS } from '../../../domain/people/person-codes.ts';
import { formatNhsNumber } from '../../../domain/shared/identifiers/nhs-number.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { submissionOf } from '../../shared/submission.ts';
import { errorSummary, errorsByField, formBody, asString } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { dateItems, datePartsOf } from '../shared/date-input.ts';
import { hitView } from '../shared/hit-view.ts';
import { addressInputOf, detailsInputOf, flattenAddressErrors, formDates, PERSON_FIELDS, personChoiceItems, personFormValues, type PersonFormValues } from '../shared/person-form.ts';
import { dateOfBirthText } from '../shared/person-view.ts';

const config = (audit: string) => ({ permission: 'people:create-person' as const, audit });

function stepValues(step: NewPersonStep): PersonFormValues {
  return {
    ...personFormValues({}),
    givenName: step.givenName,
    familyName: step.familyName,
    dateOfBirth: datePartsOf(step.dateOfBirth),
    dateOfBirthEstimated: step.dateOfBirthEstimated,
    expectedDateOfDelivery: datePartsOf(step.expectedDateOfDelivery),
    nhsNumber: step.nhsNumber ?? '',
    postcode: step.postcode ?? '',
  };
}

export async function createPersonRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const today = () => todayInLondon(deps.clock.now());

  async function renderStep(reply: FastifyReply, values: PersonFormValues, personType: string, mother: MotherSummary | null, errors: FieldErrors) {
    return reply.view('people/create/step.njk', {
      values,
      personType,
      mother,
      typeItems: (['child', 'adult'] as const).map((t) => ({ value: t, text: PERSON_TYPE_LABELS[t], checked: personType === t })),
      dateItems: {
        dateOfBirth: dateItems(values.dateOfBirth, errors['dateOfBirth'] !== undefined),
        expectedDateOfDelivery: dateItems(values.expectedDateOfDelivery, errors['expectedDateOfDelivery'] !== undefined),
      },
      errorList: errorSummary(errors, PERSON_FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get('/people/new', { config: config('none') }, async (request, reply) => {
    const query = formBody(request.query);
    const motherId = asString(query['motherId']);
    if (asString(query['type']) === 'unborn' && motherId !== undefined) {
      const mother = await motherFor(deps, requestContext(request), motherId).catch((error: unknown) => {
        if (error instanceof ValidationError) return null;
        throw error;
      });
      if (mother !== null) return renderStep(reply, { ...personFormValues({}), givenName: 'Baby', familyName: mother.familyName }, 'unborn', mother, {});
    }
    return renderStep(reply, personFormValues({}), '', null, {});
  });

  app.post('/people/new', { config: config('people.duplicate-check.performed'), preHandler: csrfGuard(app) }, async (request, reply) => {
    const body = formBody(request.body);
    const values = personFormValues(body);
    const personType = asString(body['personType']) ?? '';
    const motherId = asString(body['motherId']);
    const mother = personType === 'unborn' && motherId !== undefined ? await motherFor(deps, requestContext(request), motherId).catch(() => null) : null;
    const dates = formDates(values);
    const parsed = newPersonStepInput.safeParse({
      personType: personType === '' ? undefined : personType,
      givenName: values.givenName,
      familyName: values.familyName,
      dateOfBirth: dates.dateOfBirth,
      dateOfBirthEstimated: values.dateOfBirthEstimated,
      expectedDateOfDelivery: dates.expectedDateOfDelivery,
      nhsNumber: values.nhsNumber,
      postcode: values.postcode,
      motherId: mother?.id,
    });
    const errors: Record<string, string> = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...dates.errors };
    delete errors['movedIn'];
    if (parsed.success) Object.assign(errors, personDateErrors(parsed.data, today()), dates.errors);
    if (!parsed.success || Object.keys(errors).length > 0 || (mother === null && personType === 'unborn')) {
      return renderStep(reply.code(400), values, personType, mother, errors);
    }
    const step = parsed.data;
    const ctx = requestContext(request);
    const hits = await findLikelyDuplicates(deps, ctx, {
      givenName: step.givenName,
      familyName: step.familyName,
      dateOfBirth: step.dateOfBirth,
      dateOfBirthEstimated: step.dateOfBirthEstimated,
      expectedDateOfDelivery: step.expectedDateOfDelivery,
      nhsNumber: step.nhsNumber,
      postcode: step.postcode,
      ...(step.motherId === undefined ? {} : { parentIds: [step.motherId] }),
    });
    await saveNewPersonStep(deps, ctx, { ...step, checkedMatches: hits.length });
    if (hits.length === 0) return reply.redirect(paths.newPersonDetails(), 303);
    const todayIso = today().toString();
    return reply.view('people/create/matches.njk', { hits: hits.map((h) => hitView(h, todayIso)), name: `${step.givenName} ${step.familyName}`, showLevel: true });
  });

  async function loadStep(request: Parameters<typeof requestContext>[0]): Promise<NewPersonStep | null> {
    const draft = await loadNewPersonStep(deps, requestContext(request));
    if (draft === null) return null;
    const parsed = newPersonStepInput.safeParse(draft);
    return parsed.success ? parsed.data : null;
  }

  async function renderDetails(reply: FastifyReply, step: NewPersonStep, values: PersonFormValues, errors: FieldErrors) {
    const todayIso = today().toString();
    return reply.view('people/create/details.njk', {
      step,
      stepRows: [
        { key: { text: 'Adding' }, value: { text: PERSON_TYPE_LABELS[step.personType] } },
        { key: { text: 'Name' }, value: { text: `${step.givenName} ${step.familyName}` } },
        {
          key: { text: step.personType === 'unborn' ? 'Expected date of delivery' : 'Date of birth' },
          value: { text: dateOfBirthText({ personType: step.personType, dateOfBirth: step.dateOfBirth ?? null, dateOfBirthEstimated: step.dateOfBirthEstimated, expectedDateOfDelivery: step.expectedDateOfDelivery ?? null }, todayIso) },
        },
        ...(step.personType === 'unborn' ? [] : [{ key: { text: 'NHS number' }, value: { text: step.nhsNumber === undefined ? 'Not recorded' : formatNhsNumber(step.nhsNumber) } }]),
      ],
      values,
      personType: step.personType,
      choices: personChoiceItems(values),
      dateItems: { movedIn: dateItems(values.movedIn, errors['movedIn'] !== undefined) },
      addressLegend: 'Where do they live now? (optional)',
      errorList: errorSummary(errors, PERSON_FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get('/people/new/details', { config: config('none') }, async (request, reply) => {
    const step = await loadStep(request);
    if (step === null) return reply.redirect(paths.newPerson(), 303);
    return renderDetails(reply, step, { ...stepValues(step), gender: step.personType === 'unborn' ? 'not_known' : '' }, {});
  });

  app.post('/people/new/details', { config: config('people.person.created'), preHandler: csrfGuard(app) }, async (request, reply) => {
    const step = await loadStep(request);
    if (step === null) return reply.redirect(paths.newPerson(), 303);
    const values = { ...personFormValues(formBody(request.body)), givenName: step.givenName, familyName: step.familyName, nhsNumber: step.nhsNumber ?? '' };
    const dates = formDates(values);
    const details = detailsInputOf(values, dates);
    const parsed = createPersonInput.safeParse({
      ...details,
      personType: step.personType,
      dateOfBirth: step.dateOfBirth,
      dateOfBirthEstimated: step.dateOfBirthEstimated,
      expectedDateOfDelivery: step.expectedDateOfDelivery,
      gender: step.personType === 'unborn' ? 'not_known' : details['gender'],
      motherId: step.motherId,
      address: addressInputOf(values, dates),
    });
    const dateErrors = { ...dates.errors };
    delete dateErrors['dateOfBirth'];
    delete dateErrors['expectedDateOfDelivery'];
    if (!parsed.success || Object.keys(dateErrors).length > 0) {
      return renderDetails(reply.code(400), step, values, { ...(parsed.success ? {} : flattenAddressErrors(fieldErrorsOf(parsed.error))), ...dateErrors });
    }
    try {
      // A double click or a resent form creates nobody new: the repeat gets the first answer.
      const created = await createPerson(deps, requestContext(request), parsed.data, { draftJourney: NEW_PERSON_JOURNEY, submission: submissionOf(request, parsed.data) });
      return await reply.redirect(`${paths.record(created.id, step.personType !== 'adult')}?created=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderDetails(reply.code(400), step, values, flattenAddressErrors(error.fieldErrors));
      throw error;
    }
  });
}
