// The "Child protection plan" page of a child's record and a conference's page: what is waiting,
// when it is due and why (explainDue), the plan, its quality checks and what is due next.
import {
  findConference,
  findOpenInitialConference,
  listConferences,
  listInvitations,
  type ConferenceRow,
  type InvitationRow,
} from '../../db/child-protection/conference-repository.ts';
import { findActivePlan, listPlans, listTeamWorkers, loadPlanDetail, type PlanDetail, type PlanRow } from '../../db/child-protection/cp-plan-repository.ts';
import { findDraft } from '../../db/drafts/draft-repository.ts';
import { isLongPlan, planQualityChecks, type QualityCheck } from '../../domain/child-protection/cp-plan.ts';
import { nextReviewConference, planSchedule, type PlanDue } from '../../domain/child-protection/cp-plan-schedule.ts';
import { CP_AMBER_WITHIN_WORKING_DAYS, explainInitialConferenceDue } from '../../domain/child-protection/timescales.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { ragStatus, type DueExplanation, type RagStatus } from '../../domain/shared/timescales/rule.ts';
import type { ChildHeader } from '../records/child-page.ts';
import { mayChangeChildRecord } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { loadPlanFacts, openForChildProtection, todayIso } from './cp-access.ts';
import { icpcDraftJourney } from './record-initial-conference.ts';

export interface DueView {
  readonly explanation: DueExplanation;
  readonly rag: RagStatus;
}

export interface ActivePlanView {
  readonly plan: PlanDetail;
  readonly schedule: readonly (PlanDue & { readonly rag: RagStatus })[];
  readonly quality: readonly QualityCheck[];
  readonly longPlan: boolean;
  readonly openReview: ConferenceRow | null;
}

export interface ChildProtectionView {
  readonly child: ChildHeader;
  readonly openInitial: (ConferenceRow & { readonly due: DueView; readonly invitations: readonly InvitationRow[] }) | null;
  readonly active: ActivePlanView | null;
  readonly conferences: readonly ConferenceRow[];
  readonly plans: readonly PlanRow[];
  readonly may: { readonly record: boolean; readonly convene: boolean; readonly chair: boolean };
}

function dueView(explanation: DueExplanation, today: string): DueView {
  return { explanation, rag: ragStatus(explanation.due, parseLocalDate(today), CP_AMBER_WITHIN_WORKING_DAYS) };
}

/** The ICPC's due date, recomputed from its anchor so the explanation matches the stored date. */
async function initialDue(deps: { trx: Parameters<typeof findConference>[0] }, conference: ConferenceRow): Promise<DueExplanation> {
  const person = await deps.trx.selectFrom('person').select(['expectedDateOfDelivery']).where('id', '=', conference.childId).executeTakeFirst();
  const edd = conference.preBirth && person?.expectedDateOfDelivery != null ? { expectedDateOfDelivery: parseLocalDate(person.expectedDateOfDelivery) } : null;
  return explainInitialConferenceDue(parseLocalDate(conference.strategyHeldOn ?? conference.dueOn), edd);
}

export async function viewChildProtection(deps: AppDeps, ctx: RequestContext, childId: string): Promise<ChildProtectionView> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openForChildProtection(trx, ctx, 'people:view-child', 'read', childId, now);
    const today = todayIso(now);
    const [open, planRow, conferences, plans] = await Promise.all([
      findOpenInitialConference(trx, childId),
      findActivePlan(trx, childId),
      listConferences(trx, childId),
      listPlans(trx, childId),
    ]);
    const openInitial =
      open === undefined ? null : { ...open, due: dueView(await initialDue({ trx }, open), today), invitations: await listInvitations(trx, open.id) };
    let active: ActivePlanView | null = null;
    if (planRow !== undefined) {
      const plan = await loadPlanDetail(trx, planRow);
      const facts = await loadPlanFacts(trx, planRow);
      const schedule = planSchedule(facts).map((item) => ({
        ...item,
        rag: ragStatus(item.explanation.due, parseLocalDate(today), CP_AMBER_WITHIN_WORKING_DAYS),
      }));
      const openReview = conferences.find((c) => c.kind === 'review' && c.status === 'to_be_held' && c.planId === plan.id) ?? null;
      active = {
        plan,
        schedule,
        quality: planQualityChecks(
          { outcomes: plan.outcomes, actions: plan.actions, contingencyPlan: plan.contingencyPlan },
          { leadWorkerNamed: plan.leadWorkerUserId !== null, coreGroupMembers: plan.coreGroup.length },
        ),
        longPlan: isLongPlan(parseLocalDate(plan.startedOn), parseLocalDate(today)),
        openReview,
      };
    }
    const mayChange = await mayChangeChildRecord(trx, actor, childId, now);
    await audit({
      action: 'child-protection.plan-page.viewed',
      subjectType: 'person',
      subjectId: childId,
      childId,
      changes: { activePlan: planRow?.id ?? null },
    });
    return {
      child,
      openInitial,
      active,
      conferences,
      plans,
      may: {
        record: mayChange && can(actor, 'child-protection:record'),
        convene: mayChange && can(actor, 'child-protection:convene'),
        chair: mayChange && can(actor, 'child-protection:chair'),
      },
    };
  });
}

