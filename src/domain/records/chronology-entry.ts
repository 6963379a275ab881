// A child's chronology (procedure manual 2.5 "Social Work Chronology"; seed 004 §11: the chronology
// is part of the Social Work Evidence Template filed at court): significant events in date order,
// each with a category, a short summary and where the information came from. Entries come from what
// was recorded (case notes flagged significant, allocations, the person record, documents, and later
// contacts, decisions, meetings, plans and placements) and from entries a worker adds by hand.
import type { LocalDate } from '@js-joda/core';

export const CHRONOLOGY_CATEGORIES = [
  'contact_referral',
  'assessment',
  'visit',
  'communication',
  'meeting',
  'plan',
  'placement',
  'allocation',
  'management',
  'family',
  'health',
  'education',
  'police_legal',
  'incident',
  'record',
  'other',
] as const;

export type ChronologyCategory = (typeof CHRONOLOGY_CATEGORIES)[number];

export const CHRONOLOGY_CATEGORY_LABELS: Readonly<Record<ChronologyCategory, string>> = {
  contact_referral: 'Contacts and referrals',
  assessment: 'Assessments',
  visit: 'Visits and direct work',
  communication: 'Calls and correspondence',
  meeting: 'Meetings and conferences',
  plan: 'Plans',
  placement: 'Placements and moves',
  allocation: 'Allocation',
  management: 'Management oversight and supervision',
  family: 'Family and household',
  health: 'Health',
  education: 'Education',
  police_legal: 'Police, court and legal',
  incident: 'Incidents and concerns',
  record: 'Records and documents',
  other: 'Other',
};

export function isChronologyCategory(value: string): value is ChronologyCategory {
  return (CHRONOLOGY_CATEGORIES as readonly string[]).includes(value);
}

export const CHRONOLOGY_ENTRY_LIMITS = { summary: 1000, source: 200 } as const;

/** One line of a chronology, whatever recorded it. Dates are Europe/London calendar dates (ISO text). */
export interface ChronologyItem {
  /** Unique across sources: `<source kind>:<id>`. */
  readonly key: string;
  readonly date: string;
  /** 'HH:MM' when the source knows the time of day. */
  readonly time: string | null;
  readonly category: ChronologyCategory;
  readonly summary: string;
  /** Where the information came from (a case note, an allocation, a named agency…). */
  readonly source: string;
  readonly recordedBy: string | null;
  /** What recorded it, for a link back: e.g. { kind: 'case-note', id }. */
  readonly origin: { readonly kind: string; readonly id: string };
}

export interface ChronologyFilter {
  /** Empty means every category. */
  readonly categories: readonly ChronologyCategory[];
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_CHRONOLOGY_FILTER: ChronologyFilter = { categories: [], from: null, to: null };

export function matchesChronologyFilter(item: ChronologyItem, filter: ChronologyFilter): boolean {
  if (filter.categories.length > 0 && !filter.categories.includes(item.category)) return false;
  if (filter.from !== null && item.date < filter.from) return false;
  if (filter.to !== null && item.date > filter.to) return false;
  return true;
}

/** Earliest first (the order a court chronology is read in); ties keep a stable, total order. */
export function compareChronologyItems(a: ChronologyItem, b: ChronologyItem): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const at = a.time ?? '';
  const bt = b.time ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export type ChronologyOrder = 'earliest-first' | 'latest-first';

export function arrangeChronology(items: readonly ChronologyItem[], filter: ChronologyFilter, order: ChronologyOrder): ChronologyItem[] {
  const kept = items.filter((item) => matchesChronologyFilter(item, filter)).sort(compareChronologyItems);
  return order === 'earliest-first' ? kept : kept.reverse();
}

export type ChronologyFilterProblem = 'from-after-to';

export function chronologyFilterProblem(filter: ChronologyFilter): ChronologyFilterProblem | null {
  return filter.from !== null && filter.to !== null && filter.from > filter.to ? 'from-after-to' : null;
}

/** A manual entry records something that has happened: its date may not be after today. */
export function manualEntryDateProblem(date: LocalDate, today: LocalDate): 'date-in-future' | null {
  return date.isAfter(today) ? 'date-in-future' : null;
}
