// The MASH decision (seed 004 §3-5, §7, §9; domain-spec §4.2 T2-T5), by a MASH manager, due within one
// working day of receipt (MASH-01; whether it was met is recorded with it). The screening must be
// complete: every child linked, consent to checks recorded, a level of need chosen. Each outcome starts
// its next step in the same transaction: a social care referral per child, in the chosen team's queue
// with the child allocated to that team (for an assessment, or a strategy discussion where significant
// harm is suspected), or an early help referral per child, with the family's consent.
import { updateOpenContact } from '../../db/front-door/contact-repository.ts';
import { referralTeams } from '../../db/front-door/caseload-repository.ts';
import { allocateToTeam, insertEarlyHelpReferrals, insertReferrals } from '../../db/front-door/referral-repository.ts';
import { decisionProblems, nextRecordFor, NEXT_STATE, referralPurposeFor, type DecisionProblem } from '../../domain/front-door/mash-decision.ts';
import { isNeedLevel } from '../../domain/front-door/levels-of-need.ts';
import { timelinessOf } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { placeWithEarlyHelpTeam } from '../early-help/index.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import { initialNeedProblem, requireInitialNeed } from '../shared/initial-need.ts';
import { once, type Submission } from '../shared/idempotency.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonToday } from './london-time.ts';
import { SCREENING_MESSAGES, type DecisionInput } from './screening-input.ts';
import { openScreeningStep } from './screening-step.ts';

const PROBLEM_FIELDS: Readonly<Record<DecisionProblem, [string, string]>> = {
  'children-not-linked': ['outcome', SCREENING_MESSAGES.childrenNotLinked],
  'consent-not-recorded': ['outcome', SCREENING_MESSAGES.consentNotRecorded],
  'level-not-recorded': ['outcome', SCREENING_MESSAGES.levelNotRecorded],
  'team-required': ['teamId', SCREENING_MESSAGES.team],
  'early-help-consent-required': ['familyConsentsToEarlyHelp', SCREENING_MESSAGES.earlyHelpConsent],
};

export interface DecisionResult {
  readonly outcome: DecisionInput['outcome'];
  readonly withinTimescale: boolean;
  readonly referralIds: readonly string[];
  readonly earlyHelpReferralIds: readonly string[];
}

export async function recordMashDecision(
  deps: AppDeps,
  ctx: RequestContext,
  contactId: string,
  input: DecisionInput,
  submission?: Submission,
): Promise<DecisionResult> {
  return unitOfWork(deps, ctx, async (work) => {
    const { trx, now, audit } = work;
    const outcome = await once(work, ctx, submission, 'front-door.decision.recorded', async () => {
      const { actor, guarded, contact } = await openScreeningStep(trx, ctx, contactId, now, 'front-door:decide');
      const next = nextRecordFor(input.outcome);
      let teamId: string | null = null;
      if (next === 'social_care_referral' && input.teamId !== null) {
        const teams = await referralTeams(trx);
        if (!teams.some((t) => t.id === input.teamId)) throw new ValidationError({ teamId: SCREENING_MESSAGES.team });
        teamId = input.teamId;
      }
      const level = contact.needLevel !== null && isNeedLevel(contact.needLevel) ? contact.needLevel : null;
      const problems = decisionProblems({
        outcome: input.outcome,
        teamChosen: teamId !== null,
        familyConsentsToEarlyHelp: input.familyConsentsToEarlyHelp,
        consentToChecks: contact.consentToChecks,
        level,
        unlinkedChildren: guarded.people.filter((p) => p.role === 'child' && p.personId === null).length,
      });
      // A referral to children's social care records the child's primary need as first seen (DfE CIN
      // census guide: the primary need identified at referral; rule 8610), until an assessment gives one.
      const needRequired = next === 'social_care_referral';
      const needError = needRequired ? initialNeedProblem(input.primaryNeed) : undefined;
      if (problems.length > 0 || needError !== undefined) {
        const errors: Record<string, string> = {};
        for (const p of problems) {
          const [field, message] = PROBLEM_FIELDS[p];
          errors[field] ??= message;
        }
        if (needError !== undefined) errors['primaryNeed'] = needError;
        throw new ValidationError(errors);
      }
      const primaryNeed = needRequired ? requireInitialNeed(input.primaryNeed) : null;
      const today = londonToday(now);
      const receivedOn = parseLocalDate(contact.receivedOn);
      const timeliness = timelinessOf(receivedOn, parseLocalDate(contact.decisionDueOn), today);
      const decidedOn = toIsoDate(today);
      const updated = await updateOpenContact(trx, contactId, input.version, {
        status: 'decided',
        outcome: input.outcome,
        decisionRationale: input.rationale,
        decidedByUserId: actor.userId,
        decidedAt: now,
        decidedOn,
        decisionWorkingDays: timeliness.workingDaysTaken,
        decidedWithinTimescale: timeliness.met,
      });
      if (!updated) throw new StaleVersionError('contact', contactId, { version: contact.version });

      const childIds = guarded.linkedChildIds;
      const purpose = referralPurposeFor(input.outcome);
      const referrals =
        purpose !== null && teamId !== null
          ? await insertReferrals(
              trx,
              childIds.map((childId) => ({
                contactId,
                childId,
                purpose,
                referralSource: contact.referralSource,
                referredOn: decidedOn,
                primaryNeed,
                teamId,
                createdAt: now,
              })),
            )
          : [];
      if (teamId !== null) for (const childId of childIds) await allocateToTeam(trx, childId, teamId, decidedOn);
      const earlyHelp =
        next === 'early_help_referral' && level !== null
          ? await insertEarlyHelpReferrals(
              trx,
              childIds.map((childId) => ({ contactId, childId, referredOn: decidedOn, needLevel: level, familyConsent: true, createdAt: now })),
            )
          : [];
      const earlyHelpTeamId =
        earlyHelp.length > 0
          ? await placeWithEarlyHelpTeam(
              trx,
              earlyHelp.map((e) => e.childId),
              decidedOn,
            )
          : null;

      await audit({
        action: 'front-door.decision.recorded',
        subjectType: 'contact',
        subjectId: contactId,
        ...(childIds[0] === undefined ? {} : { childId: childIds[0] }),
        changes: {
          outcome: input.outcome,
          nextState: NEXT_STATE[input.outcome],
          level,
          primaryNeed,
          teamId: teamId ?? earlyHelpTeamId,
          decidedOn,
          decisionDueOn: contact.decisionDueOn,
          withinTimescale: timeliness.met,
          workingDays: timeliness.workingDaysTaken,
          children: childIds.length,
        },
      });
      for (const r of referrals) {
        await audit({
          action: 'casework.referral.created',
          subjectType: 'referral',
          subjectId: r.id,
          childId: r.childId,
          changes: { contactId, purpose, teamId, referralSource: contact.referralSource, referredOn: decidedOn, primaryNeed },
        });
      }
      for (const e of earlyHelp) {
        await audit({
          action: 'front-door.early-help-referral.created',
          subjectType: 'early-help-referral',
          subjectId: e.id,
          childId: e.childId,
          changes: { contactId, needLevel: level, familyConsent: true, referredOn: decidedOn },
        });
      }
      return {
        outcome: input.outcome,
        withinTimescale: timeliness.met,
        referralIds: referrals.map((r) => r.id),
        earlyHelpReferralIds: earlyHelp.map((e) => e.id),
      };
    });
    return outcome.result;
  });
}
