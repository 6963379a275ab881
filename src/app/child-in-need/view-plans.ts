// The child in need section of a child's record: the open plan (or the last one), what is due on it
// with how each date was worked out, the version in force and its quality flags, earlier versions and
// reviews, and the episode's closure.
import { listPlans, listReviews, listVersions, type PlanRow, type PlanVersionRow, type ReviewRow } from '../../db/child-in-need/plan-repository.ts';
import { CIN_CLOSURE_REASONS, isCinClosureReason } from '../../domain/child-in-need/closure-reasons.ts';
import { QUALITY_FLAG_TEXT, type QualityFlag } from '../../domain/child-in-need/plan-quality.ts';
import { cinRag, dueOnPlan } from '../../domain/child-in-need/timescales.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { explainDue } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { RagStatus } from '../../domain/shared/timescales/rule.ts';
import type { DueExplanationText } from '../../domain/casework/due-items.ts';
import { londonToday } from '../people/london-today.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

export interface PlanDueLine {
  readonly ruleId: string;
  readonly what: string;
  readonly dueOn: string;
  readonly rag: RagStatus;
  readonly explanation: DueExplanationText;
}

export interface PlanView {
  readonly plan: PlanRow;
  readonly due: readonly PlanDueLine[];
  readonly current: PlanVersionRow | null;
  readonly draft: PlanVersionRow | null;
  readonly earlier: readonly PlanVersionRow[];
  readonly qualityFlags: readonly { readonly flag: QualityFlag; readonly text: string }[];
  readonly reviews: readonly ReviewRow[];
  readonly closureReasonText: string | null;
}

export interface ChildInNeedSection {
  readonly child: ChildHeader;
  readonly plans: readonly PlanView[];
  readonly mayRecord: boolean;
  readonly mayClose: boolean;
}

export const DUE_WHAT: Readonly<Record<string, string>> = {
  'CIN-01': 'Child in need plan to agree',
  'CIN-02': 'Child in need plan review',
  'CIN-04': 'Child in need 10-month progress review',
};

export function isQualityFlag(value: string): value is QualityFlag {
  return Object.hasOwn(QUALITY_FLAG_TEXT, value);
}

export async function viewChildInNeed(deps: AppDeps, ctx: RequestContext, childId: string): Promise<ChildInNeedSection> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const today = parseLocalDate(londonToday(now));
    const plans: PlanView[] = [];
    for (const plan of await listPlans(trx, childId)) {
      const [versions, reviews] = await Promise.all([listVersions(trx, plan.id), listReviews(trx, plan.id)]);
      const current = versions.find((v) => v.status === 'finalised') ?? null;
      const draft = plan.status === 'ended' ? null : (versions.find((v) => v.status === 'draft') ?? null);
      const due = dueOnPlan(plan, today, { forWorkList: false }).map((d) => {
        const explained = explainDue(d.rule, d.anchor);
        return {
          ruleId: d.rule.id,
          what: DUE_WHAT[d.rule.id] ?? d.rule.what,
          dueOn: toIsoDate(d.due),
          rag: cinRag(d, today),
          explanation: { summary: explained.summary, source: explained.source, arithmetic: explained.arithmetic },
        };
      });
      plans.push({
        plan,
        due,
        current,
        draft,
        earlier: versions.filter((v) => v.status === 'superseded'),
        qualityFlags: (current?.qualityFlags ?? []).filter(isQualityFlag).map((flag) => ({ flag, text: QUALITY_FLAG_TEXT[flag] })),
        reviews,
        closureReasonText:
          plan.closureReason !== null && isCinClosureReason(plan.closureReason) ? `${plan.closureReason}: ${CIN_CLOSURE_REASONS[plan.closureReason]}` : null,
      });
    }
    const mayChange = await mayChangeChildRecord(trx, actor, childId, now);
    await audit({ action: 'child-in-need.section.viewed', subjectType: 'person', subjectId: childId, childId, changes: { plans: plans.length } });
    return { child, plans, mayRecord: mayChange && can(actor, 'child-in-need:record'), mayClose: mayChange && can(actor, 'child-in-need:close') };
  });
}
