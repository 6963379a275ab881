// Recording the birth of an unborn child, in ONE transaction: the person becomes a child (same
// person id, so every record, note, plan and allocation follows: domain-spec §4.3 "the unborn record
// converts to a born child record at birth (keep the same person ID; set DOB and sex)"), the
// placeholder name is kept as a former name, the birth record keeps the time, the EDD at birth and
// whether the mother is medically fit (CP-06: post-birth review in 10 days, or 20), and the audit
// event carries the record before and after. The pre-birth timeline closes (milestones due after the
// birth are no longer due) and the post-birth rules start (src/domain/pre-birth/timeline.ts).
//
// Posting the form again for a child whose birth is already recorded corrects the birth record
// (a mistyped time, a sex or a name given later), audited the same way.
import { findBirthRecord, findPreBirthPerson, convertToChild, upsertBirthRecord } from '../../db/pre-birth/pre-birth-repository.ts';
import { insertPersonName } from '../../db/people/person-repository.ts';
import { gestationWeekDate } from '../../domain/shared/time/gestation.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import { openChildRecord } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { birthInput, parseInput, PRE_BIRTH_MESSAGES } from './pre-birth-input.ts';
import { loadPreBirthFacts } from './pre-birth-plan.ts';

/**
 * A birth before week 12 of the pregnancy (28 weeks before the EDD, the point the protocol expects the
 * referral) is refused as a likely typing error. Later premature births, however early, are recorded.
 */
const EARLIEST_GESTATION_WEEK = 12;

export async function recordBirth(deps: AppDeps, ctx: RequestContext, childId: string, raw: unknown): Promise<{ corrected: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'pre-birth:record');
    const { actor } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    const facts = await loadPreBirthFacts(trx, childId);
    if (facts === null) throw new NotFoundError('Pre-birth plan');
    const input = parseInput(birthInput, raw);
    const bornOn = parseLocalDate(input.bornOn);
    if (bornOn.isAfter(parseLocalDate(londonToday(now)))) throw new ValidationError({ bornOn: PRE_BIRTH_MESSAGES.bornOnFuture });
    if (bornOn.isBefore(gestationWeekDate(facts.edd, EARLIEST_GESTATION_WEEK))) throw new ValidationError({ bornOn: PRE_BIRTH_MESSAGES.bornOnTooEarly });
    const before = facts.person;
    const birthBefore = (await findBirthRecord(trx, childId)) ?? null;
    const after = { givenName: input.givenName, familyName: input.familyName, dateOfBirth: input.bornOn, gender: input.sex, nhsNumber: input.nhsNumber };
    if (!(await convertToChild(trx, childId, before.version, after, now))) {
      throw new StaleVersionError('person', childId, (await findPreBirthPerson(trx, childId)) ?? before);
    }
    const renamed = before.givenName !== input.givenName || before.familyName !== input.familyName;
    if (renamed) {
      await insertPersonName(
        trx,
        childId,
        { nameType: 'former', givenName: before.givenName, familyName: before.familyName, usedFrom: null, usedTo: input.bornOn },
        now,
      );
    }
    await upsertBirthRecord(trx, {
      childId,
      bornOn: input.bornOn,
      timeOfBirth: input.timeOfBirth,
      motherMedicallyFit: input.motherMedicallyFit,
      expectedDateOfDelivery: facts.edd.toString(),
      recordedByUserId: actor.userId,
      now,
    });
    await audit({
      action: 'pre-birth.birth.recorded',
      subjectType: 'person',
      subjectId: childId,
      childId,
      changes: {
        corrected: birthBefore !== null,
        before: {
          personType: before.personType,
          givenName: before.givenName,
          familyName: before.familyName,
          dateOfBirth: before.dateOfBirth,
          gender: before.gender,
          nhsNumber: before.nhsNumber,
          timeOfBirth: birthBefore?.timeOfBirth ?? null,
          motherMedicallyFit: birthBefore?.motherMedicallyFit ?? null,
        },
        after: { personType: 'child', ...after, timeOfBirth: input.timeOfBirth, motherMedicallyFit: input.motherMedicallyFit },
        expectedDateOfDelivery: facts.edd.toString(),
        formerNameKept: renamed,
        version: { from: before.version, to: before.version + 1 },
      },
    });
    return { corrected: birthBefore !== null };
  });
}
