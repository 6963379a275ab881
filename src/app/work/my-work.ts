import { listCaseload, type CaseloadRow } from '../../db/work/caseload-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

export interface MyWork {
  readonly allocatedToMe: readonly CaseloadRow[];
  /** For managers: every child allocated in the teams they manage. */
  readonly managedTeams: readonly CaseloadRow[];
}

export async function viewMyWork(deps: AppDeps, ctx: RequestContext): Promise<MyWork> {
  return unitOfWork(deps, ctx, async ({ trx, now }) => {
    const actor = requirePermission(ctx, 'work:view-own');
    if (actor === null) return { allocatedToMe: [], managedTeams: [] };
    const managed = actor.teams.filter((t) => t.isManager).map((t) => t.teamId);
    const [allocatedToMe, managedTeams] = await Promise.all([
      listCaseload(trx, actor, now, { workerId: actor.userId }),
      managed.length === 0 ? Promise.resolve([]) : listCaseload(trx, actor, now, { teamIds: managed }),
    ]);
    return { allocatedToMe, managedTeams };
  });
}
