// "My work" source for the pre-birth timeline (src/app/work/due-item-sources.ts): every open milestone
// (overdue, due or upcoming) of the unborn children in scope, and the post-birth rules of children born
// in the last POST_BIRTH_WINDOW_DAYS, each with the explanation of its date.
import { preBirthDueCandidatesOf, preBirthDueRead, type PreBirthDueCandidate } from '../../db/pre-birth/due-items-repository.ts';
import type { DueItem } from '../../domain/casework/due-items.ts';
import {
  isPreBirthMilestoneKey,
  openMilestones,
  preBirthTimeline,
  strategyDiscussionPrompted,
  type PreBirthMilestoneKey,
  type RecordedMilestone,
} from '../../domain/pre-birth/timeline.ts';
import type { LocalDate } from '@js-joda/core';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { dueItemSource, type DueItemSource } from '../work/due-item-source.ts';

/** The post-birth rules run at most 20 days from the birth (CP-06); the margin keeps overdue ones listed for a while. */
const POST_BIRTH_WINDOW_DAYS = 60;

export const preBirthDueItems: DueItemSource = dueItemSource('preBirthDueItems', {
  reads: ({ today }) => [preBirthDueRead(toIsoDate(today.minusDays(POST_BIRTH_WINDOW_DAYS)))],
  items: ([rows = []], { inScope, today }) => dueItemsOf(preBirthDueCandidatesOf(rows, inScope), today),
});

function dueItemsOf(children: readonly PreBirthDueCandidate[], today: LocalDate): DueItem[] {
  const items: DueItem[] = [];
  for (const child of children) {
    const eddText = child.expectedDateOfDelivery ?? child.eddAtBirth;
    if (eddText === null) continue;
    const recorded = new Map<PreBirthMilestoneKey, RecordedMilestone>();
    for (const m of child.milestones) {
      if (isPreBirthMilestoneKey(m.milestone))
        recorded.set(m.milestone, { outcome: m.outcome, happenedOn: m.happenedOn === null ? null : parseLocalDate(m.happenedOn), reason: m.reason });
    }
    const rows = preBirthTimeline({
      edd: parseLocalDate(eddText),
      pregnancyConfirmedOn: child.pregnancyConfirmedOn === null ? null : parseLocalDate(child.pregnancyConfirmedOn),
      birth:
        child.bornOn === null || child.motherMedicallyFit === null
          ? null
          : { bornOn: parseLocalDate(child.bornOn), motherMedicallyFit: child.motherMedicallyFit },
      recorded,
      today,
    });
    for (const row of openMilestones(rows)) {
      if (row.key === 'strategy') {
        // PB-05: a prompt to convene one until it is convened; then the discussion's own due date
        // (S47-01, in the child protection module's My work source) takes over.
        if (!strategyDiscussionPrompted(row, child.strategyDiscussion ?? 'none')) continue;
        items.push({
          childId: child.id,
          childName: `${child.givenName} ${child.familyName}`,
          teamName: child.teamName,
          workerName: child.workerName,
          what: 'Pre-birth: convene a strategy discussion (week 20, if required)',
          dueOn: toIsoDate(row.dueOn),
          ruleId: row.ruleId,
          explanation: row.explanation,
          href: `/children/${child.id}/pre-birth#convene-strategy`,
        });
        continue;
      }
      items.push({
        childId: child.id,
        childName: `${child.givenName} ${child.familyName}`,
        teamName: child.teamName,
        workerName: child.workerName,
        what: `Pre-birth: ${row.label}`,
        dueOn: toIsoDate(row.dueOn),
        ruleId: row.ruleId,
        explanation: row.explanation,
        href: `/children/${child.id}/pre-birth#milestone-${row.key}`,
      });
    }
  }
  return items;
}
