// The Annex A window: the 6 or 12 months ending on a date (Ofsted asks for the last 6 months of
// contacts and the last 12 of everything else; Hearth lets the officer choose either for any list).
import { LocalDate } from '@js-joda/core';
import type { AnnexWindow } from './model.ts';

export const ANNEX_WINDOW_MONTHS = [6, 12] as const;
export type AnnexWindowMonths = (typeof ANNEX_WINDOW_MONTHS)[number];

export function annexWindow(to: string, months: AnnexWindowMonths): AnnexWindow {
  return { from: LocalDate.parse(to).minusMonths(months).plusDays(1).toString(), to };
}
