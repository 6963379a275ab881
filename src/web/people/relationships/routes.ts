// A person's family and relationships: the list (with parental responsibility and household), a
// search to find the person to link, the form to record the relationship, and removal. Served at
// /children/:childId/relationships (with the child's identity bar) and /people/:personId/relationships.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { relationshipInput } from '../../../app/people/person-input.ts';
import { MergedRecordError } from '../../../app/people/person-record-view.ts';
import { addRelationship, removeRelationship } from '../../../app/people/relationships.ts';
import { searchPeople, type PersonHit } from '../../../app/people/search-people.ts';
import { viewRelationships, type FamilyView } from '../../../app/people/view-family.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { RECORDABLE_RELATIONSHIPS } from '../../../domain/people/relationships.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { dateOfBirthText, ageText } from '../shared/person-view.ts';
import { hitView } from '../shared/hit-view.ts';

const FIELDS = ['relatedPersonId', 'relationship', 'parentalResponsibility', 'livesWith'];
const removeBody = z.object({ relatedPersonId: z.uuid(), relationship: z.string().min(1).max(40) });

export const PERSON_PREFIXES = [
  { prefix: '/children/:childId', param: 'childId', view: 'people.child-record.viewed' },
  { prefix: '/people/:personId', param: 'personId', view: 'people.person-record.viewed' },
] as const;

export function personIdFrom(request: FastifyRequest, param: string): string {
  const parsed = z.uuid().safeParse((request.params as Record<string, unknown>)[param]);
  if (!parsed.success) throw new NotFoundError('Person');
  return parsed.data;
}

function formValues(body: FormBody) {
  const text = (name: string) => asString(body[name]) ?? '';
  return { q: text('q'), relatedPersonId: text('relatedPersonId'), relationship: text('relationship'), parentalResponsibility: text('parentalResponsibility'), livesWith: text('livesWith') };
}

export async function relationshipRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const today = () => todayInLondon(deps.clock.now()).toString();

  async function candidates(request: FastifyRequest, personId: string, q: string): Promise<PersonHit[] | null> {
    if (q.trim() === '') return null;
    const result = await searchPeople(deps, requestContext(request), { name: q, limit: 20 }).catch((error: unknown) => {
      if (error instanceof ValidationError) return { hits: [] as PersonHit[] };
      throw error;
    });
    return result.hits.filter((h) => h.kind !== 'person' || h.id !== personId);
  }

  async function render(reply: FastifyReply, request: FastifyRequest, family: FamilyView, values: ReturnType<typeof formValues>, errors: FieldErrors, extra: Record<string, unknown> = {}) {
    const { person } = family;
    const isChild = person.personType !== 'adult';
    const found = await candidates(request, person.id, values.q);
    const todayIso = today();
    return reply.view('people/relationships/view.njk', {
      person,
      child: family.header,
      age: family.header === null ? null : ageText(family.header.dateOfBirth, todayIso),
      section: 'relationships',
      isChild,
      canChange: family.can.change,
      base: paths.relationships(person.id, isChild),
      recordHref: paths.record(person.id, isChild),
      rows: family.relationships.map((r) => ({
        ...r,
        href: r.named ? paths.record(r.relatedPersonId, r.personType !== 'adult') : null,
        born: r.named ? dateOfBirthText({ personType: r.personType, dateOfBirth: r.dateOfBirth, expectedDateOfDelivery: r.expectedDateOfDelivery }, todayIso) : '',
      })),
      values,
      searched: found !== null,
      found: (found ?? []).map((h) => hitView(h, todayIso)),
      relationshipItems: [{ value: '', text: 'Choose the relationship' }, ...RECORDABLE_RELATIONSHIPS.map((r) => ({ value: r.code, text: r.label, selected: values.relationship === r.code }))],
      yesNo: (name: 'parentalResponsibility' | 'livesWith') => [
        { value: 'yes', text: 'Yes', checked: values[name] === 'yes' },
        { value: 'no', text: 'No', checked: values[name] === 'no' },
      ],
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
      ...extra,
    });
  }

  for (const { prefix, param, view } of PERSON_PREFIXES) {
    app.get(`${prefix}/relationships`, { config: { permission: 'people:view-child', audit: view } }, async (request, reply) => {
      const personId = personIdFrom(request, param);
      try {
        const family = await viewRelationships(deps, requestContext(request), personId);
        const query = formBody(request.query);
        return await render(reply, request, family, formValues(query), {}, { added: query['added'] === '1', removed: query['removed'] === '1' });
      } catch (error) {
        if (error instanceof MergedRecordError) return reply.redirect(paths.relationships(error.survivorId, param === 'childId'), 303);
        throw error;
      }
    });

    app.post(`${prefix}/relationships`, { config: { permission: 'people:change-child', audit: 'people.relationship.added' }, preHandler: csrfGuard(app) }, async (request, reply) => {
      const personId = personIdFrom(request, param);
      const ctx = requestContext(request);
      const values = formValues(formBody(request.body));
      const errors: Record<string, string> = {};
      if (values.parentalResponsibility === '') errors['parentalResponsibility'] = 'Select whether they have parental responsibility';
      if (values.livesWith === '') errors['livesWith'] = 'Select whether they live in the same household';
      const parsed = relationshipInput.safeParse({
        relatedPersonId: values.relatedPersonId === '' ? undefined : values.relatedPersonId,
        relationship: values.relationship === '' ? undefined : values.relationship,
        parentalResponsibility: values.parentalResponsibility === 'yes',
        livesWith: values.livesWith === 'yes',
      });
      const fail = async (e: FieldErrors) => render(reply.code(400), request, await viewRelationships(deps, ctx, personId), values, e);
      if (!parsed.success || Object.keys(errors).length > 0) return fail({ ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...errors });
      try {
        await addRelationship(deps, ctx, personId, parsed.data);
      } catch (error) {
        if (error instanceof ValidationError) return fail(error.fieldErrors);
        throw error;
      }
      return reply.redirect(`${paths.relationships(personId, param === 'childId')}?added=1`, 303);
    });

    app.post(`${prefix}/relationships/remove`, { config: { permission: 'people:change-child', audit: 'people.relationship.removed' }, preHandler: csrfGuard(app) }, async (request, reply) => {
      const personId = personIdFrom(request, param);
      const parsed = removeBody.safeParse(formBody(request.body));
      if (!parsed.success) throw new NotFoundError('Relationship');
      await removeRelationship(deps, requestContext(request), personId, parsed.data.relatedPersonId, parsed.data.relationship);
      return reply.redirect(`${paths.relationships(personId, param === 'childId')}?removed=1`, 303);
    });
  }
}
