// The child protection dashboard's figures, from rows the database gives: children on plans by
// category and by how long (over 2 years flagged), second or later plans, and the timeliness of
// initial and review conferences, core groups and visits. Pure.
import type { LocalDate } from '@js-joda/core';
import { CATEGORIES_OF_ABUSE, type CategoryOfAbuse } from '../shared/codes/dfe/category-of-abuse.ts';
import { DURATION_BAND_LABELS, planDurationBand } from './cp-plan.ts';

export interface ActivePlanFact {
  readonly category: CategoryOfAbuse;
  readonly startedOn: LocalDate;
  readonly planNumber: number;
}

export interface Count {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

export interface Timeliness {
  readonly label: string;
  readonly total: number;
  readonly met: number;
  /** Whole per cent met, or null when there is nothing to measure. */
  readonly percent: number | null;
}

export function byCategory(plans: readonly ActivePlanFact[]): readonly Count[] {
  return CATEGORIES_OF_ABUSE.map((c) => ({ key: c.code, label: c.label, count: plans.filter((p) => p.category === c.code).length }));
}

export function byDuration(plans: readonly ActivePlanFact[], today: LocalDate): readonly Count[] {
  return (Object.keys(DURATION_BAND_LABELS) as (keyof typeof DURATION_BAND_LABELS)[]).map((band) => ({
    key: band,
    label: DURATION_BAND_LABELS[band],
    count: plans.filter((p) => planDurationBand(p.startedOn, today) === band).length,
  }));
}

export function timeliness(label: string, met: readonly boolean[]): Timeliness {
  const total = met.length;
  const done = met.filter(Boolean).length;
  return { label, total, met: done, percent: total === 0 ? null : Math.round((done / total) * 100) };
}
