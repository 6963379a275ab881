// The disabilities source of "My work" items (src/app/work/due-item-sources.ts): eligibility
// decisions awaiting the team manager (CWD-01), short break reviews from a month before they are due
// (CWD-02/03/04), and personal budget requests awaiting the resource allocation panel's decision
// (CWD-05), each with how its date was worked out.
import { DISABILITY_DUE_READS, disabilityDueOf } from '../../db/disabilities/due-items-repository.ts';
import type { DueItem } from '../../domain/casework/due-items.ts';
import {
  eligibilityConfirmationDue,
  panelDecisionDue,
  shortBreakReviewDue,
  shortBreakReviewPrompted,
  type CwdDue,
} from '../../domain/disabilities/timescales.ts';
import { explainDue } from '../../domain/shared/timescales/rule.ts';
import { toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import { dueItemSource, type DueItemSource } from '../work/due-item-source.ts';
import { DUE_WHAT } from './view-disabilities.ts';

export const disabilitiesPath = (childId: string): string => `/children/${childId}/disabilities`;

interface ChildOfItem {
  readonly childId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly teamName: string;
  readonly workerName: string | null;
}

function item(row: ChildOfItem, d: CwdDue): DueItem {
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
    href: disabilitiesPath(row.childId),
  };
}

export const disabilitiesDueItems: DueItemSource = dueItemSource('disabilitiesDueItems', {
  reads: () => DISABILITY_DUE_READS,
  items: (rows, { inScope, today }) => {
    const { awaiting, shortBreaks, requests } = disabilityDueOf(rows, inScope);
    return [
      ...awaiting.map((r) => item(r, eligibilityConfirmationDue(londonToday(r.recordedAt)))),
      ...shortBreaks.flatMap((r) => {
        const due = shortBreakReviewDue(r);
        return due !== null && shortBreakReviewPrompted(due, today) ? [item(r, due)] : [];
      }),
      ...requests.map((r) => item(r, panelDecisionDue(r.panelDate))),
    ];
  },
});
