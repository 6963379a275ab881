// The level of need (seed 004 §3): the indicators that apply, the level chosen and why. The level is
// the practitioner's judgement; a level below the highest indicator chosen is recorded but flagged.
import { markScreening, updateOpenContact } from '../../db/front-door/contact-repository.ts';
import { checkLevelOfNeed } from '../../domain/front-door/levels-of-need.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { SCREENING_MESSAGES, type LevelOfNeedInput } from './screening-input.ts';
import { openScreeningStep } from './screening-step.ts';

export async function recordLevelOfNeed(deps: AppDeps, ctx: RequestContext, contactId: string, input: LevelOfNeedInput): Promise<{ belowIndicated: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, guarded, contact } = await openScreeningStep(trx, ctx, contactId, now);
    const indicators = [...new Set(input.indicators)].sort();
    const check = checkLevelOfNeed(input.level, indicators);
    if (check.problems.includes('unknown-indicator')) throw new ValidationError({ indicators: SCREENING_MESSAGES.indicatorUnknown });
    if (check.problems.includes('no-indicators')) throw new ValidationError({ indicators: SCREENING_MESSAGES.indicators });
    const updated = await updateOpenContact(trx, contactId, input.version, {
      needLevel: input.level,
      needIndicators: indicators,
      needRationale: input.rationale,
      needRecordedByUserId: actor.userId,
      needRecordedAt: now,
    });
    if (!updated) throw new StaleVersionError('contact', contactId, { version: contact.version });
    await markScreening(trx, contactId);
    const belowIndicated = check.problems.includes('rationale-must-explain-lower-level');
    await audit({
      action: 'front-door.level-of-need.recorded',
      subjectType: 'contact',
      subjectId: contactId,
      ...(guarded.linkedChildIds[0] === undefined ? {} : { childId: guarded.linkedChildIds[0] }),
      changes: { level: input.level, indicators, highestIndicated: check.highest, belowIndicated, previousLevel: contact.needLevel },
    });
    return { belowIndicated };
  });
}
