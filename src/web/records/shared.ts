// What every page of the records module needs: the child's identity bar facts, the GOV.UK date input
// turned into an ISO date, and instants shown as England's date and time.
import { z } from 'zod';
import { londonDateTime } from '../../app/records/london-clock.ts';
import type { ChildHeader } from '../../app/records/child-page.ts';
import { NotFoundError } from '../../app/shared/errors.ts';
import { ageOn, formatLongDate, isValidIsoDate, parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { todayInLondon } from '../shared/today.ts';
import { govukTime } from './moj-date.ts';

export const childParams = z.object({ childId: z.uuid() });

export function childIdOf(params: unknown): string {
  const parsed = childParams.safeParse(params);
  if (!parsed.success) throw new NotFoundError('Child');
  return parsed.data.childId;
}

/** A child id and one more id (a note, a document) from the URL; anything else is "not found". */
export function childAndIdOf(params: unknown, name: string): { childId: string; id: string } {
  const parsed = z.record(z.string(), z.string()).safeParse(params);
  const childId = parsed.success ? parsed.data['childId'] : undefined;
  const id = parsed.success ? parsed.data[name] : undefined;
  if (!z.uuid().safeParse(childId).success || !z.uuid().safeParse(id).success || childId === undefined || id === undefined) throw new NotFoundError(name);
  return { childId, id };
}

/** The identity bar's variables (views/partials/child-header.njk). */
export function childHeaderContext(child: ChildHeader, now: Date, section: string): { child: ChildHeader; age: number | null; section: string } {
  const today = todayInLondon(now);
  const age = child.dateOfBirth === null || parseLocalDate(child.dateOfBirth).isAfter(today) ? null : ageOn(parseLocalDate(child.dateOfBirth), today);
  return { child, age, section };
}

/** "23 November 2026 at 2:30pm", England's time. */
export function instantText(at: Date): string {
  const { date, time } = londonDateTime(at);
  return `${formatLongDate(date)} at ${govukTime(time)}`;
}

export function dateAndTimeText(date: string, time: string | null): string {
  return time === null ? formatLongDate(date) : `${formatLongDate(date)} at ${govukTime(time)}`;
}

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/**
 * A GOV.UK date input's three parts as an ISO date, or the message to show (GOV.UK design system,
 * "Date input": error messages). `label` is how the message names the date ("Date of the event").
 */
export function isoFromDateParts(parts: DateParts, label: string, required: string): { iso: string } | { error: string } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { error: required };
  const missing = [day === '' ? 'day' : null, month === '' ? 'month' : null, year === '' ? 'year' : null].filter((m) => m !== null);
  if (missing.length > 0) return { error: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { error: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? { iso } : { error: `${label} must be a real date` };
}

export function datePartsOf(iso: string | null): DateParts {
  if (iso === null || !isValidIsoDate(iso)) return { day: '', month: '', year: '' };
  const d = parseLocalDate(iso);
  return { day: String(d.dayOfMonth()), month: String(d.monthValue()), year: String(d.year()) };
}

/** Error summary links for date inputs go to the day field (GOV.UK error summary guidance). */
export function linkDateErrors<T extends { href: string }>(items: T[], dateFields: readonly string[]): T[] {
  return items.map((item) => (dateFields.includes(item.href.slice(1)) ? { ...item, href: `${item.href}-day` } : item));
}
