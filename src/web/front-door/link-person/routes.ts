// Linking a person named on a contact to their record: the people module's duplicate check lists the
// likely matches (a restricted record says whom to ask; a child held by another team says which
// team); the practitioner links one, or creates a new record and links it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { dateFromParts } from '../../../app/front-door/contact-input.ts';
import { createAndLinkPerson, findRecordsFor, linkContactPerson, LINK_MESSAGES } from '../../../app/front-door/link-people.ts';
import { createPersonInput } from '../../../app/people/person-input.ts';
import { levelText } from '../../../app/people/search-people.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { GENDER_LABELS, GENDERS } from '../../../domain/people/person-codes.ts';
import { isValidPostcode } from '../../../domain/people/postcode.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { formStrings, uuidParam } from '../shared.ts';

const FIELDS = ['personId', 'givenName', 'familyName', 'dateOfBirth', 'gender', 'useAddress'];

export async function linkPersonRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const url = '/front-door/contacts/:contactId/people/:contactPersonId';

  async function render(reply: FastifyReply, contactId: string, contactPersonId: string, values: Record<string, string> | null, errors: FieldErrors) {
    const found = await findRecordsFor(deps, requestContext(reply.request), contactId, contactPersonId);
    const p = found.person;
    const [year = '', month = '', day = ''] = (p.dateOfBirth ?? '').split('-');
    const v = values ?? {
      givenName: p.givenName,
      familyName: p.familyName,
      dateOfBirthDay: day === '' ? '' : String(Number(day)),
      dateOfBirthMonth: month === '' ? '' : String(Number(month)),
      dateOfBirthYear: year,
      useAddress: found.address.addressLine1 !== null && found.address.postcode !== null ? 'yes' : 'no',
    };
    const addressUsable = found.address.addressLine1 !== null && found.address.postcode !== null && isValidPostcode(found.address.postcode);
    return reply.view('front-door/link-person/view.njk', {
      reference: found.reference,
      contactHref: paths.contact(contactId),
      linkAction: paths.contactPerson(contactId, contactPersonId),
      createAction: `${paths.contactPerson(contactId, contactPersonId)}/new`,
      person: { name: `${p.givenName} ${p.familyName}`, role: p.role, dateOfBirth: p.dateOfBirth === null ? 'not given' : formatLongDate(p.dateOfBirth), linkedName: p.linkedName },
      address: [found.address.addressLine1, found.address.town, found.address.postcode].filter((x) => x !== null).join(', '),
      addressUsable,
      matches: found.matches.map((m) =>
        m.kind === 'person'
          ? {
              kind: m.kind,
              id: m.id,
              name: `${m.givenName} ${m.familyName}`,
              dateOfBirth: m.dateOfBirth === null ? 'Date of birth not known' : `Born ${formatLongDate(m.dateOfBirth)}`,
              postcode: m.postcode,
              held: m.teamName === null ? 'Not allocated' : `${m.teamName}${m.workerName === null ? '' : `, ${m.workerName}`}`,
              level: levelText(m.level),
              reasons: m.reasons,
              personType: m.personType,
              linked: p.personId === m.id,
            }
          : m.kind === 'restricted'
            ? { kind: m.kind, level: levelText(m.level), text: `A restricted record may be this person. Ask ${m.contactName} before creating a new record.` }
            : { kind: m.kind, level: levelText(m.level), text: `A child held by ${m.teamName} may be this person. Ask ${m.managerNames.join(' or ')}.` },
      ),
      values: v,
      genderItems: GENDERS.map((g) => ({ value: g, text: GENDER_LABELS[g], checked: v['gender'] === g })),
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
    });
  }

  const ids = (params: unknown) => ({ contactId: uuidParam(params, 'contactId'), contactPersonId: uuidParam(params, 'contactPersonId') });

  app.get(url, { config: { permission: 'front-door:screen', audit: 'people.duplicate-check.performed' } }, async (request, reply) => {
    const { contactId, contactPersonId } = ids(request.params);
    return render(reply, contactId, contactPersonId, null, {});
  });

  app.post(url, { config: { permission: 'front-door:screen', audit: 'front-door.person.linked' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const { contactId, contactPersonId } = ids(request.params);
    const personId = formStrings(request.body)['personId'];
    if (personId === undefined || !z.uuid().safeParse(personId).success) return render(reply.code(400), contactId, contactPersonId, null, { personId: LINK_MESSAGES.person });
    try {
      await linkContactPerson(deps, requestContext(request), contactId, contactPersonId, personId);
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), contactId, contactPersonId, null, error.fieldErrors);
      throw error;
    }
    return reply.redirect(`${paths.contact(contactId)}?saved=person`, 303);
  });

  app.post(`${url}/new`, { config: { permission: 'front-door:screen', audit: 'people.person.created' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const { contactId, contactPersonId } = ids(request.params);
    const values = formStrings(request.body);
    const found = await findRecordsFor(deps, requestContext(request), contactId, contactPersonId);
    const dob = dateFromParts(values['dateOfBirthDay'], values['dateOfBirthMonth'], values['dateOfBirthYear']);
    const errors: Record<string, string> = {};
    if (dob === null) errors['dateOfBirth'] = 'Date of birth must be a real date';
    const useAddress = values['useAddress'] === 'yes' && found.address.addressLine1 !== null && found.address.postcode !== null;
    const parsed = createPersonInput.safeParse({
      personType: found.person.role === 'child' ? 'child' : 'adult',
      givenName: values['givenName'],
      familyName: values['familyName'],
      ...(dob === null || dob === undefined ? {} : { dateOfBirth: dob }),
      gender: values['gender'],
      ...(useAddress ? { address: { addressLine1: found.address.addressLine1, town: found.address.town ?? undefined, postcode: found.address.postcode } } : {}),
    });
    if (!parsed.success || dob === null) {
      const all = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...errors };
      if (Object.keys(all).some((k) => k.startsWith('address'))) all['useAddress'] = 'The address on the contact cannot be used: untick it and add the address on the record later';
      return render(reply.code(400), contactId, contactPersonId, values, all);
    }
    try {
      await createAndLinkPerson(deps, requestContext(request), contactId, contactPersonId, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), contactId, contactPersonId, values, error.fieldErrors);
      throw error;
    }
    return reply.redirect(`${paths.contact(contactId)}?saved=person`, 303);
  });
}
