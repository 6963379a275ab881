// The child in need source of "My work" items (src/app/work/due-item-sources.ts): a plan to agree
// (CIN-01), the next review (CIN-02) and, from a month before it, the 10-month progress review
// (CIN-04), each with how its date was worked out. Weak plans (plan-quality.ts) are listed for the
// team's manager from the same rows.
import type { Transaction } from 'kysely';
import { OPEN_PLANS_READ, openPlansOf, type OpenPlanRow } from '../../db/child-in-need/due-items-repository.ts';
import type { Database } from '../../db/schema.ts';
import { readInScope, type ChildrenInScope } from '../../db/work/children-in-scope-repository.ts';
import type { DueItem } from '../../domain/casework/due-items.ts';
import { QUALITY_FLAG_TEXT } from '../../domain/child-in-need/plan-quality.ts';
import { dueOnPlan } from '../../domain/child-in-need/timescales.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { explainDue } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import { dueItemSource, type DueItemSource } from '../work/due-item-source.ts';
import { DUE_WHAT, isQualityFlag } from './view-plans.ts';

export const childInNeedPlanPath = (childId: string): string => `/children/${childId}/child-in-need`;

export function dueItemsOfPlans(rows: readonly OpenPlanRow[], now: Date): DueItem[] {
  const today = parseLocalDate(londonToday(now));
  return rows.flatMap((row) =>
    dueOnPlan(row, today, { forWorkList: true }).map((d) => {
      const explained = explainDue(d.rule, d.anchor);
      return {
        childId: row.childId,
        childName: `${row.givenName} ${row.familyName}`,
        teamName: row.teamName,
        workerName: row.workerName,
        what: DUE_WHAT[d.rule.id] ?? d.rule.what,
        dueOn: toIsoDate(d.due),
        ruleId: d.rule.id,
        explanation: { summary: explained.summary, source: explained.source, arithmetic: explained.arithmetic },
        href: childInNeedPlanPath(row.childId),
      };
    }),
  );
}

export const childInNeedDueItems: DueItemSource = dueItemSource('childInNeedDueItems', {
  reads: () => [OPEN_PLANS_READ],
  items: ([plans = []], { inScope, now }) => dueItemsOfPlans(openPlansOf(plans, inScope), now),
});

export interface WeakPlanItem {
  readonly childId: string;
  readonly childName: string;
  readonly workerName: string | null;
  readonly finalisedOn: string;
  readonly flags: readonly string[];
  readonly href: string;
}

/** Plans in force whose quality check found weaknesses, for the team manager (seed 001 improvement point 1). */
export async function weakPlansInTeams(trx: Transaction<Database>, actor: Actor, now: Date, teamIds: readonly string[]): Promise<WeakPlanItem[]> {
  const { inScope, rows } = await readInScope(trx, actor, now, { teamIds }, [OPEN_PLANS_READ]);
  return weakPlansOf(rows[0] ?? [], inScope);
}

/** The weak plans among what OPEN_PLANS_READ returned for the children in the teams (the same rows as the teams' due items). */
export function weakPlansOf(plans: readonly unknown[], inScope: ChildrenInScope): WeakPlanItem[] {
  const rows = openPlansOf(plans, inScope);
  return rows.flatMap((row) => {
    const flags = (row.qualityFlags ?? []).filter(isQualityFlag);
    if (row.finalisedOn === null || flags.length === 0) return [];
    return [
      {
        childId: row.childId,
        childName: `${row.givenName} ${row.familyName}`,
        workerName: row.workerName,
        finalisedOn: row.finalisedOn,
        flags: flags.map((f) => QUALITY_FLAG_TEXT[f]),
        href: childInNeedPlanPath(row.childId),
      },
    ];
  });
}
