// The early help plan (seed 004 §7): outcomes and actions (what, who, by when), agreed with the
// family's consent — who consented and when are recorded, and without consent there is no plan
// (src/domain/early-help/early-help.ts planProblems). Its first review is due 3 months after it is
// agreed (EH-02 review, CFG).
import { insertPlan } from '../../db/early-help/episode-repository.ts';
import { planProblems, type PlanProblem } from '../../domain/early-help/early-help.ts';
import { planReviewDueOn } from '../../domain/early-help/timescales.ts';
import { isValidIsoDate, parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { claimEpisodeVersion, EarlyHelpStepUnavailableError, openEpisode, type OpenedEpisode } from './episode-access.ts';
import { EARLY_HELP_MESSAGES, parseOrThrow, planInput, type PlanInput } from './input.ts';

const PROBLEM_FIELDS: Readonly<Record<PlanProblem, [string, string]>> = {
  'no-consent': ['familyConsents', EARLY_HELP_MESSAGES.noConsent],
  'consent-after-agreement': ['consentGivenOn', EARLY_HELP_MESSAGES.consentAfterAgreement],
  'agreed-before-assessment': ['agreedOn', EARLY_HELP_MESSAGES.beforeAssessment],
  'no-actions': ['actions', EARLY_HELP_MESSAGES.actions],
};

async function openForPlan(trx: Parameters<typeof openEpisode>[0], ctx: RequestContext, episodeId: string, now: Date): Promise<OpenedEpisode> {
  const opened = await openEpisode(trx, ctx, 'change', episodeId, now);
  if (opened.assessment === undefined) throw new EarlyHelpStepUnavailableError(opened.episode.childId, 'assessment-needed');
  if (opened.plan !== undefined) throw new EarlyHelpStepUnavailableError(opened.episode.childId, 'plan-done');
  return opened;
}

export async function openPlanForm(deps: AppDeps, ctx: RequestContext, episodeId: string, options: { readonly audit?: boolean } = {}): Promise<OpenedEpisode> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const opened = await openForPlan(trx, ctx, episodeId, now);
    const childId = opened.episode.childId;
    if (options.audit !== false)
      await audit({ action: 'early-help.plan-form.viewed', subjectType: 'early-help-episode', subjectId: opened.episode.id, childId });
    return opened;
  });
}

export async function recordEarlyHelpPlan(
  deps: AppDeps,
  ctx: RequestContext,
  episodeId: string,
  values: PlanInput,
): Promise<{ id: string; firstReviewDueOn: string; childId: string }> {
  const input = parseOrThrow(planInput, values);
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, episode, assessment } = await openForPlan(trx, ctx, episodeId, now);
    const childId = episode.childId;
    const today = londonToday(now);
    const errors: Record<string, string> = {};
    if (parseLocalDate(input.agreedOn).isAfter(today)) errors['agreedOn'] = EARLY_HELP_MESSAGES.future;
    let consentGivenBy: string | null = null;
    let consentGivenOn: string | null = null;
    if (input.familyConsents) {
      if (input.consentGivenBy === null || input.consentGivenBy === '') errors['consentGivenBy'] = EARLY_HELP_MESSAGES.consentGivenBy;
      else consentGivenBy = input.consentGivenBy;
      if (input.consentGivenOn === null || !isValidIsoDate(input.consentGivenOn)) errors['consentGivenOn'] = EARLY_HELP_MESSAGES.consentGivenOn;
      else if (parseLocalDate(input.consentGivenOn).isAfter(today)) errors['consentGivenOn'] = EARLY_HELP_MESSAGES.future;
      else consentGivenOn = input.consentGivenOn;
    }
    for (const p of planProblems({
      familyConsents: input.familyConsents,
      consentGivenOn,
      agreedOn: input.agreedOn,
      assessmentCompletedOn: assessment?.completedOn ?? null,
      actions: input.actions.length,
    })) {
      const [field, message] = PROBLEM_FIELDS[p];
      errors[field] ??= message;
    }
    if (Object.keys(errors).length > 0 || consentGivenBy === null || consentGivenOn === null) throw new ValidationError(errors);
    await claimEpisodeVersion(trx, episode, input.version);
    const firstReviewDueOn = toIsoDate(planReviewDueOn(parseLocalDate(input.agreedOn)));
    const row = await insertPlan(
      trx,
      {
        episodeId: episode.id,
        childId,
        consentGivenBy,
        consentGivenOn,
        outcomes: input.outcomes,
        agreedOn: input.agreedOn,
        firstReviewDueOn,
        recordedByUserId: actor.userId,
        recordedAt: now,
      },
      input.actions,
    );
    if (row === undefined) throw new EarlyHelpStepUnavailableError(childId, 'plan-done');
    await audit({
      action: 'early-help.plan.agreed',
      subjectType: 'early-help-plan',
      subjectId: row.id,
      childId,
      changes: { episodeId: episode.id, consentGivenOn, agreedOn: input.agreedOn, actions: input.actions.length, firstReviewDueOn },
    });
    return { id: row.id, firstReviewDueOn, childId };
  });
}
