// The early help section of a child's record: every episode, newest first, with its wellbeing
// assessment, plan, reviews and how it ended, and what is due next with how that date was worked out.
import { assessmentsOf, episodesOfChild, plansOf, type AssessmentRow, type EpisodeRow, type PlanRow } from '../../db/early-help/episode-repository.ts';
import { episodeStage, type EpisodeStage } from '../../domain/early-help/early-help.ts';
import { EARLY_HELP_AMBER_WITHIN_WORKING_DAYS, explainPlanReviewDue, explainWellbeingAssessmentDue } from '../../domain/early-help/timescales.ts';
import type { DueExplanation, RagStatus } from '../../domain/shared/timescales/rule.ts';
import { ragStatus } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { nextReviewOf } from './plan-review.ts';

export interface EpisodeView {
  readonly episode: EpisodeRow;
  readonly stage: EpisodeStage;
  readonly assessment: AssessmentRow | undefined;
  readonly plan: PlanRow | undefined;
  /** What is due next on an open episode, explained. */
  readonly nextDue: { readonly what: string; readonly explanation: DueExplanation; readonly rag: RagStatus } | null;
}

export interface EarlyHelpRecord {
  readonly child: ChildHeader;
  readonly episodes: readonly EpisodeView[];
  readonly mayChange: boolean;
}

export async function viewEarlyHelp(deps: AppDeps, ctx: RequestContext, childId: string): Promise<EarlyHelpRecord> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const episodes = await episodesOfChild(trx, childId);
    const ids = episodes.map((e) => e.id);
    const [assessments, plans] = await Promise.all([assessmentsOf(trx, ids), plansOf(trx, ids)]);
    const today = londonToday(now);
    const views = episodes.map((episode): EpisodeView => {
      const assessment = assessments.find((a) => a.episodeId === episode.id);
      const plan = plans.find((p) => p.episodeId === episode.id);
      const stage = episodeStage({ closed: episode.status === 'closed', assessed: assessment !== undefined, planned: plan !== undefined });
      let nextDue: EpisodeView['nextDue'] = null;
      if (stage === 'assessment') {
        const explanation = explainWellbeingAssessmentDue(parseLocalDate(episode.referredOn));
        nextDue = { what: 'Wellbeing assessment', explanation, rag: ragStatus(explanation.due, today, EARLY_HELP_AMBER_WITHIN_WORKING_DAYS) };
      } else if (stage === 'reviewing' && plan !== undefined) {
        const explanation = explainPlanReviewDue(parseLocalDate(nextReviewOf(plan).from));
        nextDue = { what: 'Review of the early help plan', explanation, rag: ragStatus(explanation.due, today, EARLY_HELP_AMBER_WITHIN_WORKING_DAYS) };
      }
      return { episode, stage, assessment, plan, nextDue };
    });
    const mayChange = await mayChangeChildRecord(trx, actor, childId, now);
    await audit({ action: 'early-help.record.viewed', subjectType: 'person', subjectId: childId, childId, changes: { episodes: episodes.length } });
    return { child, episodes: views, mayChange };
  });
}
