// Checking what a worker typed into the plan form. Draft or final, every field must be storable and
// within its limit; an outcome's measure or an action's owner and date may be left for later (the
// quality check flags them), but not an empty outcome or action beside them. Errors are keyed by the
// form's field ids (`outcome-0`, `measure-0`, `action-2`, `owner-2`, `actionDue-2`).
import { PLAN_LIMITS, type PlanAction, type PlanContent, type PlanOutcome } from '../../domain/child-in-need/plan.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import type { FieldErrors } from '../shared/errors.ts';
import { isStorableText } from '../shared/safe-text.ts';

export const PLAN_INPUT_MESSAGES = {
  outcomeRequired: 'Enter the outcome this measure is for, or clear the measure',
  actionRequired: 'Enter the action, or clear its owner and date',
  actionDueReal: 'The date the action is due by must be a real date',
  tooManyOutcomes: `A plan can have up to ${String(PLAN_LIMITS.outcomes)} outcomes`,
  tooManyActions: `A plan can have up to ${String(PLAN_LIMITS.actions)} actions`,
  tooLong: (what: string, max: number) => `${what} must be ${max.toLocaleString('en-GB')} characters or fewer`,
  unstorable: 'Remove the characters that cannot be stored (control or broken characters)',
} as const;

export interface RawPlanInput {
  readonly outcomes: readonly PlanOutcome[];
  readonly actions: readonly PlanAction[];
  readonly contingency: string;
  readonly childViews: string;
}

function checkText(errors: Record<string, string>, key: string, value: string, what: string, max: number): void {
  if (!isStorableText(value)) errors[key] = PLAN_INPUT_MESSAGES.unstorable;
  else if (value.length > max) errors[key] = PLAN_INPUT_MESSAGES.tooLong(what, max);
}

/** The plan as it will be stored (trimmed, blank rows dropped), or the errors to show on the form. */
export function planContentOf(raw: RawPlanInput): { content: PlanContent } | { errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const outcomes: PlanOutcome[] = [];
  raw.outcomes.forEach((o, i) => {
    const outcome = o.outcome.trim();
    const measure = o.measure.trim();
    if (outcome === '' && measure === '') return;
    if (outcome === '') errors[`outcome-${String(i)}`] = PLAN_INPUT_MESSAGES.outcomeRequired;
    checkText(errors, `outcome-${String(i)}`, outcome, 'The outcome', PLAN_LIMITS.text);
    checkText(errors, `measure-${String(i)}`, measure, 'How you will know', PLAN_LIMITS.text);
    outcomes.push({ outcome, measure });
  });
  const actions: PlanAction[] = [];
  raw.actions.forEach((a, i) => {
    const action = a.action.trim();
    const owner = a.owner.trim();
    const dueOn = a.dueOn.trim();
    if (action === '' && owner === '' && dueOn === '') return;
    if (action === '') errors[`action-${String(i)}`] = PLAN_INPUT_MESSAGES.actionRequired;
    checkText(errors, `action-${String(i)}`, action, 'The action', PLAN_LIMITS.text);
    checkText(errors, `owner-${String(i)}`, owner, 'Who will do it', 200);
    if (dueOn !== '' && !isValidIsoDate(dueOn)) errors[`actionDue-${String(i)}`] = PLAN_INPUT_MESSAGES.actionDueReal;
    actions.push({ action, owner, dueOn });
  });
  if (outcomes.length > PLAN_LIMITS.outcomes) errors['outcomes'] = PLAN_INPUT_MESSAGES.tooManyOutcomes;
  if (actions.length > PLAN_LIMITS.actions) errors['actions'] = PLAN_INPUT_MESSAGES.tooManyActions;
  const contingency = raw.contingency.trim();
  const childViews = raw.childViews.trim();
  checkText(errors, 'contingency', contingency, 'The contingency plan', PLAN_LIMITS.longText);
  checkText(errors, 'childViews', childViews, 'The child’s views', PLAN_LIMITS.longText);
  if (Object.keys(errors).length > 0) return { errors };
  return { content: { outcomes, actions, contingency, childViews } };
}
