// Annex A rows as data: one array of cells per child (per event), in the order of the list's headings.
import type { AnnexListNumber } from './headings.ts';

/** A date cell (written as an Excel date shown dd/mm/yyyy). */
export interface AnnexDate {
  readonly date: string;
}

export type AnnexCell = string | number | AnnexDate | null;
export type AnnexRow = readonly AnnexCell[];

export interface AnnexWindow {
  readonly from: string;
  readonly to: string;
}

export interface AnnexList {
  readonly list: AnnexListNumber;
  readonly rows: readonly AnnexRow[];
}

export const d = (iso: string | null): AnnexDate | null => (iso === null ? null : { date: iso });