export interface ConferenceView {
  readonly child: ChildHeader;
  readonly conference: ConferenceRow;
  readonly invitations: readonly InvitationRow[];
  readonly due: DueView | null;
  readonly plan: PlanRow | null;
  readonly teamWorkers: readonly { readonly id: string; readonly displayName: string }[];
  readonly draft: Record<string, unknown> | null;
  readonly may: { readonly record: boolean; readonly chair: boolean };
}

/** A conference's page (and the chair's outcome form, with their saved draft). */
export async function viewConference(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  conferenceId: string,
  options: { readonly forOutcome?: boolean; readonly audit?: boolean } = {},
): Promise<ConferenceView> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const forOutcome = options.forOutcome === true;
    const { actor, child } = await openForChildProtection(
      trx,
      ctx,
      forOutcome ? 'child-protection:chair' : 'people:view-child',
      forOutcome ? 'change' : 'read',
      childId,
      now,
    );
    const conference = await findConference(trx, childId, conferenceId);
    if (conference === undefined) throw new NotFoundError('Conference');
    if (forOutcome && conference.status !== 'to_be_held') throw new NotFoundError('Conference waiting to be held');
    const today = todayIso(now);
    const planRow = conference.planId === null ? undefined : (await listPlans(trx, childId)).find((p) => p.id === conference.planId);
    let due: DueView | null = null;
    if (conference.status === 'to_be_held') {
      if (conference.kind === 'initial') due = dueView(await initialDue({ trx }, conference), today);
      else if (planRow !== undefined) due = dueView(nextReviewConference(await loadPlanFacts(trx, planRow)).explanation, today);
    }
    const [invitations, teamWorkers] = await Promise.all([
      listInvitations(trx, conferenceId),
      forOutcome ? listTeamWorkers(trx, conference.teamId) : Promise.resolve([]),
    ]);
    const draft = forOutcome ? ((await findDraft(trx, actor.userId, icpcDraftJourney(conferenceId))) ?? null) : null;
    const mayChange = await mayChangeChildRecord(trx, actor, childId, now);
    if (options.audit !== false) {
      await audit({
        action: forOutcome ? 'child-protection.conference-outcome-form.viewed' : 'child-protection.conference.viewed',
        subjectType: 'cp-conference',
        subjectId: conferenceId,
        childId,
      });
    }
    return {
      child,
      conference,
      invitations,
      due,
      plan: planRow ?? null,
      teamWorkers,
      draft,
      may: { record: mayChange && can(actor, 'child-protection:record'), chair: mayChange && can(actor, 'child-protection:chair') },
    };
  });
}

/**
 * Whose record a conference is on, for the pages addressed by conference id. Only the id is read; the
 * page's own use case then checks access to that child's record (and audits a refusal).
 */
export async function conferenceChildId(deps: AppDeps, conferenceId: string): Promise<string> {
  const row = await deps.db.selectFrom('cpConference').select('childId').where('id', '=', conferenceId).executeTakeFirst();
  if (row === undefined) throw new NotFoundError('Conference');
  return row.childId;
}
