// The quality check a team manager sees on every finalised child in need plan. Ofsted's inspection of
// Milton Keynes (seed 001, ILACS 2024, "What needs to improve" point 1 and ¶5, ¶17) found plans
// reflect children's needs but "too many plans lack contingency arrangements if change is not achieved
// or sustained"; seed 004 §6 asks for plans that are measurable, clear on what must change and when
// ("in the child's not the parents' timescales") and that set out the child's own views. A plan with
// any flag is "weak" and is listed for the manager. Thresholds are CFG (not in the seeds).

import type { PlanContent } from './plan.ts';

export type QualityFlag =
  | 'contingency-missing'
  | 'contingency-too-short'
  | 'contingency-generic'
  | 'no-outcomes'
  | 'outcome-not-measurable'
  | 'no-actions'
  | 'action-without-owner'
  | 'action-without-date'
  | 'no-child-views';

export const QUALITY_FLAG_TEXT: Readonly<Record<QualityFlag, string>> = {
  'contingency-missing': 'There is no contingency plan',
  'contingency-too-short': 'The contingency plan is too short to say what will happen, who will do it and when',
  'contingency-generic': 'The contingency plan is generic: it does not say what will happen if change is not achieved or sustained',
  'no-outcomes': 'The plan has no outcomes for the child',
  'outcome-not-measurable': 'An outcome does not say how everyone will know it has been achieved',
  'no-actions': 'The plan has no actions',
  'action-without-owner': 'An action has no one responsible for it',
  'action-without-date': 'An action has no date to be done by',
  'no-child-views': 'The child’s views are not recorded',
};

/** A contingency shorter than this many words cannot say what, who and when (CFG). */
export const CONTINGENCY_MIN_WORDS = 15;

/** A measure shorter than this many words is not a measure (CFG). */
export const MEASURE_MIN_WORDS = 3;

/**
 * Stock phrases that on their own say nothing about this child (CFG). A contingency made only of
 * them (once short linking words are ignored) is generic.
 */
const STOCK_CONTINGENCY_WORDS = new Set([
  'n/a',
  'na',
  'none',
  'tbc',
  'tba',
  'see',
  'above',
  'plan',
  'will',
  'be',
  'the',
  'a',
  'to',
  'if',
  'needed',
  'necessary',
  'required',
  'escalate',
  'escalated',
  'step',
  'up',
  'review',
  'reviewed',
  'consider',
  'considered',
  'case',
  'and',
  'or',
  'as',
  'per',
  'procedures',
  'procedure',
  'usual',
  'further',
  'action',
  'actions',
  'services',
  'social',
  'care',
  'cp',
  'child',
  'protection',
  'may',
  'need',
  'not',
  'no',
  'change',
  'changes',
  'is',
  'are',
]);

/** Words that state the condition the contingency answers: "if", "should", "unless"... */
const TRIGGER_WORDS = new Set(['if', 'should', 'unless', 'when', 'where', 'otherwise', 'fails', 'fail', 'not']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9/’']+/u)
    .filter((w) => w !== '');
}

export function contingencyFlags(contingency: string): QualityFlag[] {
  const w = words(contingency);
  if (w.length === 0) return ['contingency-missing'];
  const flags: QualityFlag[] = [];
  if (w.length < CONTINGENCY_MIN_WORDS) flags.push('contingency-too-short');
  const saysSomething = w.some((word) => !STOCK_CONTINGENCY_WORDS.has(word));
  const namesTrigger = w.some((word) => TRIGGER_WORDS.has(word));
  if (!saysSomething || !namesTrigger) flags.push('contingency-generic');
  return flags;
}

/** Every quality flag on a plan, in a fixed order; an empty list is a plan of good quality. */
export function planQualityFlags(content: PlanContent): QualityFlag[] {
  const flags: QualityFlag[] = [...contingencyFlags(content.contingency)];
  if (content.outcomes.length === 0) flags.push('no-outcomes');
  if (content.outcomes.some((o) => words(o.measure).length < MEASURE_MIN_WORDS)) flags.push('outcome-not-measurable');
  if (content.actions.length === 0) flags.push('no-actions');
  if (content.actions.some((a) => a.owner.trim() === '')) flags.push('action-without-owner');
  if (content.actions.some((a) => a.dueOn.trim() === '')) flags.push('action-without-date');
  if (content.childViews.trim() === '') flags.push('no-child-views');
  return flags;
}

export function isWeakPlan(content: PlanContent): boolean {
  return planQualityFlags(content).length > 0;
}
