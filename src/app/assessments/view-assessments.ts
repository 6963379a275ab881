// Reading assessments: a child's list (with referrals ready to start one and next steps still open),
// one assessment, and the forms to write or authorise it. Every read is access-checked and audited.
import {
  listAssessmentReturns,
  listChildAssessments,
  listReferralsAwaitingAssessment,
  type AssessmentReturnRow,
  type StartableReferral,
} from '../../db/assessments/assessment-repository.ts';
import { listChildNextSteps, nextStepOfAssessment, type NextStepRow } from '../../db/assessments/next-step-repository.ts';
import { isEditable } from '../../domain/assessments/child-and-family-assessment.ts';
import { NEXT_STEP_KINDS } from '../../domain/assessments/outcome.ts';
import { assessmentRag, explainAssessmentDue } from '../../domain/assessments/timescales.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { explainDue, ragStatus, type DueExplanation, type RagStatus } from '../../domain/shared/timescales/rule.ts';
import { londonToday } from '../front-door/london-time.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { managesAssessmentTeam, openAssessment, type AssessmentRow } from './assessment-access.ts';

export type { AssessmentReturnRow, StartableReferral } from '../../db/assessments/assessment-repository.ts';
export type { NextStepRow } from '../../db/assessments/next-step-repository.ts';
export type { AssessmentRow } from './assessment-access.ts';

export interface AssessmentTimescale {
  readonly due: DueExplanation;
  /** Null once authorised (the timeliness is recorded instead). */
  readonly rag: RagStatus | null;
}

export interface NextStepView {
  readonly step: NextStepRow;
  readonly due: DueExplanation;
  readonly rag: RagStatus | null;
}

/** Amber from 1 working day before a next step is due (CFG, as MASH-01's short window). */
const NEXT_STEP_AMBER_WITHIN_WORKING_DAYS = 1;

function timescaleOf(assessment: AssessmentRow, now: Date): AssessmentTimescale {
  const referredOn = parseLocalDate(assessment.referredOn);
  return { due: explainAssessmentDue(referredOn), rag: assessment.status === 'authorised' ? null : assessmentRag(referredOn, londonToday(now)) };
}

function nextStepView(step: NextStepRow, now: Date): NextStepView {
  const due = explainDue(NEXT_STEP_KINDS[step.kind].rule, parseLocalDate(step.openedOn));
  return { step, due, rag: step.status === 'open' ? ragStatus(due.due, londonToday(now), NEXT_STEP_AMBER_WITHIN_WORKING_DAYS) : null };
}

export interface ChildAssessments {
  readonly child: ChildHeader;
  readonly assessments: readonly { readonly assessment: AssessmentRow; readonly timescale: AssessmentTimescale }[];
  readonly nextSteps: readonly NextStepView[];
  /** Allocated referrals for an assessment with none started yet. */
  readonly startable: readonly StartableReferral[];
  readonly mayStart: boolean;
}

export async function viewChildAssessments(deps: AppDeps, ctx: RequestContext, childId: string): Promise<ChildAssessments> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const [rows, steps, startable] = await Promise.all([
      listChildAssessments(trx, childId),
      listChildNextSteps(trx, childId),
      listReferralsAwaitingAssessment(trx, childId),
    ]);
    const mayStart = can(actor, 'assessments:record') && (await mayChangeChildRecord(trx, actor, childId, now));
    await audit({ action: 'assessments.assessments.viewed', subjectType: 'person', subjectId: childId, childId });
    return {
      child,
      assessments: rows.map((assessment) => ({ assessment, timescale: timescaleOf(assessment, now) })),
      nextSteps: steps.map((s) => nextStepView(s, now)),
      startable,
      mayStart,
    };
  });
}

export interface AssessmentPage {
  readonly child: ChildHeader;
  readonly assessment: AssessmentRow;
  readonly timescale: AssessmentTimescale;
  readonly returns: readonly AssessmentReturnRow[];
  readonly nextStep: NextStepView | null;
  readonly mayEdit: boolean;
  readonly mayAuthorise: boolean;
  readonly mayRecordNextStep: boolean;
}

/**
 * One assessment. `action` is what the page does ('read' to view it, 'change' for the forms); `audit:
 * false` re-opens it to show a form again with errors (access checked again, no second view recorded).
 */
export async function viewAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  assessmentId: string,
  options: { readonly action?: 'read' | 'change'; readonly auditAs?: string | false } = {},
): Promise<AssessmentPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const action = options.action ?? 'read';
    const { actor, child, assessment } = await openAssessment(trx, ctx, 'people:view-child', action, childId, assessmentId, now);
    const [returns, step] = await Promise.all([listAssessmentReturns(trx, assessmentId), nextStepOfAssessment(trx, assessmentId)]);
    const mayChange = action === 'change' || (await mayChangeChildRecord(trx, actor, childId, now));
    const mayRecord = mayChange && can(actor, 'assessments:record');
    if (options.auditAs !== false) {
      await audit({ action: options.auditAs ?? 'assessments.assessment.viewed', subjectType: 'assessment', subjectId: assessmentId, childId });
    }
    return {
      child,
      assessment,
      timescale: timescaleOf(assessment, now),
      returns,
      nextStep: step === undefined ? null : nextStepView(step, now),
      mayEdit: mayRecord && isEditable(assessment.status),
      mayAuthorise:
        mayChange &&
        can(actor, 'assessments:authorise') &&
        assessment.status === 'awaiting_authorisation' &&
        managesAssessmentTeam(actor, assessment) &&
        actor.userId !== assessment.workerUserId,
      mayRecordNextStep: mayRecord && step?.status === 'open',
    };
  });
}
