// The census year: 1 April to 31 March, named by the year it ends ("2026" is 1 April 2025 to
// 31 March 2026). ReferenceDate is the last day (DfE CIN census specification; validation rule 100).
import type { IsoDate } from './model.ts';

export interface CensusPeriod {
  readonly year: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

export const FIRST_CENSUS_YEAR = 2015;
export const LAST_CENSUS_YEAR = 2099;

export function censusPeriod(year: number): CensusPeriod {
  if (!Number.isInteger(year) || year < FIRST_CENSUS_YEAR || year > LAST_CENSUS_YEAR) throw new RangeError(`census year out of range: ${String(year)}`);
  return { year, start: `${String(year - 1)}-04-01`, end: `${String(year)}-03-31` };
}
