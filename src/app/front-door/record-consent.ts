// Consent to multi-agency checks (seed 004 §5; domain-spec BR-02, MASH-04): given, refused or not
// sought; when checks go ahead without consent, the ground (clear risk to the child, or the public
// interest) and why it is proportionate. A decision to share without consent is audited as such.
import { markScreening, updateOpenContact } from '../../db/front-door/contact-repository.ts';
import { consentProblems, sharesWithoutConsent, type ConsentProblem } from '../../domain/front-door/consent.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { SCREENING_MESSAGES, type ConsentInput } from './screening-input.ts';
import { openScreeningStep } from './screening-step.ts';

function messages(problems: readonly ConsentProblem[], input: ConsentInput): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    if (problem === 'override-reason-required') errors['overrideReason'] = SCREENING_MESSAGES.overrideReason;
    if (problem === 'rationale-required') errors['rationale'] = input.proceedWithoutConsent === true ? SCREENING_MESSAGES.rationaleWithout : SCREENING_MESSAGES.rationaleRefused;
    if (problem === 'override-not-needed') errors['overrideReason'] = SCREENING_MESSAGES.overrideNotNeeded;
  }
  return errors;
}

export async function recordConsent(deps: AppDeps, ctx: RequestContext, contactId: string, input: ConsentInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, guarded, contact } = await openScreeningStep(trx, ctx, contactId, now);
    const given = input.consent === 'given';
    if (!given && input.proceedWithoutConsent === null) throw new ValidationError({ proceedWithoutConsent: SCREENING_MESSAGES.proceed });
    const decision = {
      consent: input.consent,
      proceedWithoutConsent: given ? false : input.proceedWithoutConsent === true,
      overrideReason: given ? null : input.overrideReason,
      rationale: given ? null : (input.rationale ?? null),
    };
    const problems = consentProblems(decision);
    if (problems.length > 0) throw new ValidationError(messages(problems, input));
    const updated = await updateOpenContact(trx, contactId, input.version, {
      consentToChecks: decision.consent,
      checksWithoutConsent: decision.proceedWithoutConsent,
      consentOverrideReason: decision.overrideReason,
      consentRationale: decision.rationale,
      consentRecordedByUserId: actor.userId,
      consentRecordedAt: now,
    });
    if (!updated) throw new StaleVersionError('contact', contactId, { version: contact.version });
    await markScreening(trx, contactId);
    await audit({
      action: 'front-door.consent.recorded',
      subjectType: 'contact',
      subjectId: contactId,
      ...(guarded.linkedChildIds[0] === undefined ? {} : { childId: guarded.linkedChildIds[0] }),
      changes: {
        consent: decision.consent,
        proceedWithoutConsent: decision.proceedWithoutConsent,
        overrideReason: decision.overrideReason,
        sharesWithoutConsent: sharesWithoutConsent(decision),
        previous: contact.consentToChecks,
      },
    });
  });
}
