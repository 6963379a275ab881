// The shape of a CIN census validation rule, as data: its DfE code and message, the part of the
// return it reads, and a check that lists where a child fails it (empty: the child passes).
// The rules are the DfE's published CIN census validation rules for 2025-26, read through the
// open-source implementation data-to-insight/csc-validator-be-cin (cin_validator/rules/cin2022_23 to
// cin2024_25; the 2025-26 ruleset has no changes). `verified: true` where Hearth's wording and logic
// were checked against that implementation's rule file; `false` where they come from the summary in
// Hearth's research note (the DfE's validation guide is the authority where they differ).
import type { CensusPeriod } from '../census-period.ts';
import type { CensusChild, CensusHeader, IsoDate } from '../model.ts';

export type RuleModule =
  | 'Header'
  | 'ChildIdentifiers'
  | 'ChildCharacteristics'
  | 'Disabilities'
  | 'CINdetails'
  | 'Assessments'
  | 'CINplanDates'
  | 'Section47'
  | 'ChildProtectionPlans'
  | 'Reviews';

export interface CensusRuleContext {
  readonly period: CensusPeriod;
  /** The day the return is built (the date of the header's DateTime): before the reference date for a year in progress (8670Q, 8675Q). */
  readonly builtOn: IsoDate;
  /** How many children in the return carry each LAchildID (rule 8510). */
  readonly laChildIdCounts: ReadonlyMap<string, number>;
  /** How many children in the return carry each UPN (rule 1520). */
  readonly upnCounts: ReadonlyMap<string, number>;
}

export interface CensusRule {
  readonly code: string;
  /** An error stops the return; a query ("Q") must be checked and may be explained. */
  readonly type: 'error' | 'query';
  readonly module: RuleModule;
  readonly message: string;
  /** The schema elements the rule reads. */
  readonly appliesTo: readonly string[];
  readonly verified: boolean;
  /** Where the child fails the rule, in words (one entry per failing item); empty when it passes. */
  check(child: CensusChild, ctx: CensusRuleContext): readonly string[];
}

/** What a return-level rule reads: the header, the census year and every child in the return. */
export interface ReturnRuleInput {
  readonly header: CensusHeader;
  readonly period: CensusPeriod;
  readonly children: readonly CensusChild[];
}

/** A rule on the return as a whole (the header, or counts across all children), reported once for the authority. */
export interface ReturnRule {
  readonly code: string;
  readonly type: 'error' | 'query';
  readonly module: RuleModule;
  readonly message: string;
  readonly appliesTo: readonly string[];
  readonly verified: boolean;
  /** Where the return fails the rule, in words; empty when it passes. */
  check(input: ReturnRuleInput): readonly string[];
}

export const episodeLabel = (referralDate: string): string => `CIN episode from ${referralDate}`;

/** One entry per item that fails, labelled. */
export function failing<T>(items: readonly T[], fails: (item: T) => boolean, label: (item: T) => string): string[] {
  const out: string[] = [];
  for (const item of items) if (fails(item)) out.push(label(item));
  return out;
}
