// Strategy discussions in a child's chronology (src/app/chronology/registry.ts): each discussion about
// the child asked for, and each one held with its decision for this child. A discussion asked for by
// a referral or an assessment already shows there ("Referred … for a strategy discussion", the
// assessment's outcome), so only the ones asked for from the child's record (a child in need review
// stepping up, a pre-birth plan, a worker's own request), a group meeting or an earlier discussion
// add an "asked for" line. Summaries never carry the discussion's reasons or plans.
import { discussionsForChild } from '../../db/child-protection/strategy-discussion-repository.ts';
import { STRATEGY_DECISION_LABELS } from '../../domain/child-protection/strategy-discussion.ts';
import type { ChronologyItem } from '../../domain/records/chronology-entry.ts';
import type { ChronologySource } from '../chronology/chronology-source.ts';

const SOURCE = 'Strategy discussion';

export const strategyDiscussionChronologySource: ChronologySource = {
  name: 'strategy-discussions',
  categories: ['meeting'],
  load: async (trx, childId) => {
    const items: ChronologyItem[] = [];
    for (const d of await discussionsForChild(trx, childId)) {
      const origin = { kind: 'strategy-discussion', id: d.id };
      const what = d.kind === 'review' ? 'Review strategy discussion' : d.isGroup ? 'Strategy meeting about a group of children' : 'Strategy discussion';
      if (d.sourceKind !== 'referral' && d.sourceKind !== 'assessment') {
        items.push({
          key: `strategy-discussion-opened:${d.id}`,
          date: d.openedOn,
          time: null,
          category: 'meeting',
          summary: `${what} asked for${d.urgent ? ' (urgent)' : ''}`,
          source: SOURCE,
          recordedBy: null,
          origin,
        });
      }
      if (d.status === 'held' && d.heldOn !== null) {
        items.push({
          key: `strategy-discussion-held:${d.id}`,
          date: d.heldOn,
          time: null,
          category: 'meeting',
          summary: `${what} held${d.decision === null ? '' : `: ${STRATEGY_DECISION_LABELS[d.decision]}`}`,
          source: SOURCE,
          recordedBy: null,
          origin,
        });
      }
    }
    return items;
  },
};
