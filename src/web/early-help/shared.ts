// What the early help pages share: GOV.UK date inputs as ISO dates, a step that cannot be taken now
// sent back to the child's early help summary, and due dates with how they were worked out.
import type { FastifyReply } from 'fastify';
import { EarlyHelpStepUnavailableError, type StepUnavailableReason } from '../../app/early-help/episode-access.ts';
import { isoFromDateParts } from '../records/shared.ts';
import { paths } from '../shared/paths.ts';

export const STEP_UNAVAILABLE_TEXT: Readonly<Record<StepUnavailableReason, string>> = {
  'no-open-episode': 'This child is not open to early help.',
  'assessment-done': 'The wellbeing assessment has already been completed.',
  'assessment-needed': 'Complete the wellbeing assessment before agreeing a plan.',
  'plan-done': 'The early help plan has already been agreed.',
  'plan-needed': 'Agree the early help plan before recording a review.',
};

export function isStepUnavailableReason(value: unknown): value is StepUnavailableReason {
  return typeof value === 'string' && Object.hasOwn(STEP_UNAVAILABLE_TEXT, value);
}

/** Sends the worker back to the summary, saying why, when the step is not open; rethrows anything else. */
export function backToSummary(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof EarlyHelpStepUnavailableError) return reply.redirect(`${paths.childEarlyHelp(error.childId)}?unavailable=${error.reason}`, 303);
  throw error;
}

/** A date input's parts (`name-day` etc.) as an ISO date; records the message in `errors` and returns null when it is not one. */
export function postedDate(
  values: Readonly<Record<string, string>>,
  name: string,
  label: string,
  required: string,
  errors: Record<string, string>,
): string | null {
  const result = isoFromDateParts(
    { day: values[`${name}-day`] ?? '', month: values[`${name}-month`] ?? '', year: values[`${name}-year`] ?? '' },
    label,
    required,
  );
  if ('error' in result) {
    errors[name] = result.error;
    return null;
  }
  return result.iso;
}

export function dateItems(values: Readonly<Record<string, string>>, name: string, hasError: boolean) {
  const cls = hasError ? ' govuk-input--error' : '';
  return [
    { name: 'day', classes: `govuk-input--width-2${cls}`, value: values[`${name}-day`] ?? '' },
    { name: 'month', classes: `govuk-input--width-2${cls}`, value: values[`${name}-month`] ?? '' },
    { name: 'year', classes: `govuk-input--width-4${cls}`, value: values[`${name}-year`] ?? '' },
  ];
}

export function scalingItems(selected: string) {
  return Array.from({ length: 11 }, (_, n) => ({ value: String(n), text: String(n), checked: selected === String(n) }));
}

/** The posted number, or NaN (which the schema reports as not a choice). */
export function postedInt(value: string | undefined): number {
  return value === undefined || !/^\d{1,3}$/.test(value) ? Number.NaN : Number(value);
}
