// A child's young carers' needs assessments (the "Young carers" item of the child record's
// sub-navigation): every assessment with its status, due date and outcome, and the form to start one
// (who is cared for, the caring, who asked and when). POST starts it and opens the assessment form.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { startYoungCarerAssessment } from '../../../app/young-carers/start-young-carer-assessment.ts';
import { viewChildYoungCarers } from '../../../app/young-carers/view-young-carers.ts';
import { startYoungCarerInput, YOUNG_CARER_INPUT_MESSAGES } from '../../../app/young-carers/young-carer-input.ts';
import { relationshipLabel } from '../../../domain/people/relationships.ts';
import { CARED_FOR_NEEDS, CARED_FOR_RELATIONSHIPS, CARING_TASKS, REQUESTED_BY } from '../../../domain/young-carers/young-carer-assessment.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asArray, asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, datePartsOf, isoFromDateParts, linkDateErrors, type DateParts } from '../../records/shared.ts';
import { youngCarerSummary } from '../shared.ts';

const FIELDS = [
  'caredForPersonId',
  'caredForName',
  'caredForRelationship',
  'caredForIsAdult',
  'caredForNeeds',
  'caringTasks',
  'caringTasksDetail',
  'hoursPerWeek',
  'requestedOn',
  'requestedBy',
  'requestedByDetail',
];
/** The radio value for "someone not on the child's record". */
const NOT_LISTED = 'not-listed';

interface StartFormValues {
  readonly caredForPersonId: string;
  readonly caredForName: string;
  readonly caredForRelationship: string;
  readonly caredForIsAdult: string;
  readonly caredForNeeds: string[];
  readonly caringTasks: string[];
  readonly caringTasksDetail: string;
  readonly hoursPerWeek: string;
  readonly requestedOn: DateParts;
  readonly requestedBy: string;
  readonly requestedByDetail: string;
}

function formValues(body: FormBody): StartFormValues {
  return {
    caredForPersonId: asString(body['caredForPersonId']) ?? '',
    caredForName: asString(body['caredForName']) ?? '',
    caredForRelationship: asString(body['caredForRelationship']) ?? '',
    caredForIsAdult: asString(body['caredForIsAdult']) ?? '',
    caredForNeeds: asArray(body['caredForNeeds']),
    caringTasks: asArray(body['caringTasks']),
    caringTasksDetail: asString(body['caringTasksDetail']) ?? '',
    hoursPerWeek: asString(body['hoursPerWeek']) ?? '',
    requestedOn: {
      day: asString(body['requestedOn-day']) ?? '',
      month: asString(body['requestedOn-month']) ?? '',
      year: asString(body['requestedOn-year']) ?? '',
    },
    requestedBy: asString(body['requestedBy']) ?? '',
    requestedByDetail: asString(body['requestedByDetail']) ?? '',
  };
}

const EMPTY: StartFormValues = formValues({});

