// Requests to the partner agencies in the MASH and their answers. Checks may only be requested once
// consent is recorded as given, or going ahead without it is recorded with its ground (seed 004 §5);
// each request made without consent is marked so, and audited.
import { markScreening } from '../../db/front-door/contact-repository.ts';
import { answerAgencyCheck, insertAgencyChecks, loadAgencyCheck } from '../../db/front-door/screening-repository.ts';
import { agencyAnswerNeedsDetails, type PartnerAgency } from '../../domain/front-door/agency-checks.ts';
import { mayRequestAgencyChecks, sharesWithoutConsent } from '../../domain/front-door/consent.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { SCREENING_MESSAGES, type CheckAnswerInput, type RequestChecksInput } from './screening-input.ts';
import { openScreeningStep } from './screening-step.ts';

export async function requestAgencyChecks(deps: AppDeps, ctx: RequestContext, contactId: string, input: RequestChecksInput): Promise<{ requested: PartnerAgency[] }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, guarded, contact } = await openScreeningStep(trx, ctx, contactId, now);
    const consent = contact.consentToChecks === null ? null : { consent: contact.consentToChecks, proceedWithoutConsent: contact.checksWithoutConsent === true };
    if (!mayRequestAgencyChecks(consent) || consent === null) throw new ValidationError({ agencies: SCREENING_MESSAGES.checksNeedConsent });
    const withoutConsent = sharesWithoutConsent(consent);
    const requested = await insertAgencyChecks(trx, contactId, [...new Set(input.agencies)], { withoutConsent, requestedByUserId: actor.userId, requestedAt: now });
    await markScreening(trx, contactId);
    if (requested.length > 0) {
      await audit({
        action: 'front-door.agency-checks.requested',
        subjectType: 'contact',
        subjectId: contactId,
        ...(guarded.linkedChildIds[0] === undefined ? {} : { childId: guarded.linkedChildIds[0] }),
        changes: { agencies: requested, withoutConsent },
      });
    }
    return { requested };
  });
}

export async function recordAgencyAnswer(deps: AppDeps, ctx: RequestContext, contactId: string, agency: PartnerAgency, input: CheckAnswerInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, guarded } = await openScreeningStep(trx, ctx, contactId, now);
    const check = await loadAgencyCheck(trx, contactId, agency);
    if (check === undefined) throw new NotFoundError('Agency check');
    if (agencyAnswerNeedsDetails(input.outcome) && input.details === undefined) throw new ValidationError({ details: SCREENING_MESSAGES.details });
    const updated = await answerAgencyCheck(trx, check.id, input.version, { status: input.outcome, details: input.details ?? null, answeredByUserId: actor.userId, answeredAt: now });
    if (!updated) throw new StaleVersionError('agency-check', check.id, { version: check.version });
    await audit({
      action: 'front-door.agency-check.answered',
      subjectType: 'agency-check',
      subjectId: check.id,
      ...(guarded.linkedChildIds[0] === undefined ? {} : { childId: guarded.linkedChildIds[0] }),
      changes: { contactId, agency, outcome: input.outcome, previous: check.status, withoutConsent: check.withoutConsent },
    });
  });
}
