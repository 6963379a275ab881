// The children with disabilities module's contribution to a child's chronology
// (src/app/chronology/registry.ts): each eligibility decision recorded and the team manager
// confirming or returning it, short breaks starting and each review of them (a review that ends
// them says so), and personal budget requests with the resource allocation panel's decisions.
// Summaries say what was decided, never the worker's or manager's reasons (those stay behind the
// disabilities page). A child has few of each, so all are read; the builder filters by date.
import {
  listBudgetRequests,
  listDecisions,
  listPanelDecisions,
  listShortBreakReviews,
  listShortBreaks,
} from '../../db/disabilities/disabilities-repository.ts';
import { OUTCOME_TEXT } from '../../domain/disabilities/eligibility.ts';
import { formatPounds, PANEL_DECISIONS, SHORT_BREAK_TYPES } from '../../domain/disabilities/services.ts';
import type { ChronologyItem } from '../../domain/records/chronology-entry.ts';
import type { ChronologySource } from '../chronology/chronology-source.ts';
import { londonDateTime } from '../records/london-clock.ts';

const ELIGIBILITY = 'Children with disabilities: eligibility';
const SHORT_BREAKS = 'Children with disabilities: short breaks';
const BUDGETS = 'Children with disabilities: personal budget';

export const disabilitiesChronologySource: ChronologySource = {
  name: 'disabilities',
  categories: ['assessment', 'plan'],
  load: async (trx, childId) => {
    const items: ChronologyItem[] = [];
    for (const d of await listDecisions(trx, childId)) {
      const origin = { kind: 'disabilities-eligibility', id: d.id };
      items.push({
        key: `cwd-eligibility-recorded:${d.id}`,
        date: d.decidedOn,
        time: null,
        category: 'assessment',
        summary: `Eligibility decision recorded: ${OUTCOME_TEXT[d.outcome]} (for the team manager to confirm)`,
        source: ELIGIBILITY,
        recordedBy: d.recordedByName,
        origin,
      });
      if (d.reviewedAt !== null) {
        // Confirmed, or confirmed and later superseded by a newer decision; otherwise returned.
        const reviewed = londonDateTime(d.reviewedAt);
        items.push({
          key: `cwd-eligibility-reviewed:${d.id}`,
          date: reviewed.date,
          time: reviewed.time,
          category: 'assessment',
          summary:
            d.status === 'returned'
              ? 'Eligibility decision returned by the team manager to be looked at again'
              : `Eligibility decision confirmed by the team manager: ${OUTCOME_TEXT[d.outcome]}`,
          source: ELIGIBILITY,
          recordedBy: d.reviewedByName,
          origin,
        });
      }
    }
    const breaks = await listShortBreaks(trx, childId);
    const breakName = new Map(breaks.map((b) => [b.id, SHORT_BREAK_TYPES[b.breakType]]));
    for (const b of breaks) {
      items.push({
        key: `cwd-short-break-started:${b.id}`,
        date: b.startsOn,
        time: null,
        category: 'plan',
        summary: `Short breaks started: ${SHORT_BREAK_TYPES[b.breakType]}, ${String(b.amount)} ${b.unit} a year with ${b.provider}`,
        source: SHORT_BREAKS,
        recordedBy: b.recordedByName,
        origin: { kind: 'disabilities-short-break', id: b.id },
      });
    }
    for (const r of await listShortBreakReviews(trx, childId)) {
      const late = r.withinTimescale ? '' : ' (outside the timescale)';
      const what = breakName.get(r.shortBreakId) ?? 'short breaks';
      items.push({
        key: `cwd-short-break-review:${r.id}`,
        date: r.reviewedOn,
        time: null,
        category: 'plan',
        summary: r.outcome === 'end' ? `Short breaks reviewed${late} and ended: ${what}` : `Short breaks reviewed${late} and continued: ${what}`,
        source: SHORT_BREAKS,
        recordedBy: r.recordedByName,
        origin: { kind: 'disabilities-short-break', id: r.shortBreakId },
      });
    }
    const requests = await listBudgetRequests(trx, childId);
    const requested = new Map(requests.map((r) => [r.id, r.amountPence]));
    for (const r of requests) {
      items.push({
        key: `cwd-budget-request:${r.id}`,
        date: r.requestedOn,
        time: null,
        category: 'plan',
        summary: `Personal budget of ${formatPounds(r.amountPence)} requested from the resource allocation panel`,
        source: BUDGETS,
        recordedBy: r.recordedByName,
        origin: { kind: 'disabilities-budget-request', id: r.id },
      });
    }
    for (const p of await listPanelDecisions(trx, childId)) {
      const amount = p.approvedAmountPence === null ? '' : ` (${formatPounds(p.approvedAmountPence)})`;
      const of = requested.get(p.requestId);
      items.push({
        key: `cwd-panel-decision:${p.id}`,
        date: p.panelDate,
        time: null,
        category: 'plan',
        summary: `Resource allocation panel decision on the personal budget request${of === undefined ? '' : ` for ${formatPounds(of)}`}: ${PANEL_DECISIONS[p.decision]}${amount}`,
        source: BUDGETS,
        recordedBy: p.recordedByName,
        origin: { kind: 'disabilities-budget-request', id: p.requestId },
      });
    }
    return items;
  },
};