/** The form as the use case's input, or every error at once. */
function inputOf(values: StartFormValues) {
  const errors: Record<string, string> = {};
  if (values.caredForPersonId === '') errors['caredForPersonId'] = 'Select the person the young carer looks after, or “Someone not on the child’s record”';
  if (values.caredForPersonId === NOT_LISTED) {
    // Someone not on the record: their name, who they are and whether an adult are all needed (the use case checks the same).
    if (values.caredForName.trim() === '') errors['caredForName'] = YOUNG_CARER_INPUT_MESSAGES.caredForName;
    if (values.caredForRelationship === '') errors['caredForRelationship'] = YOUNG_CARER_INPUT_MESSAGES.caredForRelationship;
    if (values.caredForIsAdult === '') errors['caredForIsAdult'] = YOUNG_CARER_INPUT_MESSAGES.caredForIsAdult;
  }
  const requested = isoFromDateParts(values.requestedOn, 'The date the assessment was requested', 'Enter the date the assessment was requested');
  if ('error' in requested) errors['requestedOn'] = requested.error;
  const hours = values.hoursPerWeek.trim();
  const parsed = startYoungCarerInput.safeParse({
    caredForPersonId: values.caredForPersonId === '' || values.caredForPersonId === NOT_LISTED ? null : values.caredForPersonId,
    caredForName: values.caredForPersonId === NOT_LISTED ? values.caredForName : '',
    caredForRelationship: values.caredForRelationship === '' ? null : values.caredForRelationship,
    caredForIsAdult: values.caredForIsAdult === 'yes' ? true : values.caredForIsAdult === 'no' ? false : null,
    caredForNeeds: values.caredForNeeds,
    caringTasks: values.caringTasks,
    caringTasksDetail: values.caringTasksDetail,
    hoursPerWeek: /^\d{1,3}$/.test(hours) ? Number(hours) : Number.NaN,
    requestedOn: 'iso' in requested ? requested.iso : '',
    requestedBy: values.requestedBy,
    requestedByDetail: values.requestedByDetail,
  });
  if (!parsed.success) {
    for (const [key, message] of Object.entries(fieldErrorsOf(parsed.error))) {
      const field = key.split('.')[0] ?? key;
      if (field === 'requestedOn' && errors['requestedOn'] !== undefined) continue;
      errors[field] ??= message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { input: parsed.data };
}

export async function youngCarerListRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: StartFormValues, errors: FieldErrors, audit: boolean) {
    const result = await viewChildYoungCarers(deps, requestContext(reply.request), childId, { audit });
    const radios = <T extends string>(table: Readonly<Record<T, string>>, chosen: string) =>
      (Object.keys(table) as T[]).map((value) => ({ value, text: table[value], checked: chosen === value }));
    const checks = <T extends string>(table: Readonly<Record<T, string>>, chosen: readonly string[]) =>
      (Object.keys(table) as T[]).map((value) => ({ value, text: table[value], checked: chosen.includes(value) }));
    return reply.view('young-carers/list/view.njk', {
      ...childHeaderContext(result.child, deps.clock.now(), 'young-carers'),
      assessments: result.assessments.map((a) => youngCarerSummary(a.assessment, a.timescale)),
      mayStart: result.mayStart,
      action: paths.childYoungCarers(childId),
      values,
      notListed: NOT_LISTED,
      caredForItems: [
        ...result.related.map((r) => ({
          value: r.personId,
          text: r.name,
          hint: { text: `${relationshipLabel(r.relationship)} of ${result.child.givenName}${r.personType === 'adult' ? ', adult' : ', child'}` },
          checked: values.caredForPersonId === r.personId,
        })),
        ...(result.related.length > 0 ? [{ divider: 'or' }] : []),
        { value: NOT_LISTED, text: 'Someone not on the child’s record', checked: values.caredForPersonId === NOT_LISTED },
      ],
      relationshipItems: [
        { value: '', text: 'Choose who they are', selected: values.caredForRelationship === '' },
        ...radios(CARED_FOR_RELATIONSHIPS, values.caredForRelationship).map((r) => ({ value: r.value, text: r.text, selected: r.checked })),
      ],
      adultItems: [
        { value: 'yes', text: 'An adult (18 or over)', checked: values.caredForIsAdult === 'yes' },
        { value: 'no', text: 'A child', checked: values.caredForIsAdult === 'no' },
      ],
      needItems: checks(CARED_FOR_NEEDS, values.caredForNeeds),
      taskItems: checks(CARING_TASKS, values.caringTasks),
      requestedByItems: radios(REQUESTED_BY, values.requestedBy),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['requestedOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/young-carers',
    { config: { permission: 'people:view-child', audit: 'young-carers.assessments.viewed' } },
    async (request, reply) => {
      return render(reply, childIdOf(request.params), { ...EMPTY, requestedOn: datePartsOf(null) }, {}, true);
    },
  );

  app.post(
    '/children/:childId/young-carers',
    { config: { permission: 'young-carers:record', audit: 'young-carers.assessment.started' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const values = formValues(formBody(request.body));
      const parsed = inputOf(values);
      if ('errors' in parsed) return render(reply.code(400), childId, values, parsed.errors, false);
      try {
        const { id } = await startYoungCarerAssessment(deps, requestContext(request), childId, parsed.input);
        return await reply.redirect(paths.editYoungCarerAssessment(id), 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors, false);
        throw error;
      }
    },
  );
}
