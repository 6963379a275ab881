// What the strategy discussion and section 47 pages share: labels for the views, date inputs turned
// into ISO dates, and due dates with their red/amber/green status and explanation.
import type { FieldErrors } from '../../app/shared/errors.ts';
import {
  AGENCIES,
  AGENCY_LABELS,
  INTERIM_LIVING,
  INTERIM_LIVING_LABELS,
  STRATEGY_DECISION_LABELS,
  STRATEGY_DECISIONS,
} from '../../domain/child-protection/strategy-discussion.ts';
import { SECTION_47_KIND_LABELS, SECTION_47_OUTCOME_LABELS, SECTION_47_OUTCOMES } from '../../domain/child-protection/section-47.ts';
import { isoFromDateParts } from '../records/shared.ts';

export const LABELS = {
  agency: AGENCY_LABELS,
  decision: STRATEGY_DECISION_LABELS,
  interimLiving: INTERIM_LIVING_LABELS,
  outcome: SECTION_47_OUTCOME_LABELS,
  s47Kind: SECTION_47_KIND_LABELS,
  kind: { initial: 'Initial', review: 'Review' },
  format: { discussion: 'Strategy discussion', meeting: 'Strategy meeting' },
} as const;

export const CHOICES = { agencies: AGENCIES, decisions: STRATEGY_DECISIONS, interimLiving: INTERIM_LIVING, outcomes: SECTION_47_OUTCOMES } as const;

/** A posted form as flat strings (the first of repeated fields), without the CSRF token and button. */
export function formValuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body === null || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf' || key === 'action') continue;
    const v = Array.isArray(value) ? (value as unknown[])[0] : value;
    if (typeof v === 'string') out[key] = v.slice(0, 20_000);
  }
  return out;
}

/** A draft or rescued value set: strings only. */
export function stringValues(data: Record<string, unknown> | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (data === null) return out;
  for (const [key, value] of Object.entries(data)) if (typeof value === 'string') out[key] = value;
  return out;
}

/**
 * The ISO date in `<field>-day/-month/-year`, null when all three are empty and the date is optional;
 * a message in `errors[field]` when it is not a real date.
 */
export function dateField(
  values: Record<string, string>,
  field: string,
  label: string,
  errors: Record<string, string>,
  required: string | null,
): string | null {
  const parts = { day: values[`${field}-day`] ?? '', month: values[`${field}-month`] ?? '', year: values[`${field}-year`] ?? '' };
  if (required === null && parts.day.trim() === '' && parts.month.trim() === '' && parts.year.trim() === '') return null;
  const parsed = isoFromDateParts(parts, label, required ?? `Enter the ${label.toLowerCase()}`);
  if ('error' in parsed) {
    errors[field] = parsed.error;
    return null;
  }
  return parsed.iso;
}

export const text = (values: Record<string, string>, field: string): string => (values[field] ?? '').trim();
export const yesNo = (values: Record<string, string>, field: string): boolean | null =>
  values[field] === 'yes' ? true : values[field] === 'no' ? false : null;

/** Error summary items, date fields linked to their day input. */
export function summaryOf(errors: FieldErrors, dateFields: readonly string[]): { text: string; href: string }[] {
  return Object.entries(errors).map(([key, message]) => ({ text: message, href: `#${dateFields.includes(key) ? `${key}-day` : key}` }));
}
