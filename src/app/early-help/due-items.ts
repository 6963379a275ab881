// Early help's due items for "My work" (src/app/work/due-item-sources.ts): a wellbeing assessment
// not yet completed (EH-02) and the next review of each agreed plan (EH-02 review), for the open
// episodes in scope that the actor may see.
import type { Transaction } from 'kysely';
import { openEpisodesInScope } from '../../db/early-help/episode-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { DueItem, DueScope } from '../../domain/casework/due-items.ts';
import { explainPlanReviewDue, explainWellbeingAssessmentDue, PLAN_REVIEW, WELLBEING_ASSESSMENT } from '../../domain/early-help/timescales.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';

export async function earlyHelpDueItems(trx: Transaction<Database>, actor: Actor, now: Date, scope: DueScope): Promise<readonly DueItem[]> {
  const episodes = await openEpisodesInScope(trx, actor, now, scope);
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
