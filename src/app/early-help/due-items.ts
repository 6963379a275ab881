// Early help's due items for "My work" (src/app/work/due-item-sources.ts): a wellbeing assessment
// not yet completed (EH-02) and the next review of each agreed plan (EH-02 review), for the open
// episodes in scope that the actor may see.
import { openEpisodesRead, type OpenEpisodeDue } from '../../db/early-help/episode-repository.ts';
import type { DueItem } from '../../domain/casework/due-items.ts';
import { explainPlanReviewDue, explainWellbeingAssessmentDue, PLAN_REVIEW, WELLBEING_ASSESSMENT } from '../../domain/early-help/timescales.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { dueItemSource, type DueItemSource } from '../work/due-item-source.ts';

// Early help reads its own scope: the episode's worker or team (not the child's allocation).
export const earlyHelpDueItems: DueItemSource = dueItemSource('earlyHelpDueItems', {
  reads: ({ actor, now, scope }) => [openEpisodesRead(actor, now, scope)],
  items: ([episodes = []]) => dueItemsOf(episodes as readonly OpenEpisodeDue[]),
});

function dueItemsOf(episodes: readonly OpenEpisodeDue[]): DueItem[] {
  const items: DueItem[] = [];
  for (const e of episodes) {
    const base = { childId: e.childId, childName: e.childName, teamName: e.teamName, workerName: e.workerName };
    if (!e.assessed) {
      const x = explainWellbeingAssessmentDue(parseLocalDate(e.referredOn));
      items.push({
        ...base,
        what: 'Early help wellbeing assessment',
        dueOn: toIsoDate(x.due),
        ruleId: WELLBEING_ASSESSMENT.id,
        explanation: { summary: x.summary, source: x.source, arithmetic: x.arithmetic },
        href: `/early-help/episodes/${e.episodeId}/wellbeing-assessment`,
      });
    } else if (e.planAgreedOn !== null) {
      const from = e.lastReviewedOn ?? e.planAgreedOn;
      const x = explainPlanReviewDue(parseLocalDate(from));
      items.push({
        ...base,
        what: 'Early help plan review',
        dueOn: toIsoDate(x.due),
        ruleId: PLAN_REVIEW.id,
        explanation: { summary: x.summary, source: x.source, arithmetic: x.arithmetic },
        href: `/early-help/episodes/${e.episodeId}/review`,
      });
    }
  }
  return items;
}
