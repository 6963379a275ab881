// What each outcome of an authorised assessment opens next, in one place (seed 004 §8; domain-spec
// §1.3 ASS-02, §4.2 T9-T13). Runs inside the authorisation's unit of work, so the outcome and the
// record it opens commit together or not at all.
//
// - nfa: nothing opens; the assessment's outcome is the record (the case closure reason, RC8, belongs
//   to the child in need module).
// - step_down_early_help: a referral to Targeted Early Help at level 3, with the family's consent
//   (seed 004 §7; domain-spec §4.2 T12), in the early help queue beside the MASH's.
// - cin_plan: a draft child in need plan (and its episode) opens for the allocated worker, due to be
//   agreed within CIN-01 (src/app/child-in-need/open-plan.ts); it shows on the child's record and in My work.
// - strategy_s47: a strategy discussion to be held, due within S47-01, linked to the assessment
//   (src/app/child-protection/open-strategy-discussion.ts).
// - accommodation_s20 and specialist_service: no looked-after or specialist module yet, so an open
//   next step with its due date, as above.
import { NEXT_STEP_KINDS, NEXT_STEP_OF_OUTCOME, type AssessmentOutcome, type NextStepKind } from '../../domain/assessments/outcome.ts';
import { dueDate } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { insertNextStep, insertStepDownEarlyHelpReferral } from '../../db/assessments/next-step-repository.ts';
import { openChildInNeedPlan } from '../child-in-need/open-plan.ts';
import { openStrategyDiscussion } from '../child-protection/open-strategy-discussion.ts';
import type { Work } from '../shared/unit-of-work.ts';

/** Level 3 of the Milton Keynes levels of need: targeted early help (seed 004 §3, §7). */
export const STEP_DOWN_NEED_LEVEL = 3;

export interface AuthorisedAssessment {
  readonly assessmentId: string;
  readonly childId: string;
  readonly teamId: string;
  readonly workerUserId: string;
  /** ISO date the manager authorised it: the day the next record opens. */
  readonly openedOn: string;
  readonly outcome: AssessmentOutcome;
  readonly specialistService: string | null;
  readonly familyConsent: boolean | null;
}

/** The record an outcome opened, for the audit event and the redirect. */
export type NextRecord =
  | { readonly kind: 'none' }
  | { readonly kind: 'early_help_referral'; readonly id: string }
  | { readonly kind: 'child_in_need_plan'; readonly id: string }
  | { readonly kind: 'strategy_discussion'; readonly id: string }
  | { readonly kind: 'next_step'; readonly id: string; readonly step: NextStepKind; readonly dueOn: string };

async function recordNextStep(work: Work, authorised: AuthorisedAssessment, step: NextStepKind): Promise<NextRecord> {
  const rule = NEXT_STEP_KINDS[step].rule;
  const dueOn = toIsoDate(dueDate(rule, parseLocalDate(authorised.openedOn)));
  const id = await insertNextStep(work.trx, {
    assessmentId: authorised.assessmentId,
    childId: authorised.childId,
    kind: step,
    specialistService: step === 'specialist_service' ? authorised.specialistService : null,
    ruleId: rule.id,
    openedOn: authorised.openedOn,
    dueOn,
    createdAt: work.now,
  });
  await work.audit({
    action: 'assessments.next-step.opened',
    subjectType: 'assessment-next-step',
    subjectId: id,
    childId: authorised.childId,
    changes: { assessmentId: authorised.assessmentId, kind: step, ruleId: rule.id, dueOn, specialistService: authorised.specialistService },
  });
  return { kind: 'next_step', id, step, dueOn };
}

/** CIN-01: a draft child in need plan, in the caller's transaction (the child in need module audits it). */
export async function openChildInNeedPlanFromAssessment(work: Work, authorised: AuthorisedAssessment): Promise<NextRecord> {
  const { planId } = await openChildInNeedPlan(work, {
    childId: authorised.childId,
    assessmentId: authorised.assessmentId,
    teamId: authorised.teamId,
    workerUserId: authorised.workerUserId,
    openedOn: authorised.openedOn,
  });
  return { kind: 'child_in_need_plan', id: planId };
}

/** S47-01: a strategy discussion to be held, in the caller's transaction (the child protection module audits it). */
export async function openStrategyDiscussionFromAssessment(work: Work, authorised: AuthorisedAssessment): Promise<NextRecord> {
  const { strategyDiscussionId } = await openStrategyDiscussion(work, {
    childId: authorised.childId,
    teamId: authorised.teamId,
    openedOn: authorised.openedOn,
    source: { kind: 'assessment', assessmentId: authorised.assessmentId },
  });
  return { kind: 'strategy_discussion', id: strategyDiscussionId };
}

async function stepDownToEarlyHelp(work: Work, authorised: AuthorisedAssessment): Promise<NextRecord> {
  // The domain rule (authorisationProblems) and a database check both insist on consent.
  const familyConsent = authorised.familyConsent === true;
  const id = await insertStepDownEarlyHelpReferral(work.trx, {
    assessmentId: authorised.assessmentId,
    childId: authorised.childId,
    referredOn: authorised.openedOn,
    needLevel: STEP_DOWN_NEED_LEVEL,
    familyConsent,
    createdAt: work.now,
  });
  await work.audit({
    action: 'front-door.early-help-referral.created',
    subjectType: 'early-help-referral',
    subjectId: id,
    childId: authorised.childId,
    changes: { assessmentId: authorised.assessmentId, needLevel: STEP_DOWN_NEED_LEVEL, familyConsent, referredOn: authorised.openedOn },
  });
  return { kind: 'early_help_referral', id };
}

/** Opens what the outcome leads to. */
export async function openNextRecord(work: Work, authorised: AuthorisedAssessment): Promise<NextRecord> {
  switch (authorised.outcome) {
    case 'nfa':
      return { kind: 'none' };
    case 'step_down_early_help':
      return stepDownToEarlyHelp(work, authorised);
    case 'cin_plan':
      return openChildInNeedPlanFromAssessment(work, authorised);
    case 'strategy_s47':
      return openStrategyDiscussionFromAssessment(work, authorised);
    case 'accommodation_s20':
    case 'specialist_service': {
      const step = NEXT_STEP_OF_OUTCOME[authorised.outcome];
      if (step === null) return { kind: 'none' };
      return recordNextStep(work, authorised, step);
    }
  }
}
