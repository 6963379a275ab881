// The child in need source of "My work" items (src/app/work/due-item-sources.ts): a plan to agree
// (CIN-01), the next review (CIN-02) and, from a month before it, the 10-month progress review
// (CIN-04), each with how its date was worked out. Weak plans (plan-quality.ts) are listed for the
// team's manager from the same query.
import type { Transaction } from 'kysely';
import { listOpenPlansInScope, type OpenPlanRow } from '../../db/child-in-need/due-items-repository.ts';
import type { Database } from '../../db/schema.ts';
import { childrenInScope, type ChildrenInScope } from '../../db/work/children-in-scope-repository.ts';
import type { DueItem, DueScope } from '../../domain/casework/due-items.ts';
import { QUALITY_FLAG_TEXT } from '../../domain/child-in-need/plan-quality.ts';
import { dueOnPlan } from '../../domain/child-in-need/timescales.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { explainDue } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
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

// One query per scope, shared by the due items and the manager's weak plans on the same page.
const openPlansByScope = new WeakMap<ChildrenInScope, Promise<OpenPlanRow[]>>();

function openPlansOf(trx: Transaction<Database>, inScope: ChildrenInScope): Promise<OpenPlanRow[]> {
  let rows = openPlansByScope.get(inScope);
  if (rows === undefined) {
    rows = listOpenPlansInScope(trx, inScope);
    openPlansByScope.set(inScope, rows);
  }
  return rows;
}

export async function childInNeedDueItems(
  trx: Transaction<Database>,
  actor: Actor,
  now: Date,
  scope: DueScope,
  given?: ChildrenInScope,
): Promise<readonly DueItem[]> {
  return dueItemsOfPlans(await openPlansOf(trx, await childrenInScope(trx, actor, now, scope, given)), now);
}

export interface WeakPlanItem {
  readonly childId: string;
  readonly childName: string;
  readonly workerName: string | null;
  readonly finalisedOn: string;
  readonly flags: readonly string[];
  readonly href: string;
}

/** Plans in force whose quality check found weaknesses, for the team manager (seed 001 improvement point 1). */
export async function weakPlansInTeams(
  trx: Transaction<Database>,
  actor: Actor,
  now: Date,
  teamIds: readonly string[],
  /** The visible children in `teamIds`, when the caller has them already. */
  given?: ChildrenInScope,
): Promise<WeakPlanItem[]> {
  const rows = await openPlansOf(trx, await childrenInScope(trx, actor, now, { teamIds }, given));
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
