// A section 47 enquiry on the child's record: seen, its progress kept as the work goes (child seen
// alone, checks, video-recorded interview, paediatric examination) and its outcome. An outcome of
// "continuing risk" records that an initial child protection conference is due within 15 working days
// of the last strategy discussion about the enquiry (S47-03) and opens it (see requestInitialConference).
import { requireStorable } from './storable-text.ts';
import { loadSection47, updateSection47Progress, completeSection47, type Section47Row } from '../../db/child-protection/section-47-repository.ts';
import {
  checkSection47Outcome,
  checkSection47Progress,
  needsInitialConference,
  SECTION_47_MESSAGES,
  type Section47Outcome,
} from '../../domain/child-protection/section-47.ts';
import { explainInitialConferenceDue, explainSection47Due, initialConferenceDueOn, section47Rag } from '../../domain/child-protection/strategy-timescales.ts';
import type { DueExplanation, RagStatus } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork, type Work } from '../shared/unit-of-work.ts';
import { openInitialConference } from './open-initial-conference.ts';
import { deleteDraft, findDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from '../records/child-page.ts';

export interface Section47ProgressValues {
  readonly childSeenAloneOn: string | null;
  readonly childNotSeenAloneReason: string | null;
  readonly checksSummary: string | null;
  readonly abeInterviewOn: string | null;
  readonly paediatricExamOn: string | null;
}

export interface Section47OutcomeValues extends Section47ProgressValues {
  readonly findings: string;
  readonly outcome: Section47Outcome;
  readonly outcomeOn: string;
}

export interface Section47Page {
  readonly child: ChildHeader;
  readonly enquiry: Section47Row;
  readonly dueExplanation: DueExplanation;
  readonly rag: RagStatus | null;
  /** Shown from the start (what the ICPC date would be), and fixed once the outcome needs one. */
  readonly icpcExplanation: DueExplanation;
  readonly mayChange: boolean;
  readonly draft: Record<string, unknown> | null;
}

/** The drafts table's journey key for one worker's unsaved work on one enquiry. */
export const section47DraftJourney = (section47Id: string): string => `child-protection:section-47:${section47Id}`;

async function openEnquiry(work: Work, ctx: RequestContext, section47Id: string, action: 'read' | 'change') {
  const found = await loadSection47(work.trx, section47Id);
  if (found === undefined) throw new NotFoundError('Section 47 enquiry');
  const opened = await openChildRecord(work.trx, ctx.actor, action, found.childId, work.now);
  return { ...opened, enquiry: found };
}

export async function viewSection47(deps: AppDeps, ctx: RequestContext, section47Id: string, options: { audit?: boolean } = {}): Promise<Section47Page> {
  return unitOfWork(deps, ctx, async (work) => {
    const { actor, child, enquiry } = await openEnquiry(work, ctx, section47Id, 'read');
    const today = londonToday(work.now);
    const mayChange =
      can(actor, 'child-protection:record-enquiry') &&
      enquiry.status === 'in_progress' &&
      (await mayChangeChildRecord(work.trx, actor, enquiry.childId, work.now));
    const stored = mayChange ? await findDraft(work.trx, actor.userId, section47DraftJourney(section47Id)) : undefined;
    if (options.audit !== false)
      await work.audit({ action: 'child-protection.section-47.viewed', subjectType: 'section-47', subjectId: section47Id, childId: enquiry.childId });
    return {
      child,
      enquiry,
      dueExplanation: explainSection47Due(parseLocalDate(enquiry.anchorOn)),
      rag: enquiry.status === 'in_progress' ? section47Rag(parseLocalDate(enquiry.dueOn), today) : null,
      icpcExplanation: explainInitialConferenceDue(parseLocalDate(enquiry.lastStrategyHeldOn)),
      mayChange,
      draft: stored ?? null,
    };
  });
}

export async function saveSection47Draft(deps: AppDeps, ctx: RequestContext, section47Id: string, values: Record<string, unknown>): Promise<void> {
  await unitOfWork(deps, ctx, async (work) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const { actor, enquiry } = await openEnquiry(work, ctx, section47Id, 'change');
    requireStorable(values);
    await upsertDraft(work.trx, actor.userId, section47DraftJourney(section47Id), values, work.now);
    await work.audit({
      action: 'child-protection.section-47.saved',
      subjectType: 'section-47',
      subjectId: section47Id,
      childId: enquiry.childId,
      changes: { draft: true },
    });
  });
}

function progressErrors(values: Section47ProgressValues, startedOn: string, today: ReturnType<typeof londonToday>) {
  return checkSection47Progress(
    {
      childSeenAloneOn: values.childSeenAloneOn === null ? null : parseLocalDate(values.childSeenAloneOn),
      childNotSeenAloneReason: values.childNotSeenAloneReason,
      checksSummary: values.checksSummary,
      abeInterviewOn: values.abeInterviewOn === null ? null : parseLocalDate(values.abeInterviewOn),
      paediatricExamOn: values.paediatricExamOn === null ? null : parseLocalDate(values.paediatricExamOn),
    },
    parseLocalDate(startedOn),
    today,
  );
}

const trimmedOrNull = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text.trim());

