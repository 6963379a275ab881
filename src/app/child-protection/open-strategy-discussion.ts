// Opens a strategy discussion "to be held" for one child, with its due date (S47-01) and its audit
// event, inside the caller's transaction. The entry point other modules use: the assessment module
// when an assessment finds reasonable cause to suspect significant harm, the referral queue after a
// MASH decision, and the child's record. The caller has already checked access to the child.
import { insertStrategyDiscussion } from '../../db/child-protection/strategy-discussion-repository.ts';
import { strategyDiscussionDueOn } from '../../domain/child-protection/strategy-timescales.ts';
import { isValidIsoDate, parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { ValidationError } from '../shared/errors.ts';
import type { Work } from '../shared/unit-of-work.ts';

export type StrategyDiscussionSource = { kind: 'assessment'; assessmentId: string } | { kind: 'referral'; referralId: string } | { kind: 'child-record' };

export interface OpenStrategyDiscussionInput {
  childId: string;
  teamId: string;
  openedOn: string /* ISO */;
  source: StrategyDiscussionSource;
}

export async function openStrategyDiscussion(work: Work, input: OpenStrategyDiscussionInput): Promise<{ strategyDiscussionId: string }> {
  return insertDiscussionToHold(work, { ...input, urgent: false, kind: 'initial', isGroup: false, groupConcern: null, createdByUserId: null });
}

export interface DiscussionToHold extends OpenStrategyDiscussionInput {
  readonly urgent: boolean;
  readonly kind: 'initial' | 'review';
  readonly isGroup: boolean;
  readonly groupConcern: string | null;
  readonly createdByUserId: string | null;
  /** A review asked for by an earlier discussion is held by the date that discussion set. */
  readonly dueOn?: string;
  readonly sourceKindOverride?: 'review';
  /** The child's primary need, recorded when the discussion is convened from the child's record (migration 0026). */
  readonly initialPrimaryNeed?: string | null;
}

/** The one place a discussion to be held is written, with its due date and its audit event. */
export async function insertDiscussionToHold(work: Work, input: DiscussionToHold): Promise<{ strategyDiscussionId: string }> {
  if (!isValidIsoDate(input.openedOn)) throw new ValidationError({ openedOn: 'Enter a real date the strategy discussion was asked for' });
  const dueOn = input.dueOn ?? toIsoDate(strategyDiscussionDueOn(parseLocalDate(input.openedOn), input.urgent));
  const source = input.source;
  const strategyDiscussionId = await insertStrategyDiscussion(
    work.trx,
    {
      kind: input.kind,
      isGroup: input.isGroup,
      groupConcern: input.isGroup ? input.groupConcern : null,
      teamId: input.teamId,
      openedOn: input.openedOn,
      urgent: input.urgent,
      dueOn,
      createdByUserId: input.createdByUserId,
      createdAt: work.now,
    },
    {
      childId: input.childId,
      sourceKind: input.sourceKindOverride ?? source.kind,
      referralId: source.kind === 'referral' ? source.referralId : null,
      assessmentId: source.kind === 'assessment' ? source.assessmentId : null,
      initialPrimaryNeed: input.initialPrimaryNeed ?? null,
      addedByUserId: input.createdByUserId,
      addedAt: work.now,
    },
  );
  await work.audit({
    action: 'child-protection.strategy-discussion.opened',
    subjectType: 'strategy-discussion',
    subjectId: strategyDiscussionId,
    childId: input.childId,
    changes: {
      kind: input.kind,
      source: input.sourceKindOverride ?? source.kind,
      ...(source.kind === 'referral' ? { referralId: source.referralId } : {}),
      ...(source.kind === 'assessment' ? { assessmentId: source.assessmentId } : {}),
      teamId: input.teamId,
      openedOn: input.openedOn,
      urgent: input.urgent,
      dueOn,
      group: input.isGroup,
      ...(input.initialPrimaryNeed === undefined || input.initialPrimaryNeed === null ? {} : { initialPrimaryNeed: input.initialPrimaryNeed }),
    },
  });
  return { strategyDiscussionId };
}
