// The chronology's filter from the query string (a GET form, so it works without JavaScript and the
// address can be bookmarked or shared): categories, and a date range typed as GOV.UK date inputs or
// given as ISO dates (the export links).
import { CHRONOLOGY_MESSAGES } from '../../../app/chronology/chronology-entry-input.ts';
import type { FieldErrors } from '../../../app/shared/errors.ts';
import { chronologyFilterProblem, isChronologyCategory, type ChronologyCategory, type ChronologyFilter } from '../../../domain/records/chronology-entry.ts';
import { isValidIsoDate } from '../../../domain/shared/time/local-date.ts';
import { asArray, asString } from '../../shared/forms.ts';
import { datePartsOf, isoFromDateParts, type DateParts } from '../shared.ts';

export interface ChronologyFilterForm {
  readonly filter: ChronologyFilter;
  readonly values: { readonly categories: readonly string[]; readonly from: DateParts; readonly to: DateParts };
  readonly errors: FieldErrors;
  readonly active: boolean;
}

function dateOf(query: Record<string, unknown>, name: 'from' | 'to', label: string, errors: Record<string, string>): { iso: string | null; parts: DateParts } {
  const iso = asString(query[name]);
  if (iso !== undefined && iso !== '') {
    if (isValidIsoDate(iso)) return { iso, parts: datePartsOf(iso) };
    errors[name] = name === 'from' ? CHRONOLOGY_MESSAGES.filterFromReal : CHRONOLOGY_MESSAGES.filterToReal;
    return { iso: null, parts: datePartsOf(null) };
  }
  const parts = { day: asString(query[`${name}-day`]) ?? '', month: asString(query[`${name}-month`]) ?? '', year: asString(query[`${name}-year`]) ?? '' };
  if (parts.day.trim() === '' && parts.month.trim() === '' && parts.year.trim() === '') return { iso: null, parts };
  const parsed = isoFromDateParts(parts, label, '');
  if ('error' in parsed) {
    errors[name] = parsed.error;
    return { iso: null, parts };
  }
  return { iso: parsed.iso, parts };
}

export function parseChronologyFilter(query: unknown): ChronologyFilterForm {
  const q = query !== null && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const categories = asArray(q['category']).slice(0, 50);
  const known = [...new Set(categories.filter(isChronologyCategory))] as ChronologyCategory[];
  const from = dateOf(q, 'from', 'The “from” date', errors);
  const to = dateOf(q, 'to', 'The “to” date', errors);
  let filter: ChronologyFilter = { categories: known, from: from.iso, to: to.iso };
  if (chronologyFilterProblem(filter) === 'from-after-to') {
    errors['from'] = CHRONOLOGY_MESSAGES.filterFromAfterTo;
    filter = { ...filter, from: null, to: null };
  }
  return {
    filter,
    values: { categories: known, from: from.parts, to: to.parts },
    errors,
    active: known.length > 0 || filter.from !== null || filter.to !== null,
  };
}

/** The filter as a query string for links (export, print), in its ISO form. */
export function chronologyQueryString(filter: ChronologyFilter): string {
  const params = new URLSearchParams();
  for (const c of filter.categories) params.append('category', c);
  if (filter.from !== null) params.set('from', filter.from);
  if (filter.to !== null) params.set('to', filter.to);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
