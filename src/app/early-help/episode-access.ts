// Every early help step on a child's record opens the same way: the access guard for what the step
// does, then the child's open episode (locked when changing it) and what has been done in it so far.
import type { Transaction } from 'kysely';
import {
  assessmentsOf,
  lockOpenEpisode,
  openEpisodeOf,
  plansOf,
  touchEpisode,
  type AssessmentRow,
  type EpisodeRow,
  type PlanRow,
} from '../../db/early-help/episode-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import { openChildRecord, type OpenedChildRecord } from '../records/child-page.ts';
import { StaleVersionError } from '../shared/errors.ts';

/** Why a step cannot be taken now: the page sends the worker back to the early help summary. */
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

export async function openEpisode(
  trx: Transaction<Database>,
  actor: OpenedChildRecord['actor'] | null,
  action: RecordAction,
  childId: string,
  now: Date,
): Promise<OpenedEpisode> {
  const opened = await openChildRecord(trx, actor, action, childId, now);
  if (action === 'change') await lockOpenEpisode(trx, childId);
  const episode = await openEpisodeOf(trx, childId);
  if (episode === undefined) throw new EarlyHelpStepUnavailableError(childId, 'no-open-episode');
  const [assessments, plans] = await Promise.all([assessmentsOf(trx, [episode.id]), plansOf(trx, [episode.id])]);
  return { ...opened, episode, assessment: assessments[0], plan: plans[0] };
}

/** Refuses a form opened before someone else changed the episode, and marks this change. */
export async function claimEpisodeVersion(trx: Transaction<Database>, episode: EpisodeRow, version: number): Promise<void> {
  if (!(await touchEpisode(trx, episode.id, version))) throw new StaleVersionError('early-help-episode', episode.id, { version: episode.version });
}
