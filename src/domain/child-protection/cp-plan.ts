// The child protection plan's rules: what a plan must contain before it is final, the quality checks a
// CP chair sees, how long a plan has lasted and whether it is a second or later plan, and the reasons a
// review conference may end a plan. Pure.
import type { LocalDate } from '@js-joda/core';
import { addYears } from '../shared/time/periods.ts';
import { LONG_PLAN_YEARS } from './timescales.ts';

export interface PlanOutcome {
  readonly description: string;
}

export interface PlanAction {
  readonly action: string;
  readonly owner: string | null;
  readonly dueOn: string | null;
}

export interface PlanContent {
  readonly outcomes: readonly PlanOutcome[];
  readonly actions: readonly PlanAction[];
  readonly contingencyPlan: string | null;
}

/**
 * Why a plan cannot be finalised, by field (empty when it can). A plan needs outcomes (what must
 * change), actions with who does them and by when, and a contingency plan (what happens if the plan
 * does not work): Working Together to Safeguard Children 2023, chapter 3 (the child protection plan:
 * outcomes, actions, who is responsible and timescales, and a contingency plan) (verified: false); the
 * same rule as child in need plans (issue "Child protection": "cannot be finalised without it").
 */
export function planFinaliseProblems(content: PlanContent): Readonly<Record<string, string>> {
  const problems: Record<string, string> = {};
  if (content.outcomes.length === 0) problems['outcomes'] = 'Enter at least one outcome: what needs to change for the child to be safe';
  if (content.actions.length === 0) problems['actions'] = 'Enter at least one action';
  else if (content.actions.some((a) => a.owner === null || a.dueOn === null)) problems['actions'] = 'Every action needs who will do it and by when';
  if (content.contingencyPlan === null || content.contingencyPlan.trim() === '') {
    problems['contingencyPlan'] = 'Enter the contingency plan: what will happen if the plan does not keep the child safe';
  }
  return problems;
}

export interface QualityCheck {
  readonly key: 'contingency' | 'outcomes' | 'action-owners' | 'action-dates' | 'core-group' | 'lead-worker';
  readonly met: boolean;
  readonly text: string;
}

/** The quality of a plan as a CP chair reviews it: each check met or not, in plain English. */
export function planQualityChecks(
  content: PlanContent,
  facts: { readonly leadWorkerNamed: boolean; readonly coreGroupMembers: number },
): readonly QualityCheck[] {
  const actions = content.actions;
  return [
    { key: 'outcomes', met: content.outcomes.length > 0, text: 'Outcomes say what needs to change' },
    { key: 'action-owners', met: actions.length > 0 && actions.every((a) => a.owner !== null), text: 'Every action has someone responsible' },
    { key: 'action-dates', met: actions.length > 0 && actions.every((a) => a.dueOn !== null), text: 'Every action has a date' },
    { key: 'contingency', met: content.contingencyPlan !== null && content.contingencyPlan.trim() !== '', text: 'There is a contingency plan' },
    { key: 'lead-worker', met: facts.leadWorkerNamed, text: 'A lead social worker is named' },
    { key: 'core-group', met: facts.coreGroupMembers > 0, text: 'Core group members are named' },
  ];
}

export function qualityScore(checks: readonly QualityCheck[]): { readonly met: number; readonly of: number } {
  return { met: checks.filter((c) => c.met).length, of: checks.length };
}

/** Whether a plan started on `startedOn` has lasted more than 2 years by `on` (ended plans: their end date). */
export function isLongPlan(startedOn: LocalDate, on: LocalDate): boolean {
  return on.isAfter(addYears(startedOn, LONG_PLAN_YEARS));
}

/** Whole months a plan has lasted (for the dashboard's duration bands). */
export function planDurationBand(startedOn: LocalDate, on: LocalDate): 'under-3-months' | '3-to-12-months' | '1-to-2-years' | 'over-2-years' {
  if (isLongPlan(startedOn, on)) return 'over-2-years';
  if (on.isAfter(startedOn.plusYears(1))) return '1-to-2-years';
  if (!on.isBefore(startedOn.plusMonths(3))) return '3-to-12-months';
  return 'under-3-months';
}

export const DURATION_BAND_LABELS = {
  'under-3-months': 'Under 3 months',
  '3-to-12-months': '3 to 12 months',
  '1-to-2-years': '1 to 2 years',
  'over-2-years': 'Over 2 years',
} as const;

/** A plan is a second or later plan when the child had an earlier plan (DfE CIN census counts these). */
export function planNumberFor(earlierPlans: number): number {
  return earlierPlans + 1;
}

/**
 * Why a review conference ends a plan. WT2023 chapter 3 (verified: false): a plan ends when the
 * conference judges the child is no longer at continuing risk of significant harm, or the child moves
 * permanently to another area (its conference takes over), reaches 18, or dies; a looked-after child's
 * needs may be met through their care plan. Local wording (CFG).
 */
export const PLAN_END_REASONS = [
  { code: 'no_longer_at_risk', label: 'No longer at continuing risk of significant harm' },
  { code: 'care_plan', label: 'Looked after: needs met through the care plan' },
  { code: 'moved_area', label: 'Moved to another local authority (their conference has taken over)' },
  { code: 'reached_18', label: 'Reached 18' },
  { code: 'died', label: 'Died' },
] as const;

export type PlanEndReason = (typeof PLAN_END_REASONS)[number]['code'];
export const PLAN_END_REASON_CODES = PLAN_END_REASONS.map((r) => r.code) as [PlanEndReason, ...PlanEndReason[]];

export function planEndReasonLabel(code: string): string {
  return PLAN_END_REASONS.find((r) => r.code === code)?.label ?? code;
}
