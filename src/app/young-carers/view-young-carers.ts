// Reading young carers' assessments: a child's list (with the people related to the child who may be
// the person cared for, for the start form), and one assessment. Every read is access-checked and audited.
import { listRelatedPeople } from '../../db/people/relationship-repository.ts';
import {
  listChildYoungCarerAssessments,
  listPlanReviews,
  listYoungCarerReturns,
  type PlanReviewRow,
  type YoungCarerReturnRow,
} from '../../db/young-carers/young-carer-repository.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { DueExplanation, RagStatus } from '../../domain/shared/timescales/rule.ts';
import { ragStatus } from '../../domain/shared/timescales/rule.ts';
import { explainSupportPlanReviewDue, explainYoungCarerAssessmentDue, youngCarerAssessmentRag } from '../../domain/young-carers/timescales.ts';
import { isEditable } from '../../domain/young-carers/young-carer-assessment.ts';
import { londonToday } from '../front-door/london-time.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { managesYoungCarerTeam, openYoungCarerAssessment, type YoungCarerAssessmentRow } from './young-carer-access.ts';

export type { YoungCarerAssessmentRow } from './young-carer-access.ts';
export type { PlanReviewRow, YoungCarerReturnRow } from '../../db/young-carers/young-carer-repository.ts';

export interface YoungCarerTimescale {
  readonly due: DueExplanation;
  /** Null once authorised (the timeliness is recorded instead). */
  readonly rag: RagStatus | null;
  /** The support plan's review (YC-02), once authorised with a support plan. */
  readonly review: { readonly due: DueExplanation; readonly rag: RagStatus } | null;
}

/** Amber from 10 working days before a support plan review is due (CFG, as the assessment). */
const REVIEW_AMBER_WITHIN_WORKING_DAYS = 10;

export function timescaleOf(a: YoungCarerAssessmentRow, now: Date): YoungCarerTimescale {
  const requestedOn = parseLocalDate(a.requestedOn);
  const today = londonToday(now);
  const review =
    a.supportPlanReviewFrom === null
      ? null
      : (() => {
          const due = explainSupportPlanReviewDue(parseLocalDate(a.supportPlanReviewFrom));
          return { due, rag: ragStatus(due.due, today, REVIEW_AMBER_WITHIN_WORKING_DAYS) };
        })();
  return { due: explainYoungCarerAssessmentDue(requestedOn), rag: a.status === 'authorised' ? null : youngCarerAssessmentRag(requestedOn, today), review };
}

export interface RelatedPersonChoice {
  readonly personId: string;
  readonly name: string;
  readonly relationship: string;
  readonly personType: 'child' | 'unborn' | 'adult';
}

export interface ChildYoungCarers {
  readonly child: ChildHeader;
  readonly assessments: readonly { readonly assessment: YoungCarerAssessmentRow; readonly timescale: YoungCarerTimescale }[];
  /** People related to the child whom the actor may see: the choices for "who is cared for". */
  readonly related: readonly RelatedPersonChoice[];
  readonly mayStart: boolean;
}

export async function viewChildYoungCarers(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  options: { readonly audit?: boolean } = {},
): Promise<ChildYoungCarers> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const [rows, related] = await Promise.all([listChildYoungCarerAssessments(trx, childId), listRelatedPeople(trx, actor, now, [childId])]);
    const mayStart = child.personType === 'child' && can(actor, 'young-carers:record') && (await mayChangeChildRecord(trx, actor, childId, now));
    if (options.audit !== false) await audit({ action: 'young-carers.assessments.viewed', subjectType: 'person', subjectId: childId, childId });
    return {
      child,
      assessments: rows.map((assessment) => ({ assessment, timescale: timescaleOf(assessment, now) })),
      related: related
        .filter((r) => r.visible && r.personType !== 'unborn' && r.relationship !== 'professional')
        .map((r) => ({ personId: r.relatedPersonId, name: `${r.givenName} ${r.familyName}`, relationship: r.relationship, personType: r.personType })),
      mayStart,
    };
  });
}

export interface YoungCarerPage {
  readonly child: ChildHeader;
  readonly assessment: YoungCarerAssessmentRow;
  readonly timescale: YoungCarerTimescale;
  readonly returns: readonly YoungCarerReturnRow[];
  readonly reviews: readonly PlanReviewRow[];
  readonly mayEdit: boolean;
  /** Whether the actor may record the support plan's review (one is due). */
  readonly mayReview: boolean;
  readonly mayAuthorise: boolean;
}

/**
 * One assessment. `action` is what the page does ('read' to view it, 'change' for the forms); `auditAs:
 * false` re-opens it to show a form again with errors (access checked again, no second view recorded).
 */
export async function viewYoungCarerAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  id: string,
  options: { readonly action?: 'read' | 'change'; readonly auditAs?: string | false } = {},
): Promise<YoungCarerPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const action = options.action ?? 'read';
    const { actor, child, assessment } = await openYoungCarerAssessment(trx, ctx, 'people:view-child', action, childId, id, now);
    const [returns, reviews] = await Promise.all([listYoungCarerReturns(trx, id), listPlanReviews(trx, id)]);
    const mayChange = action === 'change' || (await mayChangeChildRecord(trx, actor, childId, now));
    if (options.auditAs !== false) {
      await audit({ action: options.auditAs ?? 'young-carers.assessment.viewed', subjectType: 'young-carer-assessment', subjectId: id, childId });
    }
    return {
      child,
      assessment,
      timescale: timescaleOf(assessment, now),
      returns,
      reviews,
      mayEdit: mayChange && can(actor, 'young-carers:record') && isEditable(assessment.status),
      mayReview: mayChange && can(actor, 'young-carers:record') && assessment.status === 'authorised' && assessment.supportPlanReviewDueOn !== null,
      mayAuthorise:
        mayChange &&
        can(actor, 'young-carers:authorise') &&
        assessment.status === 'awaiting_authorisation' &&
        managesYoungCarerTeam(actor, assessment) &&
        actor.userId !== assessment.workerUserId,
    };
  });
}
