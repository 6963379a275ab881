import type { CaseloadRow } from '../../db/work/caseload-repository.ts';
import type { ChildrenInScope } from '../../db/work/children-in-scope-repository.ts';
import { listTeamMembers } from '../../db/work/team-members-repository.ts';
import { sortDueItems, type DueItem, type DueScope } from '../../domain/casework/due-items.ts';
import { ragStatus, type RagStatus } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { childInNeedDueItems, weakPlansOf, type WeakPlanItem } from '../child-in-need/due-items.ts';
import { londonToday } from '../people/london-today.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { dueItemsInScopes } from './due-item-source.ts';
import { DUE_ITEM_SOURCES } from './due-item-sources.ts';

/**
 * Amber from this many working days before a due date on "My work" (CFG: domain-spec §5; a module's
 * own pages may use its rule's narrower or wider window).
 */
export const MY_WORK_AMBER_WITHIN_WORKING_DAYS = 5;

export interface DueLine extends DueItem {
  readonly rag: RagStatus;
}

export interface MyWork {
  readonly allocatedToMe: readonly CaseloadRow[];
  /** For managers: every child allocated in the teams they manage. */
  readonly managedTeams: readonly CaseloadRow[];
  /** Everything due on my cases, earliest first. */
  readonly myDue: readonly DueLine[];
  /** For managers: everything due in the teams they manage (or for one worker in them), earliest first. */
  readonly teamDue: readonly DueLine[];
  readonly teamWorkers: readonly { readonly id: string; readonly displayName: string }[];
  /** The worker the team view is filtered to, if any (one of teamWorkers). */
  readonly workerFilter: string | null;
  /** For managers: child in need plans whose quality check flagged weaknesses. */
  readonly weakPlans: readonly WeakPlanItem[];
}

/** The caseload's first rows: the visible children in scope, by name (listCaseload's order and limit). */
const CASELOAD_LIMIT = 200;

function caseloadOf(inScope: ChildrenInScope): CaseloadRow[] {
  return inScope.children.slice(0, CASELOAD_LIMIT).map((c) => ({
    id: c.childId,
    givenName: c.givenName,
    familyName: c.familyName,
    dateOfBirth: c.dateOfBirth,
    personType: c.personType,
    teamName: c.teamName,
    workerName: c.workerName,
    startedOn: c.startedOn,
  }));
}

function dueLines(batches: readonly (readonly DueItem[])[], now: Date): DueLine[] {
  const today = parseLocalDate(londonToday(now));
  // many items share a date: each date's status once per page
  const rags = new Map<string, RagStatus>();
  return sortDueItems(batches.flat()).map((item) => {
    let rag = rags.get(item.dueOn);
    if (rag === undefined) {
      rag = ragStatus(parseLocalDate(item.dueOn), today, MY_WORK_AMBER_WITHIN_WORKING_DAYS);
      rags.set(item.dueOn, rag);
    }
    return { ...item, rag };
  });
}

const CIN = DUE_ITEM_SOURCES.indexOf(childInNeedDueItems);

export async function viewMyWork(deps: AppDeps, ctx: RequestContext, options: { readonly worker?: string } = {}): Promise<MyWork> {
  return unitOfWork(deps, ctx, async ({ trx, now }) => {
    const actor = requirePermission(ctx, 'work:view-own');
    const empty: MyWork = { allocatedToMe: [], managedTeams: [], myDue: [], teamDue: [], teamWorkers: [], workerFilter: null, weakPlans: [] };
    if (actor === null) return empty;
    const managed = actor.teams.filter((t) => t.isManager).map((t) => t.teamId);
    const teamWorkers = await listTeamMembers(trx, managed);
    const workerFilter = options.worker !== undefined && teamWorkers.some((w) => w.id === options.worker) ? options.worker : null;
    const teamScope: DueScope = workerFilter === null ? { teamIds: managed } : { teamIds: managed, workerId: workerFilter };
    // The visible children in each scope and every source's due items for them, in ONE statement
    // (src/app/work/due-item-source.ts): the caseloads list the children, the sources read their own
    // tables for them only. Weak plans come from the child in need rows of the whole teams.
    const myScope: DueScope = { workerId: actor.userId };
    const wholeTeams: DueScope = { teamIds: managed };
    const [mine, team, teams] = await dueItemsInScopes(trx, actor, now, [
      { scope: myScope, sources: DUE_ITEM_SOURCES },
      // no teams managed: no children, nothing read
      managed.length === 0 ? { scope: { teamIds: [] }, sources: [] } : { scope: teamScope, sources: DUE_ITEM_SOURCES },
      ...(managed.length === 0 || workerFilter === null ? [] : [{ scope: wholeTeams, sources: [childInNeedDueItems], items: false }]),
    ]);
    if (mine === undefined || team === undefined) throw new Error('My work: a scope went unanswered');
    const weakPlans =
      managed.length === 0
        ? []
        : teams === undefined
          ? weakPlansOf(team.rows[CIN]?.[0] ?? [], team.inScope)
          : weakPlansOf(teams.rows[0]?.[0] ?? [], teams.inScope);
    return {
      allocatedToMe: caseloadOf(mine.inScope),
      managedTeams: caseloadOf(team.inScope),
      myDue: dueLines(mine.items, now),
      teamDue: managed.length === 0 ? [] : dueLines(team.items, now),
      teamWorkers,
      workerFilter,
      weakPlans,
    };
  });
}
