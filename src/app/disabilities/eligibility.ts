// The eligibility decision for the Children with Disabilities service (seed 004 §13): the worker
// answers every criterion and exclusion with its evidence (a long form, its draft kept in the draft
// table until recorded: CONVENTIONS.md 12), the domain works out the outcome and its reason
// (src/domain/disabilities/eligibility.ts), the worker records it, and the team manager confirms it
// or returns it. Each recorded decision is a new version; a confirmed one supersedes the last.
import { deleteDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import {
  findConfirmedDecision,
  findRecordedDecision,
  insertDecision,
  lockRecordedDecision,
  nextDecisionNumber,
  reviewDecision,
} from '../../db/disabilities/disabilities-repository.ts';
import {
  answerField,
  answerProblems,
  ELIGIBILITY_CODES,
  eligibilityOutcome,
  isEvidenceSource,
  isManagerDecision,
  type EligibilityAnswer,
  type EligibilityOutcome,
} from '../../domain/disabilities/eligibility.ts';
import { isValidIsoDate, parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { isStorableText } from '../shared/safe-text.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { DISABILITIES_MODULE, lockChild, openForChange } from './access.ts';

export const eligibilityDraftJourney = (childId: string): string => `disabilities:eligibility:${childId}`;

export const RECORD_MESSAGES = {
  summary: 'Enter the worker’s analysis: how the child’s needs meet or do not meet the criteria',
  adviceGiven: 'Enter the advice and information given to the parents about services that may be more appropriate',
  decidedOn: 'Enter the date of the decision',
  decidedOnReal: 'The date of the decision must be a real date',
  decidedOnFuture: 'The date of the decision must be today or in the past',
  alreadyAwaiting: 'A decision for this child is already waiting for the team manager',
  stale: 'Someone else recorded a decision for this child since you opened the form. Reload the page and check it',
  tooLong: (max: number) => `Must be ${max.toLocaleString('en-GB')} characters or fewer`,
  unstorable: 'Remove the characters that cannot be stored (control or broken characters)',
  draftInvalid: 'The draft could not be saved: remove the characters that cannot be stored, or shorten the longest answers',
} as const;

/** The raw form fields a draft keeps (strings as typed), and their longest length. */
function draftFieldLimits(): Map<string, number> {
  const limits = new Map<string, number>([
    ['summary', 10000],
    ['adviceGiven', 5000],
    ['decidedOn-day', 10],
    ['decidedOn-month', 10],
    ['decidedOn-year', 10],
  ]);
  for (const code of ELIGIBILITY_CODES) {
    limits.set(answerField(code, 'met'), 20);
    limits.set(answerField(code, 'evidence'), 5000);
    limits.set(answerField(code, 'evidenceSource'), 40);
    for (const part of ['day', 'month', 'year']) limits.set(`${answerField(code, 'evidenceDate')}-${part}`, 10);
  }
  return limits;
}
const DRAFT_FIELDS = draftFieldLimits();

/** The eligibility form's own field names (what a draft keeps and a re-shown form is filled from). */
export const ELIGIBILITY_FORM_FIELDS: readonly string[] = [...DRAFT_FIELDS.keys()];

/** A draft's values: only the form's own fields, as strings, storable and within their limits. */
export function draftValuesOf(values: Readonly<Record<string, unknown>>): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [key, max] of DRAFT_FIELDS) {
    const v = values[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length > max || !isStorableText(v)) return null;
    if (v !== '') out[key] = v;
  }
  return out;
}

export async function saveEligibilityDraft(deps: AppDeps, ctx: RequestContext, childId: string, values: Readonly<Record<string, unknown>>): Promise<void> {
  const draft = draftValuesOf(values);
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChange(trx, ctx, 'disabilities:record', childId, now);
    if (draft === null) throw new ValidationError({ summary: RECORD_MESSAGES.draftInvalid });
    await upsertDraft(trx, actor.userId, eligibilityDraftJourney(childId), draft, now);
    await audit({
      action: 'disabilities.eligibility-draft.saved',
      subjectType: 'person',
      subjectId: childId,
      childId,
      changes: { fields: Object.keys(draft).length },
    });
  });
}

export async function discardEligibilityDraft(deps: AppDeps, ctx: RequestContext, childId: string): Promise<{ existed: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChange(trx, ctx, 'disabilities:record', childId, now);
    const removed = await deleteDraft(trx, actor.userId, eligibilityDraftJourney(childId));
    await audit({
      action: 'disabilities.eligibility-draft.discarded',
      subjectType: 'person',
      subjectId: childId,
      childId,
      changes: { existed: removed !== undefined },
    });
    return { existed: removed !== undefined };
  });
}

/** One answer as the form gives it: met is 'met', 'not_met' or ''; the date ISO or ''. */
export interface RawAnswer {
  readonly met: string;
  readonly evidence: string;
  readonly evidenceSource: string;
  readonly evidenceDate: string;
}

export interface RecordEligibilityInput {
  readonly answers: Readonly<Record<string, RawAnswer>>;
  readonly summary: string;
  readonly adviceGiven: string;
  readonly decidedOn: string;
  /** The number of the latest decision when the form was opened (0: none), so a decision recorded since is not overlooked. */
  readonly latestNumber: number;
}

function text(errors: Record<string, string>, key: string, value: string, max: number, required: string | null): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    if (required !== null) errors[key] = required;
  } else if (!isStorableText(trimmed)) errors[key] = RECORD_MESSAGES.unstorable;
  else if (trimmed.length > max) errors[key] = RECORD_MESSAGES.tooLong(max);
  return trimmed;
}

