// Paid services for an eligible disabled child (seed 004 §13, BR-10): short breaks and their
// reviews, and personal budget requests to the resource allocation panel with the panel's decision.
// Each needs the eligibility decision in force to say "eligible"; a form opened under another
// decision than the one now in force is refused as stale.
import type { Transaction } from 'kysely';
import {
  findConfirmedDecision,
  insertBudgetRequest,
  insertPanelDecision,
  insertShortBreak,
  insertShortBreakReview,
  lockBudgetRequest,
  lockShortBreak,
  updateRequestAfterDecision,
  updateShortBreakAfterReview,
} from '../../db/disabilities/disabilities-repository.ts';
import type { Database } from '../../db/schema.ts';
import {
  awaitsPanel,
  beyondRegulation48,
  checkPanelDecision,
  isShortBreakReviewOutcome,
  paidServicesAllowed,
  parsePounds,
  PANEL_MESSAGES,
  SERVICES_MESSAGES,
  shortBreakProblems,
  shortBreakUnit,
  statusAfter,
  type PanelDecisionInput,
  type ShortBreakType,
} from '../../domain/disabilities/services.ts';
import { shortBreakReviewDue } from '../../domain/disabilities/timescales.ts';
import { isValidIsoDate, parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { isStorableText } from '../shared/safe-text.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { DISABILITIES_MODULE, lockChild, openForChange } from './access.ts';

function text(errors: Record<string, string>, key: string, value: string, max: number, required: string): string {
  const trimmed = value.trim();
  if (trimmed === '') errors[key] = required;
  else if (!isStorableText(trimmed)) errors[key] = 'Remove the characters that cannot be stored (control or broken characters)';
  else if (trimmed.length > max) errors[key] = `Must be ${max.toLocaleString('en-GB')} characters or fewer`;
  return trimmed;
}

/** The confirmed eligible decision the form was opened under, or a refusal. */
async function eligibleDecision(trx: Transaction<Database>, childId: string, postedDecisionId: string): Promise<string> {
  const confirmed = await findConfirmedDecision(trx, childId);
  if (confirmed === undefined || !paidServicesAllowed(confirmed.outcome)) throw new ValidationError({ eligibility: SERVICES_MESSAGES.notEligible });
  if (confirmed.id !== postedDecisionId) throw new StaleVersionError('eligibility-decision', confirmed.id, confirmed, { ...DISABILITIES_MODULE, childId });
  return confirmed.id;
}

export interface ShortBreakFormInput {
  readonly eligibilityDecisionId: string;
  readonly type: string;
  readonly provider: string;
  readonly amount: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

export const SHORT_BREAK_APP_MESSAGES = {
  provider: 'Enter who provides the short breaks',
} as const;

export async function recordShortBreak(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: ShortBreakFormInput,
): Promise<{ shortBreakId: string; beyondRegulation48: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChange(trx, ctx, 'disabilities:record', childId, now);
    await lockChild(trx, childId);
    const decisionId = await eligibleDecision(trx, childId, input.eligibilityDecisionId);
    const errors: Record<string, string> = { ...shortBreakProblems(input) };
    const provider = text(errors, 'provider', input.provider, 500, SHORT_BREAK_APP_MESSAGES.provider);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const type = input.type as ShortBreakType;
    const amount = Number(input.amount.trim());
    const shortBreakId = await insertShortBreak(trx, {
      childId,
      eligibilityDecisionId: decisionId,
      breakType: type,
      provider,
      amount,
      unit: shortBreakUnit(type),
      startsOn: input.startsOn,
      endsOn: input.endsOn === '' ? null : input.endsOn,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    const beyond = beyondRegulation48(type, amount);
    await audit({
      action: 'disabilities.short-break.recorded',
      subjectType: 'short-break',
      subjectId: shortBreakId,
      childId,
      changes: {
        type,
        amount,
        unit: shortBreakUnit(type),
        startsOn: input.startsOn,
        endsOn: input.endsOn === '' ? null : input.endsOn,
        beyondRegulation48: beyond,
      },
    });
    return { shortBreakId, beyondRegulation48: beyond };
  });
}

export const SHORT_BREAK_REVIEW_MESSAGES = {
  shortBreak: 'Select the short break you reviewed',
  reviewedOn: 'Enter the date of the review',
  reviewedOnReal: 'The date of the review must be a real date',
  reviewedOnFuture: 'The date of the review must be today or in the past',
  reviewedOnBeforeStart: 'The review must be on or after the day the short breaks started',
  outcome: 'Select the outcome of the review',
  notes: 'Enter what the review found: how the breaks are working for the child and the family',
  notActive: 'These short breaks have ended',
} as const;

export async function reviewShortBreak(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  shortBreakId: string,
  version: number,
  input: { readonly reviewedOn: string; readonly outcome: string; readonly notes: string },
): Promise<{ reviewId: string; ended: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChange(trx, ctx, 'disabilities:record', childId, now);
    const sb = await lockShortBreak(trx, childId, shortBreakId);
    if (sb === undefined) throw new ValidationError({ shortBreak: SHORT_BREAK_REVIEW_MESSAGES.shortBreak });
    if (sb.version !== version) throw new StaleVersionError('short-break', sb.id, sb, { ...DISABILITIES_MODULE, childId });
    if (sb.status !== 'active') throw new ValidationError({ shortBreak: SHORT_BREAK_REVIEW_MESSAGES.notActive });
    const errors: Record<string, string> = {};
    const today = londonToday(now);
    if (input.reviewedOn === '') errors['reviewedOn'] = SHORT_BREAK_REVIEW_MESSAGES.reviewedOn;
    else if (!isValidIsoDate(input.reviewedOn)) errors['reviewedOn'] = SHORT_BREAK_REVIEW_MESSAGES.reviewedOnReal;
    else if (input.reviewedOn > today) errors['reviewedOn'] = SHORT_BREAK_REVIEW_MESSAGES.reviewedOnFuture;
    else if (input.reviewedOn < sb.startsOn) errors['reviewedOn'] = SHORT_BREAK_REVIEW_MESSAGES.reviewedOnBeforeStart;
    if (!isShortBreakReviewOutcome(input.outcome)) errors['outcome'] = SHORT_BREAK_REVIEW_MESSAGES.outcome;
    const notes = text(errors, 'notes', input.notes, 10000, SHORT_BREAK_REVIEW_MESSAGES.notes);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    // The review due (ignoring any planned end), and whether this one met it.
    const due = shortBreakReviewDue({ ...sb, endsOn: null });
    const dueOn = due === null ? input.reviewedOn : toIsoDate(due.due);
    const ended = input.outcome === 'end';
    const reviewId = await insertShortBreakReview(trx, {
      shortBreakId: sb.id,
      childId,
      reviewedOn: input.reviewedOn,
      dueOn,
      withinTimescale: !parseLocalDate(input.reviewedOn).isAfter(parseLocalDate(dueOn)),
      outcome: ended ? 'end' : 'continue',
      notes,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    const latest = sb.lastReviewedOn !== null && sb.lastReviewedOn > input.reviewedOn ? sb.lastReviewedOn : input.reviewedOn;
    const changes = ended ? { lastReviewedOn: latest, status: 'ended' as const, endedOn: input.reviewedOn } : { lastReviewedOn: latest };
    if (!(await updateShortBreakAfterReview(trx, sb.id, version, changes)))
      throw new StaleVersionError('short-break', sb.id, sb, { ...DISABILITIES_MODULE, childId });
    await audit({
      action: 'disabilities.short-break.reviewed',
      subjectType: 'short-break',
      subjectId: sb.id,
      childId,
      changes: { reviewId, reviewedOn: input.reviewedOn, dueOn, outcome: ended ? 'end' : 'continue' },
    });
    return { reviewId, ended };
  });
}

export interface BudgetRequestInput {
  readonly eligibilityDecisionId: string;
  readonly amount: string;
  readonly purpose: string;
  /** ISO date of the panel the request goes to, or ''. */
  readonly panelDate: string;
}

export const BUDGET_MESSAGES = {
  amount: 'Enter the amount requested in pounds, for example 2,400 or 2400.50',
  purpose: 'Enter what the personal budget is for: the provision and the outcomes it supports',
  panelDate: 'Enter the date of the panel the request goes to',
  panelDatePast: 'The panel must be today or later',
} as const;

export async function requestPersonalBudget(deps: AppDeps, ctx: RequestContext, childId: string, input: BudgetRequestInput): Promise<{ requestId: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChange(trx, ctx, 'disabilities:record', childId, now);
    await lockChild(trx, childId);
    const decisionId = await eligibleDecision(trx, childId, input.eligibilityDecisionId);
    const errors: Record<string, string> = {};
    const amountPence = parsePounds(input.amount);
    if (amountPence === null) errors['amount'] = BUDGET_MESSAGES.amount;
    const purpose = text(errors, 'purpose', input.purpose, 5000, BUDGET_MESSAGES.purpose);
    const today = londonToday(now);
    if (!isValidIsoDate(input.panelDate)) errors['panelDate'] = BUDGET_MESSAGES.panelDate;
    else if (input.panelDate < today) errors['panelDate'] = BUDGET_MESSAGES.panelDatePast;
    if (Object.keys(errors).length > 0 || amountPence === null) throw new ValidationError(errors);
    const requestId = await insertBudgetRequest(trx, {
      childId,
      eligibilityDecisionId: decisionId,
      amountPence,
      purpose,
      requestedOn: today,
      panelDate: input.panelDate,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    await audit({
      action: 'disabilities.budget-request.submitted',
      subjectType: 'budget-request',
      subjectId: requestId,
      childId,
      changes: { amountPence, panelDate: input.panelDate },
    });
    return { requestId };
  });
}

export const PANEL_APP_MESSAGES = { request: 'Select the request the panel decided' } as const;

export async function recordPanelDecision(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  requestId: string,
  version: number,
  input: PanelDecisionInput,
): Promise<{ decisionId: string; status: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChange(trx, ctx, 'disabilities:record-panel-decision', childId, now);
    const request = await lockBudgetRequest(trx, childId, requestId);
    if (request === undefined) throw new ValidationError({ request: PANEL_APP_MESSAGES.request });
    if (request.version !== version) throw new StaleVersionError('budget-request', request.id, request, { ...DISABILITIES_MODULE, childId });
    if (!awaitsPanel(request.status)) throw new ValidationError({ request: PANEL_MESSAGES.notAwaiting });
    const checked = checkPanelDecision(input, request, parseLocalDate(londonToday(now)));
    if ('problems' in checked) throw new ValidationError(checked.problems);
    const d = checked.decision;
    if (d.reason !== null && (!isStorableText(d.reason) || d.reason.length > 5000))
      throw new ValidationError({ reason: 'Must be 5,000 characters or fewer, without control or broken characters' });
    const decisionId = await insertPanelDecision(trx, {
      requestId: request.id,
      childId,
      panelDate: d.panelDate,
      decision: d.decision,
      approvedAmountPence: d.approvedAmountPence,
      reason: d.reason,
      nextPanelDate: d.nextPanelDate,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    const status = statusAfter(d.decision);
    const changes = d.nextPanelDate === null ? { status } : { status, panelDate: d.nextPanelDate };
    if (!(await updateRequestAfterDecision(trx, request.id, version, changes)))
      throw new StaleVersionError('budget-request', request.id, request, { ...DISABILITIES_MODULE, childId });
    await audit({
      action: 'disabilities.panel-decision.recorded',
      subjectType: 'budget-request',
      subjectId: request.id,
      childId,
      changes: { decisionId, panelDate: d.panelDate, decision: d.decision, approvedAmountPence: d.approvedAmountPence, nextPanelDate: d.nextPanelDate },
    });
    return { decisionId, status };
  });
}
