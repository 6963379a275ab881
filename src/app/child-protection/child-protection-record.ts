// The "Child protection" section of a child's record: strategy discussions (to be held and held, group
// meetings included) and section 47 enquiries, each due date with its explanation.
import {
  discussionsForChild,
  openGroupMeetings,
  type ChildDiscussionRow,
  type OpenGroupMeeting,
} from '../../db/child-protection/strategy-discussion-repository.ts';
import { section47sForChild, type Section47Row } from '../../db/child-protection/section-47-repository.ts';
import {
  explainInitialConferenceDue,
  explainSection47Due,
  explainStrategyDiscussionDue,
  section47Rag,
  strategyDiscussionRag,
} from '../../domain/child-protection/strategy-timescales.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { CROSS_CASE_ROLES } from '../../domain/shared/access/roles.ts';
import type { DueExplanation, RagStatus } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

export interface ChildProtectionRecord {
  readonly child: ChildHeader;
  readonly discussions: readonly (ChildDiscussionRow & { readonly rag: RagStatus | null; readonly explanation: DueExplanation | null })[];
  readonly enquiries: readonly (Section47Row & {
    readonly rag: RagStatus | null;
    readonly explanation: DueExplanation;
    readonly icpcExplanation: DueExplanation | null;
  })[];
  /** May convene a strategy discussion (the child is allocated and the viewer may change the record). */
  readonly mayConvene: boolean;
  /** Group meetings to be held that this child could be added to (for the convene form). */
  readonly groupMeetings: readonly OpenGroupMeeting[];
}

/** `change` opens it for a form that changes the record (convening), checked as a change. */
export async function viewChildProtectionRecord(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  action: 'read' | 'change' = 'read',
  options: { readonly audit?: boolean } = {},
): Promise<ChildProtectionRecord> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, action, childId, now);
    const today = londonToday(now);
    const discussions = (await discussionsForChild(trx, childId)).map((d) => ({
      ...d,
      rag: d.status === 'to_be_held' ? strategyDiscussionRag(parseLocalDate(d.dueOn), today) : null,
      explanation: d.sourceKind === 'review' ? null : explainStrategyDiscussionDue(parseLocalDate(d.openedOn), d.urgent),
    }));
    const enquiries = (await section47sForChild(trx, childId)).map((e) => ({
      ...e,
      rag: e.status === 'in_progress' ? section47Rag(parseLocalDate(e.dueOn), today) : null,
      explanation: explainSection47Due(parseLocalDate(e.anchorOn)),
      icpcExplanation: e.icpcDueOn === null ? null : explainInitialConferenceDue(parseLocalDate(e.lastStrategyHeldOn)),
    }));
    const mayConvene = can(actor, 'child-protection:record-enquiry') && child.allocation !== null && (await mayChangeChildRecord(trx, actor, childId, now));
    const crossCase = actor.roles.some((r) => CROSS_CASE_ROLES.includes(r));
    const groupMeetings = action === 'change' && mayConvene ? await openGroupMeetings(trx, crossCase ? null : actor.teams.map((t) => t.teamId), childId) : [];
    // A form shown again with its errors is not a second view of the record.
    if (options.audit !== false) await audit({ action: 'child-protection.record.viewed', subjectType: 'person', subjectId: childId, childId });
    return { child, discussions, enquiries, mayConvene, groupMeetings };
  });
}
