// Writing and agreeing a child in need plan. The draft version lives in the database ("save and come
// back later"), so a long plan survives a closed laptop; finalising it (the family support meeting
// has agreed it, CIN-01) is refused without a contingency plan (seed 001, Ofsted ILACS 2024,
// improvement point 1) and records the quality flags the manager sees (plan-quality.ts).
import {
  bumpPlanVersion,
  findOpenPlanId,
  finaliseVersion,
  listVersions,
  updateDraftVersion,
  type PlanRow,
  type PlanVersionRow,
} from '../../db/child-in-need/plan-repository.ts';
import { finaliseProblems, PLAN_MESSAGES, type PlanContent } from '../../domain/child-in-need/plan.ts';
import { planQualityFlags, type QualityFlag } from '../../domain/child-in-need/plan-quality.ts';
import { londonToday } from '../people/london-today.ts';
import type { ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openPlanForChange } from './plan-access.ts';
import { NO_PLAN } from './plan-pages.ts';

export interface PlanForm {
  readonly child: ChildHeader;
  readonly plan: PlanRow;
  readonly draft: PlanVersionRow;
  /** The version in force, if the plan has been agreed before (a review is updating it). */
  readonly current: PlanVersionRow | null;
  readonly qualityFlags: readonly QualityFlag[];
}

async function draftOf(trx: Parameters<typeof listVersions>[0], plan: PlanRow): Promise<{ draft: PlanVersionRow; current: PlanVersionRow | null }> {
  const versions = await listVersions(trx, plan.id);
  const draft = versions.find((v) => v.status === 'draft');
  if (plan.status === 'ended' || draft === undefined) throw new ValidationError({ plan: PLAN_MESSAGES.notDraft });
  return { draft, current: versions.find((v) => v.status === 'finalised') ?? null };
}

/** The draft of the child's open plan (its first version, or the update a review started). */
export async function openPlanForm(deps: AppDeps, ctx: RequestContext, childId: string, options: { readonly audit?: boolean } = {}): Promise<PlanForm> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { opened, plan } = await openPlanForChange(trx, ctx, 'child-in-need:record', childId, (await findOpenPlanId(trx, childId)) ?? NO_PLAN, now);
    const { draft, current } = await draftOf(trx, plan);
    if (options.audit !== false)
      await audit({ action: 'child-in-need.plan-form.viewed', subjectType: 'cin-plan', subjectId: plan.id, childId, changes: { draftVersion: draft.number } });
    return { child: opened.child, plan, draft, current, qualityFlags: planQualityFlags(draft) };
  });
}

export async function savePlanDraft(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  planId: string,
  version: number,
  content: PlanContent,
): Promise<{ version: number }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { plan } = await openPlanForChange(trx, ctx, 'child-in-need:record', childId, planId, now, version);
    const { draft } = await draftOf(trx, plan);
    await updateDraftVersion(trx, draft.id, content, now);
    if (!(await bumpPlanVersion(trx, plan.id, version))) throw new StaleVersionError('cin-plan', plan.id, plan);
    await audit({
      action: 'child-in-need.plan-draft.saved',
      subjectType: 'cin-plan',
      subjectId: plan.id,
      childId,
      // The shape of what was saved, never its words (audit-event.ts).
      changes: {
        draftVersion: draft.number,
        outcomes: content.outcomes.length,
        actions: content.actions.length,
        contingency: content.contingency !== '',
        childViews: content.childViews !== '',
      },
    });
    return { version: version + 1 };
  });
}

export async function finalisePlan(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  planId: string,
  version: number,
  content: PlanContent,
): Promise<{ versionNumber: number; qualityFlags: readonly QualityFlag[] }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { opened, plan } = await openPlanForChange(trx, ctx, 'child-in-need:record', childId, planId, now, version);
    const { draft } = await draftOf(trx, plan);
    const problems = finaliseProblems(content);
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    const today = londonToday(now);
    const qualityFlags = planQualityFlags(content);
    await updateDraftVersion(trx, draft.id, content, now);
    await finaliseVersion(trx, plan.id, draft.id, { finalisedOn: today, finalisedByUserId: opened.actor.userId, qualityFlags }, now);
    const firstAgreement = plan.agreedOn === null;
    const bumped = await bumpPlanVersion(trx, plan.id, version, firstAgreement ? { status: 'active', agreedOn: today } : {});
    if (!bumped) throw new StaleVersionError('cin-plan', plan.id, plan);
    await audit({
      action: 'child-in-need.plan.finalised',
      subjectType: 'cin-plan',
      subjectId: plan.id,
      childId,
      changes: { versionNumber: draft.number, finalisedOn: today, firstAgreement, qualityFlags, weak: qualityFlags.length > 0 },
    });
    return { versionNumber: draft.number, qualityFlags };
  });
}
