// "My work" items for this part of child protection (src/app/work/due-item-sources.ts): strategy
// discussions to be held (S47-01, or the date a previous discussion set for a review) and section 47
// enquiries to complete (S47-02), each with the rule and arithmetic behind its date.
import {
  OPEN_SECTION_47_READ,
  OPEN_STRATEGY_READ,
  openSection47ItemsOf,
  openStrategyItemsOf,
  type OpenSection47Item,
  type OpenStrategyItem,
} from '../../db/child-protection/strategy-discussion-due-items-repository.ts';
import type { DueItem, DueScope } from '../../domain/casework/due-items.ts';
import { explainSection47Due, explainStrategyDiscussionDue } from '../../domain/child-protection/strategy-timescales.ts';
import { formatLongDate, parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { dueItemSource, type DueItemSource } from '../work/due-item-source.ts';

/** A scope names a worker or at least one team; anything else lists nothing. */
const namesSomeone = (scope: DueScope): boolean => scope.workerId !== undefined || (scope.teamIds !== undefined && scope.teamIds.length > 0);

function strategyItem(r: OpenStrategyItem): DueItem {
  const href = `/strategy-discussions/${r.strategyDiscussionId}`;
  const base = { childId: r.childId, childName: r.childName, teamName: r.teamName, workerName: r.workerName, dueOn: r.dueOn, href };
  if (r.sourceKind === 'review') {
    return {
      ...base,
      what: 'Review strategy discussion',
      ruleId: 'S47-01',
      explanation: {
        summary: `The strategy discussion held on ${formatLongDate(r.openedOn)} asked for a further discussion by ${formatLongDate(r.dueOn)}.`,
        source: 'Seed 004 §9 (initial or review strategy discussion); the date set by the previous discussion',
        arithmetic: 'Set by the previous strategy discussion, not counted from a rule.',
      },
    };
  }
  const e = explainStrategyDiscussionDue(parseLocalDate(r.openedOn), r.urgent);
  return {
    ...base,
    what: r.kind === 'review' ? 'Review strategy discussion' : 'Strategy discussion',
    ruleId: e.rule.id,
    explanation: { summary: e.summary, source: e.source, arithmetic: e.arithmetic },
  };
}

function section47Item(r: OpenSection47Item): DueItem {
  const e = explainSection47Due(parseLocalDate(r.anchorOn));
  return {
    childId: r.childId,
    childName: r.childName,
    teamName: r.teamName,
    workerName: r.workerName,
    what: 'Section 47 enquiry',
    dueOn: r.dueOn,
    ruleId: e.rule.id,
    explanation: { summary: e.summary, source: e.source, arithmetic: e.arithmetic },
    href: `/section-47-enquiries/${r.section47Id}`,
  };
}

export const strategyDiscussionsToHold: DueItemSource = dueItemSource('strategyDiscussionsToHold', {
  reads: () => [OPEN_STRATEGY_READ],
  items: ([rows = []], { scope, inScope }) => (namesSomeone(scope) ? openStrategyItemsOf(rows, inScope).map(strategyItem) : []),
});

export const section47sToComplete: DueItemSource = dueItemSource('section47sToComplete', {
  reads: () => [OPEN_SECTION_47_READ],
  items: ([rows = []], { scope, inScope }) => (namesSomeone(scope) ? openSection47ItemsOf(rows, inScope).map(section47Item) : []),
});
