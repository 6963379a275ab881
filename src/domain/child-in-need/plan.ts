// What a child in need plan says and the rules for agreeing and reviewing it. A plan is written as
// a draft (kept in the database, "save and come back later"), finalised when the family support
// meeting agrees it (CIN-01), and reviewed (CIN-02); a review may start a new version of the plan.
// Ofsted ILACS Milton Keynes 2024 (seed 001, "What needs to improve", first point, and ¶5, ¶17):
// too many plans lack contingency arrangements if change is not achieved or sustained, so a plan with
// no contingency cannot be finalised.

export interface PlanOutcome {
  /** What needs to change for the child, in words the family understands. */
  readonly outcome: string;
  /** How everyone will know it has been achieved (what will be seen, by when). */
  readonly measure: string;
}

export interface PlanAction {
  readonly action: string;
  /** Who will do it: a person or agency named in the plan. */
  readonly owner: string;
  /** ISO date by which it will be done, or '' when not yet agreed. */
  readonly dueOn: string;
}

export interface PlanContent {
  readonly outcomes: readonly PlanOutcome[];
  readonly actions: readonly PlanAction[];
  /** What happens if change is not achieved or sustained (seed 001 improvement point 1). */
  readonly contingency: string;
  /** The child's own views and wishes, in their words where possible (seed 004 §6 "Hear them"). */
  readonly childViews: string;
}

export const EMPTY_PLAN: PlanContent = { outcomes: [], actions: [], contingency: '', childViews: '' };

export const PLAN_LIMITS = { outcomes: 10, actions: 20, text: 2000, longText: 5000 } as const;

export const PLAN_MESSAGES = {
  contingencyRequired: 'Enter the contingency plan: what will happen if change is not achieved or sustained',
  outcomesRequired: 'Enter at least one outcome for the child',
  notDraft: 'Only a draft plan can be changed or finalised',
} as const;

/** Why a draft may not be finalised (field → message), or an empty object. */
export function finaliseProblems(content: PlanContent): Record<string, string> {
  const problems: Record<string, string> = {};
  if (content.outcomes.length === 0) problems['outcomes'] = PLAN_MESSAGES.outcomesRequired;
  if (content.contingency.trim() === '') problems['contingency'] = PLAN_MESSAGES.contingencyRequired;
  return problems;
}

/** What a review decides (seed 004 §8: continue, step down, escalate; domain-spec §4.2 T18, T19). */
export const REVIEW_DECISIONS = {
  continue: 'Continue the child in need plan',
  step_up: 'Step up: request a strategy discussion (child protection)',
  step_down: 'Step down to early help',
  close: 'Close: the child is no longer in need of services',
} as const;

export type ReviewDecision = keyof typeof REVIEW_DECISIONS;

export function isReviewDecision(value: string): value is ReviewDecision {
  return Object.hasOwn(REVIEW_DECISIONS, value);
}

/** Decisions after which the plan is ended by the team manager's closure of the episode. */
export function decisionEndsPlan(decision: ReviewDecision): boolean {
  return decision === 'step_down' || decision === 'close';
}
