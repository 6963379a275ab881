// Record the birth of an unborn child: the record becomes the child's (same record), the pre-birth
// timeline closes and the post-birth timescales start. Posted again, it corrects the birth details.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { openPreBirthForm } from '../../../app/pre-birth/pre-birth-plan.ts';
import { recordBirth } from '../../../app/pre-birth/record-birth.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { dateField, dateItems, datePartsFrom, datePartsOf, preBirthChildIdOf, type DateParts } from '../shared.ts';

const FIELDS = ['bornOn', 'timeOfBirth', 'sex', 'givenName', 'familyName', 'nhsNumber', 'motherMedicallyFit'];

interface Values {
  readonly bornOn: DateParts;
  readonly timeOfBirth: string;
  readonly sex: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly nhsNumber: string;
  readonly motherMedicallyFit: string;
}

export async function birthRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: Values | null, errors: FieldErrors) {
    const form = await openPreBirthForm(deps, requestContext(reply.request), childId, 'pre-birth.birth-form.viewed', {
      audit: Object.keys(errors).length === 0,
    });
    const { person, birth } = form.facts;
    const born = person.personType === 'child';
    const shown: Values = values ?? {
      bornOn: datePartsOf(person.dateOfBirth),
      timeOfBirth: birth?.timeOfBirth ?? '',
      sex: born ? person.gender : '',
      givenName: born ? person.givenName : '',
      familyName: person.familyName,
      nhsNumber: person.nhsNumber ?? '',
      motherMedicallyFit: birth === null ? '' : birth.motherMedicallyFit ? 'yes' : 'no',
    };
    return reply.view('pre-birth/birth/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'pre-birth'),
      correcting: birth !== null,
      values: shown,
      bornOnItems: dateItems(shown.bornOn, errors['bornOn'] !== undefined),
      action: paths.preBirthBirth(childId),
      cancelHref: paths.preBirthPlan(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['bornOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:preBirthChildId/pre-birth/birth',
    { config: { permission: 'pre-birth:record', audit: 'pre-birth.birth-form.viewed' } },
    async (request, reply) => render(reply, preBirthChildIdOf(request.params), null, {}),
  );

  app.post(
    '/children/:preBirthChildId/pre-birth/birth',
    { config: { permission: 'pre-birth:record', audit: 'pre-birth.birth.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = preBirthChildIdOf(request.params);
      const body = formBody(request.body);
      const values: Values = {
        bornOn: datePartsFrom(body, 'bornOn'),
        timeOfBirth: asString(body['timeOfBirth']) ?? '',
        sex: asString(body['sex']) ?? '',
        givenName: asString(body['givenName']) ?? '',
        familyName: asString(body['familyName']) ?? '',
        nhsNumber: asString(body['nhsNumber']) ?? '',
        motherMedicallyFit: asString(body['motherMedicallyFit']) ?? '',
      };
      const bornOn = dateField(values.bornOn, 'Date of birth');
      if ('error' in bornOn) return render(reply.code(400), childId, values, { bornOn: bornOn.error });
      try {
        await recordBirth(deps, requestContext(request), childId, {
          bornOn: bornOn.value === '' ? undefined : bornOn.value,
          timeOfBirth: values.timeOfBirth === '' ? undefined : values.timeOfBirth,
          sex: values.sex === '' ? undefined : values.sex,
          givenName: values.givenName,
          familyName: values.familyName,
          nhsNumber: values.nhsNumber,
          motherMedicallyFit: values.motherMedicallyFit === 'yes' ? true : values.motherMedicallyFit === 'no' ? false : undefined,
        });
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
      return reply.redirect(paths.preBirthPlan(childId, 'birth'), 303);
    },
  );
}
