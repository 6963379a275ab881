// The strategy discussion page: the meeting, each child the viewer may see (with their decision, or the
// form to record it), the due date with its explanation, and the viewer's saved draft of the form.
import { requireStorable } from './storable-text.ts';
import { deleteDraft, findDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import { discussionAttendees, type AttendeeRow, type StrategyDiscussionRow } from '../../db/child-protection/strategy-discussion-repository.ts';
import { section47sForChild, type Section47Row } from '../../db/child-protection/section-47-repository.ts';
import { explainStrategyDiscussionDue, strategyDiscussionRag } from '../../domain/child-protection/strategy-timescales.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import type { DueExplanation, RagStatus } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openDiscussion, type ChildInDiscussion } from './strategy-discussion-access.ts';

export interface StrategyDiscussionPage {
  readonly discussion: StrategyDiscussionRow;
  /** The children this viewer may see, each with the enquiry its decision started (if any). */
  readonly children: readonly (ChildInDiscussion & { readonly section47: Section47Row | null })[];
  /** Children in the meeting this viewer may not see: counted, never named. */
  readonly hiddenChildren: number;
  readonly attendees: readonly AttendeeRow[];
  /** For a discussion to be held: how its due date was worked out. Null for a review whose date was set by a discussion. */
  readonly dueExplanation: DueExplanation | null;
  readonly rag: RagStatus | null;
  /** May record the meeting or a decision still waiting. */
  readonly mayRecord: boolean;
  readonly draft: Record<string, unknown> | null;
}

export const strategyDraftJourney = (strategyDiscussionId: string): string => `child-protection:strategy-discussion:${strategyDiscussionId}`;

export async function viewStrategyDiscussion(
  deps: AppDeps,
  ctx: RequestContext,
  strategyDiscussionId: string,
  options: { audit?: boolean } = {},
): Promise<StrategyDiscussionPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, discussion, children } = await openDiscussion(trx, ctx.actor, strategyDiscussionId, 'read', now);
    const visible = children.filter((c) => c.mayRead);
    const withEnquiries = [];
    for (const c of visible) {
      const enquiries = await section47sForChild(trx, c.childId);
      withEnquiries.push({ ...c, section47: enquiries.find((e) => e.strategyDiscussionId === strategyDiscussionId) ?? null });
    }
    const attendees = await discussionAttendees(trx, strategyDiscussionId);
    const reviewSetByDiscussion = children.some((c) => c.sourceKind === 'review');
    const dueExplanation = reviewSetByDiscussion ? null : explainStrategyDiscussionDue(parseLocalDate(discussion.openedOn), discussion.urgent);
    const rag = discussion.status === 'to_be_held' ? strategyDiscussionRag(parseLocalDate(discussion.dueOn), londonToday(now)) : null;
    const mayRecord = can(actor, 'child-protection:record-enquiry') && visible.some((c) => c.mayChange && c.decision === null);
    const draft = mayRecord ? ((await findDraft(trx, actor.userId, strategyDraftJourney(strategyDiscussionId))) ?? null) : null;
    if (options.audit !== false) {
      for (const c of visible) {
        await audit({
          action: 'child-protection.strategy-discussion.viewed',
          subjectType: 'strategy-discussion',
          subjectId: strategyDiscussionId,
          childId: c.childId,
        });
      }
    }
    return { discussion, children: withEnquiries, hiddenChildren: children.length - visible.length, attendees, dueExplanation, rag, mayRecord, draft };
  });
}

export async function saveStrategyDiscussionDraft(
  deps: AppDeps,
  ctx: RequestContext,
  strategyDiscussionId: string,
  values: Record<string, unknown>,
): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const { actor, children } = await openDiscussion(trx, ctx.actor, strategyDiscussionId, 'change', now);
    requireStorable(values);
    await upsertDraft(trx, actor.userId, strategyDraftJourney(strategyDiscussionId), values, now);
    for (const c of children.filter((x) => x.mayChange)) {
      await audit({
        action: 'child-protection.strategy-discussion.saved',
        subjectType: 'strategy-discussion',
        subjectId: strategyDiscussionId,
        childId: c.childId,
        changes: { draft: true },
      });
    }
  });
}

export async function discardStrategyDiscussionDraft(deps: AppDeps, ctx: RequestContext, strategyDiscussionId: string): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const { actor, children } = await openDiscussion(trx, ctx.actor, strategyDiscussionId, 'change', now);
    const removed = await deleteDraft(trx, actor.userId, strategyDraftJourney(strategyDiscussionId));
    const first = children.find((c) => c.mayChange);
    await audit({
      action: 'child-protection.strategy-discussion-draft.discarded',
      subjectType: 'strategy-discussion',
      subjectId: strategyDiscussionId,
      ...(first === undefined ? {} : { childId: first.childId }),
      changes: { existed: removed !== undefined },
    });
  });
}
