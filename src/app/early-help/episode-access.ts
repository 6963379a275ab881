// Every early help step opens the same way: the episode by id (404 when there is none), the access
// guard on its child's record for what the step does (early help work is for early help workers and
// managers: 'early-help:work'), the episode locked when changing it, and what has been done so far.
import type { Transaction } from 'kysely';
import {
  assessmentsOf,
  episodeById,
  lockEpisode,
  plansOf,
  touchEpisode,
  type AssessmentRow,
  type EpisodeRow,
  type PlanRow,
} from '../../db/early-help/episode-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import { openChildRecord, type OpenedChildRecord } from '../records/child-page.ts';
import { NotFoundError, StaleVersionError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';

/** Why a step cannot be taken now: the page sends the worker back to the child's early help summary. */
export type StepUnavailableReason = 'no-open-episode' | 'assessment-done' | 'assessment-needed' | 'plan-done' | 'plan-needed';

export class EarlyHelpStepUnavailableError extends Error {
  constructor(
    readonly childId: string,
    readonly reason: StepUnavailableReason,
  ) {
    super(`Early help step unavailable: ${reason}`);
    this.name = 'EarlyHelpStepUnavailableError';
  }
}

export interface OpenedEpisode extends OpenedChildRecord {
  readonly episode: EpisodeRow;
  readonly assessment: AssessmentRow | undefined;
  readonly plan: PlanRow | undefined;
}

export async function openEpisode(trx: Transaction<Database>, ctx: RequestContext, action: RecordAction, episodeId: string, now: Date): Promise<OpenedEpisode> {
  if (action === 'change') requirePermission(ctx, 'early-help:work');
  const found = await episodeById(trx, episodeId);
  if (found === undefined) throw new NotFoundError('Early help episode');
  const opened = await openChildRecord(trx, ctx.actor, action, found.childId, now);
  if (action === 'change') await lockEpisode(trx, episodeId);
  const episode = action === 'change' ? ((await episodeById(trx, episodeId)) ?? found) : found;
  if (episode.status !== 'open') throw new EarlyHelpStepUnavailableError(episode.childId, 'no-open-episode');
  const [assessments, plans] = await Promise.all([assessmentsOf(trx, [episode.id]), plansOf(trx, [episode.id])]);
  return { ...opened, episode, assessment: assessments[0], plan: plans[0] };
}

/** Refuses a form opened before someone else changed the episode, and marks this change. */
export async function claimEpisodeVersion(trx: Transaction<Database>, episode: EpisodeRow, version: number): Promise<void> {
  if (!(await touchEpisode(trx, episode.id, version))) throw new StaleVersionError('early-help-episode', episode.id, { version: episode.version });
}
