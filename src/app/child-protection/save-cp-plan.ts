// The child protection plan's content: outcomes, actions (who, by when) and the contingency plan.
// "Save as draft" keeps the half-written form in the draft table (CONVENTIONS.md 12); "Save and
// finalise" checks the plan is complete (src/domain/child-protection/cp-plan.ts planFinaliseProblems:
// no plan is final without a contingency plan) and replaces the plan's content, version-checked.
import { findActivePlan, loadPlanDetail, savePlanContent, type PlanDetail } from '../../db/child-protection/cp-plan-repository.ts';
import { deleteDraft, findDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import { planFinaliseProblems } from '../../domain/child-protection/cp-plan.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import type { ChildHeader } from '../records/child-page.ts';
import { openForChildProtection } from './cp-access.ts';

export const cpPlanDraftJourney = (planId: string): string => `child-protection:plan:${planId}`;

export interface CpPlanContentInput {
  readonly version: number;
  readonly outcomes: readonly string[];
  readonly actions: readonly { readonly action: string; readonly owner: string | null; readonly dueOn: string | null }[];
  readonly contingencyPlan: string | null;
}

export interface CpPlanForm {
  readonly child: ChildHeader;
  readonly plan: PlanDetail;
  readonly draft: Record<string, unknown> | null;
}

export async function openCpPlanForm(deps: AppDeps, ctx: RequestContext, childId: string, options: { readonly audit?: boolean } = {}): Promise<CpPlanForm> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openForChildProtection(trx, ctx, 'child-protection:record', 'change', childId, now);
    const row = await findActivePlan(trx, childId);
    if (row === undefined) throw new NotFoundError('Child protection plan');
    const plan = await loadPlanDetail(trx, row);
    const draft = (await findDraft(trx, actor.userId, cpPlanDraftJourney(plan.id))) ?? null;
    if (options.audit !== false) {
      await audit({ action: 'child-protection.plan-form.viewed', subjectType: 'cp-plan', subjectId: plan.id, childId, changes: { draft: draft !== null } });
    }
    return { child, plan, draft };
  });
}

export async function saveCpPlanDraft(deps: AppDeps, ctx: RequestContext, childId: string, values: Record<string, unknown>): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChildProtection(trx, ctx, 'child-protection:record', 'change', childId, now);
    const plan = await findActivePlan(trx, childId);
    if (plan === undefined) throw new NotFoundError('Child protection plan');
    await upsertDraft(trx, actor.userId, cpPlanDraftJourney(plan.id), values, now);
    await audit({ action: 'child-protection.plan-draft.saved', subjectType: 'cp-plan', subjectId: plan.id, childId });
  });
}

export async function saveCpPlan(deps: AppDeps, ctx: RequestContext, childId: string, input: CpPlanContentInput): Promise<{ planId: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChildProtection(trx, ctx, 'child-protection:record', 'change', childId, now);
    const plan = await findActivePlan(trx, childId);
    if (plan === undefined) throw new NotFoundError('Child protection plan');
    const problems = planFinaliseProblems({
      outcomes: input.outcomes.map((description) => ({ description })),
      actions: input.actions,
      contingencyPlan: input.contingencyPlan,
    });
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    const saved = await savePlanContent(trx, plan.id, input.version, {
      outcomes: input.outcomes,
      actions: input.actions,
      contingencyPlan: input.contingencyPlan,
      finalisedAt: now,
      finalisedByUserId: actor.userId,
    });
    if (!saved) throw new StaleVersionError('cp-plan', plan.id, plan);
    const draft = await deleteDraft(trx, actor.userId, cpPlanDraftJourney(plan.id));
    await audit({
      action: 'child-protection.plan.finalised',
      subjectType: 'cp-plan',
      subjectId: plan.id,
      childId,
      // Counts, never the plan's words (audit-event.ts).
      changes: {
        outcomes: input.outcomes.length,
        actions: input.actions.length,
        contingencyPlan: true,
        version: input.version + 1,
        draftRemoved: draft !== undefined,
      },
    });
    return { planId: plan.id };
  });
}

/** The child's header and active plan, for the core group and visit forms (change access checked). */
export async function openPlanRecordingForm(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  form: 'core-group' | 'visit',
  options: { readonly audit?: boolean } = {},
): Promise<{ child: ChildHeader; planId: string; startedOn: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { child } = await openForChildProtection(trx, ctx, 'child-protection:record', 'change', childId, now);
    const plan = await findActivePlan(trx, childId);
    if (plan === undefined) throw new NotFoundError('Child protection plan');
    if (options.audit !== false) await audit({ action: `child-protection.${form}-form.viewed`, subjectType: 'cp-plan', subjectId: plan.id, childId });
    return { child, planId: plan.id, startedOn: plan.startedOn };
  });
}
