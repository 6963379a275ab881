// Ending targeted early help (domain-spec §4.2 T6, T7): needs met, step down to universal services,
// consent withdrawn, or step up to children's social care. A step up records a contact in the MASH
// queue in the same transaction, through the front door's own contact recording (reference number,
// MASH-01 decision due date, the child linked), carrying the early help history (seed 004 §3 Level 3).
import { contactPeople, linkContactPerson } from '../../db/front-door/contact-repository.ts';
import { closeEpisode } from '../../db/early-help/episode-repository.ts';
import { STEP_UP_REFERRAL_SOURCE } from '../../domain/early-help/early-help.ts';
import { stepUpText } from '../../domain/early-help/step-up.ts';
import { mashDecisionDueOn } from '../../domain/front-door/timescales.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import { insertWithNewReference } from '../front-door/submit-referral-form.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openEpisode, type OpenedEpisode } from './episode-access.ts';
import { closureInput, EARLY_HELP_MESSAGES, parseOrThrow, type ClosureValues } from './input.ts';

export async function openClosureForm(
  deps: AppDeps,
  ctx: RequestContext,
  episodeId: string,
  options: { readonly audit?: boolean } = {},
): Promise<OpenedEpisode> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const opened = await openEpisode(trx, ctx, 'change', episodeId, now);
    const childId = opened.episode.childId;
    if (options.audit !== false)
      await audit({ action: 'early-help.closure-form.viewed', subjectType: 'early-help-episode', subjectId: opened.episode.id, childId });
    return opened;
  });
}

export interface ClosureResult {
  readonly episodeId: string;
  readonly childId: string;
  readonly stepUpContact: { readonly id: string; readonly reference: string } | null;
}

export async function closeEarlyHelp(deps: AppDeps, ctx: RequestContext, episodeId: string, values: ClosureValues): Promise<ClosureResult> {
  const input = parseOrThrow(closureInput, values);
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child, episode, assessment, plan } = await openEpisode(trx, ctx, 'change', episodeId, now);
    const childId = episode.childId;
    const today = londonToday(now);
    const errors: Record<string, string> = {};
    if (parseLocalDate(input.closedOn).isAfter(today)) errors['closedOn'] = EARLY_HELP_MESSAGES.future;
    else if (input.closedOn < episode.referredOn) errors['closedOn'] = EARLY_HELP_MESSAGES.beforeReferral;
    const stepUp = input.outcome === 'step_up';
    if (stepUp && input.stepUpFamilyConsent === null) errors['stepUpFamilyConsent'] = EARLY_HELP_MESSAGES.stepUpFamilyConsent;
    if (stepUp && input.stepUpFamilyConsent !== null && input.stepUpFamilyConsent !== 'yes' && (input.stepUpConsentReason ?? '') === '') {
      errors['stepUpConsentReason'] = EARLY_HELP_MESSAGES.stepUpConsentReason;
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    let contact: { id: string; reference: string } | null = null;
    if (stepUp) {
      const text = stepUpText({
        reason: input.summary,
        referredOn: episode.referredOn,
        referralReference: episode.contactReference ?? 'after a child and family assessment (step down)',
        workerName: episode.workerName,
        teamName: episode.teamName,
        assessment: assessment ?? null,
        plan: plan ?? null,
      });
      const decisionDueOn = toIsoDate(mashDecisionDueOn(today));
      const familyConsent = input.stepUpFamilyConsent ?? 'not_asked';
      contact =
        (await insertWithNewReference(trx, {
          channel: 'early_help_step_up',
          receivedAt: now,
          receivedOn: toIsoDate(today),
          decisionDueOn,
          referralSource: STEP_UP_REFERRAL_SOURCE,
          referrerName: actor.displayName,
          referrerRole: 'Early help worker',
          referrerOrganisation: episode.teamName,
          referrerEmail: null,
          referrerPhone: null,
          addressLine1: child.addressLine1,
          town: child.town,
          postcode: child.postcode,
          worries: text.worries,
          childViews: text.childViews,
          whatTried: text.whatTried,
          earlyHelpAssessmentDone: assessment !== undefined,
          familyConsent,
          familyConsentReason: familyConsent === 'yes' ? null : input.stepUpConsentReason,
          immediateRisk: false,
          immediateRiskDetails: null,
          recordedByUserId: actor.userId,
          submissionToken: null,
          submissionHash: null,
          people: [{ role: 'child', givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, relationship: null }],
        })) ?? null;
      if (contact === null) throw new Error('Step-up contact not inserted');
      const [person] = await contactPeople(trx, contact.id);
      if (person !== undefined) await linkContactPerson(trx, contact.id, person.id, childId, actor.userId, now);
      await audit({
        action: 'front-door.contact.recorded',
        subjectType: 'contact',
        subjectId: contact.id,
        childId,
        changes: {
          channel: 'early_help_step_up',
          receivedOn: toIsoDate(today),
          reference: contact.reference,
          referralSource: STEP_UP_REFERRAL_SOURCE,
          children: 1,
          adults: 0,
          familyConsent,
          earlyHelpAssessmentDone: assessment !== undefined,
          decisionDueOn,
          earlyHelpEpisodeId: episode.id,
        },
      });
    }

    const closed = await closeEpisode(trx, episode.id, input.version, {
      closedOn: input.closedOn,
      closureOutcome: input.outcome,
      closureSummary: input.summary,
      closedByUserId: actor.userId,
      closedAt: now,
      stepUpContactId: contact?.id ?? null,
    });
    if (!closed) throw new StaleVersionError('early-help-episode', episode.id, { version: episode.version });
    await audit({
      action: 'early-help.episode.closed',
      subjectType: 'early-help-episode',
      subjectId: episode.id,
      childId,
      changes: {
        outcome: input.outcome,
        closedOn: input.closedOn,
        stepUpContactId: contact?.id ?? null,
        planAgreed: plan !== undefined,
        reviews: plan?.reviews.length ?? 0,
      },
    });
    return { episodeId: episode.id, childId, stepUpContact: contact };
  });
}
