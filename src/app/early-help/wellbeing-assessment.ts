// The Signs of Safety wellbeing assessment (seed 004 §7): what are we worried about, what is working
// well, what needs to happen, the scaling question (0-10) and the child's voice. A long form: the
// worker's draft is kept in the draft table (never the session: CONVENTIONS.md 12) until completed.
// Due 45 working days from the early help referral (EH-02, CFG); whether it met that is recorded.
import { deleteDraft, findDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import { insertAssessment } from '../../db/early-help/episode-repository.ts';
import { timelinessOf } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { claimEpisodeVersion, EarlyHelpStepUnavailableError, openEpisode, type OpenedEpisode } from './episode-access.ts';
import { assessmentDraft, assessmentInput, EARLY_HELP_MESSAGES, parseOrThrow, type AssessmentDraft, type AssessmentInput } from './input.ts';

export const wellbeingAssessmentDraftJourney = (childId: string): string => `early-help:wellbeing-assessment:${childId}`;

export interface AssessmentForm extends OpenedEpisode {
  readonly draft: AssessmentDraft | null;
}

async function openForChange(trx: Parameters<typeof openEpisode>[0], ctx: RequestContext, episodeId: string, now: Date): Promise<OpenedEpisode> {
  const opened = await openEpisode(trx, ctx, 'change', episodeId, now);
  if (opened.assessment !== undefined) throw new EarlyHelpStepUnavailableError(opened.episode.childId, 'assessment-done');
  return opened;
}

export async function openWellbeingAssessmentForm(
  deps: AppDeps,
  ctx: RequestContext,
  episodeId: string,
  options: { readonly audit?: boolean } = {},
): Promise<AssessmentForm> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const opened = await openForChange(trx, ctx, episodeId, now);
    const childId = opened.episode.childId;
    const stored = await findDraft(trx, opened.actor.userId, wellbeingAssessmentDraftJourney(childId));
    const parsed = stored === undefined ? null : assessmentDraft.safeParse(stored);
    const draft = parsed?.success === true ? parsed.data : null;
    if (options.audit !== false) {
      await audit({
        action: 'early-help.wellbeing-assessment-form.viewed',
        subjectType: 'early-help-episode',
        subjectId: opened.episode.id,
        childId,
        changes: { draft: draft !== null },
      });
    }
    return { ...opened, draft };
  });
}

export async function saveWellbeingAssessmentDraft(
  deps: AppDeps,
  ctx: RequestContext,
  episodeId: string,
  values: AssessmentDraft,
): Promise<{ childId: string }> {
  const draft = parseOrThrow(assessmentDraft, values);
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const opened = await openForChange(trx, ctx, episodeId, now);
    const childId = opened.episode.childId;
    await upsertDraft(trx, opened.actor.userId, wellbeingAssessmentDraftJourney(childId), { ...draft }, now);
    await audit({ action: 'early-help.wellbeing-assessment-draft.saved', subjectType: 'early-help-episode', subjectId: opened.episode.id, childId });
    return { childId };
  });
}

export async function discardWellbeingAssessmentDraft(deps: AppDeps, ctx: RequestContext, episodeId: string): Promise<{ childId: string; existed: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const opened = await openEpisode(trx, ctx, 'change', episodeId, now);
    const childId = opened.episode.childId;
    const removed = await deleteDraft(trx, opened.actor.userId, wellbeingAssessmentDraftJourney(childId));
    await audit({
      action: 'early-help.wellbeing-assessment-draft.discarded',
      subjectType: 'early-help-episode',
      subjectId: opened.episode.id,
      childId,
      changes: { existed: removed !== undefined },
    });
    return { childId, existed: removed !== undefined };
  });
}

export async function completeWellbeingAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  episodeId: string,
  values: AssessmentInput,
): Promise<{ id: string; childId: string }> {
  const input = parseOrThrow(assessmentInput, values);
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, episode } = await openForChange(trx, ctx, episodeId, now);
    const childId = episode.childId;
    const today = londonToday(now);
    const completedOn = parseLocalDate(input.completedOn);
    if (completedOn.isAfter(today)) throw new ValidationError({ completedOn: EARLY_HELP_MESSAGES.future });
    if (input.completedOn < episode.referredOn) throw new ValidationError({ completedOn: EARLY_HELP_MESSAGES.beforeReferral });
    await claimEpisodeVersion(trx, episode, input.version);
    const timeliness = timelinessOf(parseLocalDate(episode.referredOn), parseLocalDate(episode.assessmentDueOn), completedOn);
    const row = await insertAssessment(trx, {
      episodeId: episode.id,
      childId,
      worries: input.worries,
      workingWell: input.workingWell,
      needsToHappen: input.needsToHappen,
      scaling: input.scaling,
      childsVoice: input.childsVoice,
      completedOn: input.completedOn,
      dueOn: episode.assessmentDueOn,
      withinTimescale: timeliness.met,
      completedByUserId: actor.userId,
      completedAt: now,
    });
    if (row === undefined) throw new EarlyHelpStepUnavailableError(childId, 'assessment-done');
    await deleteDraft(trx, actor.userId, wellbeingAssessmentDraftJourney(childId));
    await audit({
      action: 'early-help.wellbeing-assessment.completed',
      subjectType: 'wellbeing-assessment',
      subjectId: row.id,
      childId,
      changes: {
        episodeId: episode.id,
        scaling: input.scaling,
        completedOn: input.completedOn,
        dueOn: episode.assessmentDueOn,
        withinTimescale: timeliness.met,
        workingDays: timeliness.workingDaysTaken,
      },
    });
    return { id: row.id, childId };
  });
}