export async function recordEligibilityDecision(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: RecordEligibilityInput,
): Promise<{ decisionId: string; outcome: EligibilityOutcome; number: number }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChange(trx, ctx, 'disabilities:record', childId, now);
    await lockChild(trx, childId);
    const number = await nextDecisionNumber(trx, childId);
    if (number - 1 !== input.latestNumber) {
      throw new StaleVersionError('eligibility-decision', childId, { version: number - 1 }, { ...DISABILITIES_MODULE, childId });
    }
    if ((await findRecordedDecision(trx, childId)) !== undefined) throw new ValidationError({ decision: RECORD_MESSAGES.alreadyAwaiting });
    const today = parseLocalDate(londonToday(now));
    const errors: Record<string, string> = {};
    const answers: EligibilityAnswer[] = ELIGIBILITY_CODES.map((code) => {
      const raw = input.answers[code] ?? { met: '', evidence: '', evidenceSource: '', evidenceDate: '' };
      const evidence = text(errors, answerField(code, 'evidence'), raw.evidence, 5000, null);
      if (raw.evidenceDate !== '' && !isValidIsoDate(raw.evidenceDate))
        errors[answerField(code, 'evidenceDate')] = 'The date of the evidence must be a real date';
      return {
        code,
        met: raw.met === 'met' ? true : raw.met === 'not_met' ? false : null,
        evidence,
        evidenceSource: isEvidenceSource(raw.evidenceSource) ? raw.evidenceSource : null,
        evidenceDate: raw.evidenceDate,
      };
    });
    for (const [field, message] of Object.entries(answerProblems(answers, today))) errors[field] ??= message;
    const summary = text(errors, 'summary', input.summary, 10000, RECORD_MESSAGES.summary);
    if (input.decidedOn === '') errors['decidedOn'] = RECORD_MESSAGES.decidedOn;
    else if (!isValidIsoDate(input.decidedOn)) errors['decidedOn'] = RECORD_MESSAGES.decidedOnReal;
    else if (parseLocalDate(input.decidedOn).isAfter(today)) errors['decidedOn'] = RECORD_MESSAGES.decidedOnFuture;
    const result = eligibilityOutcome(answers);
    const adviceGiven = text(errors, 'adviceGiven', input.adviceGiven, 5000, result.outcome === 'not_eligible' ? RECORD_MESSAGES.adviceGiven : null);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const decisionId = await insertDecision(
      trx,
      {
        childId,
        number,
        outcome: result.outcome,
        reason: result.reason,
        decidingCodes: result.decidingCodes,
        summary,
        adviceGiven: result.outcome === 'not_eligible' ? adviceGiven : null,
        decidedOn: input.decidedOn,
        recordedByUserId: actor.userId,
        recordedAt: now,
      },
      answers,
    );
    await deleteDraft(trx, actor.userId, eligibilityDraftJourney(childId));
    await audit({
      action: 'disabilities.eligibility.recorded',
      subjectType: 'eligibility-decision',
      subjectId: decisionId,
      childId,
      changes: { number, outcome: result.outcome, decidingCodes: result.decidingCodes, decidedOn: input.decidedOn },
    });
    return { decisionId, outcome: result.outcome, number };
  });
}

export const CONFIRM_MESSAGES = {
  decision: 'Select whether you confirm the decision',
  comment: 'Enter why you do not confirm the decision, and what the worker should do',
  notAwaiting: 'This decision is not waiting for the team manager',
  ownDecision: 'You recorded this decision: another team manager must confirm it',
} as const;

/** The team manager confirms the recorded decision (it comes into force) or returns it with reasons. */
export async function reviewEligibilityDecision(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  decisionId: string,
  version: number,
  input: { readonly decision: string; readonly comment: string },
): Promise<{ status: 'confirmed' | 'returned' }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChange(trx, ctx, 'disabilities:confirm', childId, now);
    const decision = await lockRecordedDecision(trx, childId, decisionId);
    if (decision === undefined || decision.status !== 'recorded') throw new ValidationError({ decision: CONFIRM_MESSAGES.notAwaiting });
    if (decision.version !== version) throw new StaleVersionError('eligibility-decision', decision.id, decision, { ...DISABILITIES_MODULE, childId });
    const recorder = await trx.selectFrom('cwdEligibilityDecision').select('recordedByUserId').where('id', '=', decisionId).executeTakeFirstOrThrow();
    const errors: Record<string, string> = {};
    if (recorder.recordedByUserId === actor.userId) errors['decision'] = CONFIRM_MESSAGES.ownDecision;
    else if (!isManagerDecision(input.decision)) errors['decision'] = CONFIRM_MESSAGES.decision;
    const comment = text(errors, 'comment', input.comment, 5000, input.decision === 'return' ? CONFIRM_MESSAGES.comment : null);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const status = input.decision === 'confirm' ? 'confirmed' : 'returned';
    const previous = status === 'confirmed' ? await findConfirmedDecision(trx, childId) : undefined;
    if (!(await reviewDecision(trx, decisionId, version, { status, reviewedByUserId: actor.userId, managerComment: comment === '' ? null : comment }, now))) {
      throw new StaleVersionError('eligibility-decision', decision.id, decision, { ...DISABILITIES_MODULE, childId });
    }
    await audit({
      action: status === 'confirmed' ? 'disabilities.eligibility.confirmed' : 'disabilities.eligibility.returned',
      subjectType: 'eligibility-decision',
      subjectId: decisionId,
      childId,
      changes: { number: decision.number, outcome: decision.outcome, supersedes: previous?.id ?? null },
    });
    return { status };
  });
}
