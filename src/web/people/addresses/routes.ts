// GET/POST /people/:personId/addresses: where a person lives and has lived, with dates. A new
// current address closes the one before it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { addAddress } from '../../../app/people/add-person-address.ts';
import { newAddressInput } from '../../../app/people/person-input.ts';
import { viewPersonForm, type PersonForm } from '../../../app/people/view-person-form.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { personIdParams } from '../person-record/routes.ts';
import { dateItems, dateParts, parseDateParts } from '../shared/date-input.ts';
import { flattenAddressErrors } from '../shared/person-form.ts';
import { addressLines, longDateOrBlank } from '../shared/person-view.ts';

const FIELDS = ['current', 'addressLine1', 'addressLine2', 'town', 'postcode', 'movedIn', 'movedOut'];

function values(body: FormBody) {
  const text = (name: string) => asString(body[name]) ?? '';
  return {
    current: text('current'),
    addressLine1: text('addressLine1'),
    addressLine2: text('addressLine2'),
    town: text('town'),
    postcode: text('postcode'),
    movedIn: dateParts(body, 'movedIn'),
    movedOut: dateParts(body, 'movedOut'),
  };
}

export async function personAddressRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  function render(reply: FastifyReply, form: PersonForm, v: ReturnType<typeof values>, errors: FieldErrors, extra: Record<string, unknown> = {}) {
    const current = form.addresses.find((a) => a.isCurrent);
    const fromPerson = current === undefined && form.person.addressLine1 !== null ? addressLines(form.person).join(', ') : null;
    return reply.view('people/addresses/view.njk', {
      person: form.person,
      recordHref: paths.record(form.person.id, form.isChild),
      addresses: form.addresses.map((a) => [
        { text: addressLines(a).join(', ') },
        { text: a.isCurrent ? 'Current' : 'Previous' },
        { text: longDateOrBlank(a.movedIn) },
        { text: a.isCurrent ? '' : longDateOrBlank(a.movedOut) },
      ]),
      unrecordedCurrent: fromPerson,
      values: v,
      currentItems: [
        { value: 'yes', text: 'Yes, they live here now', hint: { text: 'Their current address will become a previous address' }, checked: v.current === 'yes' },
        { value: 'no', text: 'No, they lived here before', checked: v.current === 'no' },
      ],
      dateItems: { movedIn: dateItems(v.movedIn, errors['movedIn'] !== undefined), movedOut: dateItems(v.movedOut, errors['movedOut'] !== undefined) },
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
      ...extra,
    });
  }

  app.get('/people/:personId/addresses', { config: { permission: 'people:change-child', audit: 'people.person-form.viewed' } }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const form = await viewPersonForm(deps, requestContext(request), params.data.personId, 'addresses');
    return render(reply, form, values({}), {}, { added: formBody(request.query)['added'] === '1' });
  });

  app.post('/people/:personId/addresses', { config: { permission: 'people:change-child', audit: 'people.person-address.added' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const ctx = requestContext(request);
    const v = values(formBody(request.body));
    const movedIn = parseDateParts(v.movedIn, 'Date they moved in');
    const movedOut = parseDateParts(v.movedOut, 'Date they moved out');
    const errors: Record<string, string> = {};
    if (movedIn.kind === 'error') errors['movedIn'] = movedIn.message;
    if (movedOut.kind === 'error') errors['movedOut'] = movedOut.message;
    if (v.current === '') errors['current'] = 'Select whether they live at this address now';
    const parsed = newAddressInput.safeParse({
      current: v.current === 'yes',
      address: {
        addressLine1: v.addressLine1,
        addressLine2: v.addressLine2,
        town: v.town,
        postcode: v.postcode,
        movedIn: movedIn.kind === 'date' ? movedIn.iso : undefined,
        movedOut: v.current === 'yes' || movedOut.kind !== 'date' ? undefined : movedOut.iso,
      },
    });
    const fail = async (e: FieldErrors) => render(reply.code(400), await viewPersonForm(deps, ctx, params.data.personId, 'addresses'), v, e);
    if (!parsed.success || Object.keys(errors).length > 0) return fail({ ...(parsed.success ? {} : flattenAddressErrors(fieldErrorsOf(parsed.error))), ...errors });
    try {
      await addAddress(deps, ctx, params.data.personId, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return fail(flattenAddressErrors(error.fieldErrors));
      throw error;
    }
    return reply.redirect(`${paths.personAddresses(params.data.personId)}?added=1`, 303);
  });
}
