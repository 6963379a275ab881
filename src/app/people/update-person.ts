// Edits a person's details, based on the version the form was opened at: if someone saved in
// between, nothing is saved and StaleVersionError carries the record as it is now, so the page can
// show both. A change of name keeps the old one as a former name; an unborn child given a date of
// birth has been born and becomes a child (same record).
import { findPersonDetails, insertPersonName, updatePersonDetails } from '../../db/people/person-repository.ts';
import { personDateErrors, personTypeAfterEdit } from '../../domain/people/person-rules.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonToday } from './london-today.ts';
import { guardPerson } from './person-access.ts';
import type { UpdatePersonInput } from './person-input.ts';
import { changedFields, personRowOf } from './person-values.ts';

export async function updatePerson(deps: AppDeps, ctx: RequestContext, personId: string, input: UpdatePersonInput): Promise<{ version: number; personType: 'child' | 'unborn' | 'adult' }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:change-child');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    const before = await findPersonDetails(trx, personId);
    if (before === undefined || before.mergedIntoPersonId !== null) throw new NotFoundError('Person');
    const personType = personTypeAfterEdit(before.personType, input.dateOfBirth);
    const today = londonToday(now);
    const errors = personDateErrors({ personType, dateOfBirth: input.dateOfBirth, expectedDateOfDelivery: personType === 'unborn' ? input.expectedDateOfDelivery : undefined }, parseLocalDate(today));
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    if (before.version !== input.version) throw new StaleVersionError('person', personId, before, guarded.isChild ? { childId: personId } : {});
    const row = personRowOf(personType, { ...input, expectedDateOfDelivery: input.expectedDateOfDelivery ?? before.expectedDateOfDelivery ?? undefined });
    const saved = await updatePersonDetails(trx, personId, input.version, row, now);
    if (!saved) throw new StaleVersionError('person', personId, (await findPersonDetails(trx, personId)) ?? before, guarded.isChild ? { childId: personId } : {});
    const renamed = before.givenName !== row.givenName || before.familyName !== row.familyName;
    if (renamed) await insertPersonName(trx, personId, { nameType: 'former', givenName: before.givenName, familyName: before.familyName, usedFrom: null, usedTo: today }, now);
    const comparable = Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'personType'));
    await audit({
      action: 'people.person.changed',
      subjectType: 'person',
      subjectId: personId,
      ...(guarded.isChild ? { childId: personId } : {}),
      changes: {
        ...changedFields(before, comparable),
        ...(personType !== before.personType ? { personType: { from: before.personType, to: personType } } : {}),
        ...(renamed ? { formerNameKept: true } : {}),
        version: { from: input.version, to: input.version + 1 },
      },
    });
    return { version: input.version + 1, personType };
  });
}