/** Saves the work so far (seen alone, checks, interview, examination) without an outcome. */
export async function recordSection47Progress(
  deps: AppDeps,
  ctx: RequestContext,
  section47Id: string,
  version: number,
  values: Section47ProgressValues,
): Promise<void> {
  await unitOfWork(deps, ctx, async (work) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const { actor, enquiry } = await openEnquiry(work, ctx, section47Id, 'change');
    if (enquiry.status !== 'in_progress') throw new ValidationError({ outcome: SECTION_47_MESSAGES.alreadyCompleted });
    requireStorable({ ...values });
    const errors = progressErrors(values, enquiry.startedOn, londonToday(work.now));
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const progress = { ...values, childNotSeenAloneReason: trimmedOrNull(values.childNotSeenAloneReason), checksSummary: trimmedOrNull(values.checksSummary) };
    if (!(await updateSection47Progress(work.trx, section47Id, version, progress)))
      throw new StaleVersionError('section-47', section47Id, { version: enquiry.version });
    await deleteDraft(work.trx, actor.userId, section47DraftJourney(section47Id));
    await work.audit({
      action: 'child-protection.section-47.saved',
      subjectType: 'section-47',
      subjectId: section47Id,
      childId: enquiry.childId,
      changes: {
        draft: false,
        stage: 'progress',
        childSeenAloneOn: values.childSeenAloneOn,
        abeInterviewOn: values.abeInterviewOn,
        paediatricExamOn: values.paediatricExamOn,
      },
    });
  });
}

export interface RecordedOutcome {
  readonly outcome: Section47Outcome;
  /** ISO date the initial conference is due by, when the outcome needs one. */
  readonly icpcDueOn: string | null;
}

/** The outcome of the enquiry, and for "continuing risk" the initial child protection conference. */
export async function recordSection47Outcome(
  deps: AppDeps,
  ctx: RequestContext,
  section47Id: string,
  version: number,
  values: Section47OutcomeValues,
): Promise<RecordedOutcome> {
  return unitOfWork(deps, ctx, async (work) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const { actor, enquiry } = await openEnquiry(work, ctx, section47Id, 'change');
    if (enquiry.status !== 'in_progress') throw new ValidationError({ outcome: SECTION_47_MESSAGES.alreadyCompleted });
    const today = londonToday(work.now);
    requireStorable({ ...values });
    const errors = checkSection47Outcome(
      {
        childSeenAloneOn: values.childSeenAloneOn === null ? null : parseLocalDate(values.childSeenAloneOn),
        childNotSeenAloneReason: values.childNotSeenAloneReason,
        checksSummary: values.checksSummary,
        abeInterviewOn: values.abeInterviewOn === null ? null : parseLocalDate(values.abeInterviewOn),
        paediatricExamOn: values.paediatricExamOn === null ? null : parseLocalDate(values.paediatricExamOn),
        findings: values.findings,
        outcome: values.outcome,
        outcomeOn: parseLocalDate(values.outcomeOn),
      },
      parseLocalDate(enquiry.startedOn),
      today,
    );
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const icpcDueOn = needsInitialConference(values.outcome) ? toIsoDate(initialConferenceDueOn(parseLocalDate(enquiry.lastStrategyHeldOn))) : null;
    const done = await completeSection47(work.trx, section47Id, version, {
      childSeenAloneOn: values.childSeenAloneOn,
      childNotSeenAloneReason: values.childSeenAloneOn === null ? trimmedOrNull(values.childNotSeenAloneReason) : null,
      checksSummary: trimmedOrNull(values.checksSummary),
      abeInterviewOn: values.abeInterviewOn,
      paediatricExamOn: values.paediatricExamOn,
      findings: values.findings.trim(),
      outcome: values.outcome,
      outcomeOn: values.outcomeOn,
      icpcDueOn,
      completedByUserId: actor.userId,
      completedAt: work.now,
    });
    if (!done) throw new StaleVersionError('section-47', section47Id, { version: enquiry.version });
    await deleteDraft(work.trx, actor.userId, section47DraftJourney(section47Id));
    await work.audit({
      action: 'child-protection.section-47.saved',
      subjectType: 'section-47',
      subjectId: section47Id,
      childId: enquiry.childId,
      changes: { draft: false, stage: 'outcome' },
    });
    await work.audit({
      action: 'child-protection.section-47.completed',
      subjectType: 'section-47',
      subjectId: section47Id,
      childId: enquiry.childId,
      changes: { outcome: values.outcome, outcomeOn: values.outcomeOn, childSeenAloneOn: values.childSeenAloneOn, icpcDueOn },
    });
    if (icpcDueOn !== null) await requestInitialConference(work, enquiry);
    return { outcome: values.outcome, icpcDueOn };
  });
}

/**
 * The initial child protection conference an enquiry with continuing risk needs (S47-03): opened in the
 * same transaction as the outcome, due 15 working days from the last strategy discussion about the
 * enquiry (src/app/child-protection/open-initial-conference.ts). Where one is already waiting, or the
 * child is already on a plan (whose next review conference considers the enquiry), none is opened and
 * the reason is audited; the outcome itself is never refused for it.
 */
async function requestInitialConference(work: Work, enquiry: Section47Row): Promise<void> {
  try {
    await openInitialConference(work, {
      childId: enquiry.childId,
      section47Id: enquiry.id,
      strategyDiscussionId: enquiry.lastStrategyDiscussionId,
      strategyHeldOn: enquiry.lastStrategyHeldOn,
      teamId: enquiry.teamId,
    });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    await work.audit({
      action: 'child-protection.initial-conference.not-opened',
      subjectType: 'section-47',
      subjectId: enquiry.id,
      childId: enquiry.childId,
      changes: { reason: Object.values(error.fieldErrors).join('. ') },
    });
  }
}
