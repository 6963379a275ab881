// Every CIN census validation rule Hearth applies, and the DfE rules it does not, with the reason.
import { ACTIVITY_RULES } from './activities.ts';
import { ASSESSMENT_RULES } from './assessments.ts';
import { CHARACTERISTICS_RULES } from './characteristics.ts';
import { CENSUS_YEAR_AND_NFA_RULES, HELD_BACK_CENSUS_YEAR_RULES } from './census-year-and-nfa.ts';
import { CHILD_IDENTIFIER_RULES } from './child-identifiers.ts';
import { CIN_DETAILS_RULES } from './cin-details.ts';
import { HEADER_RULES } from './header.ts';
import { HELD_BACK_RULES as HELD_BACK_PLAN_RULES, PLANS_AND_ENQUIRIES_RULES } from './plans-and-enquiries.ts';
import { RETURN_LEVEL_RULES } from './return-level.ts';
import type { CensusRule, ReturnRule } from './rule.ts';

export const CHILD_RULES: readonly CensusRule[] = [
  ...CHILD_IDENTIFIER_RULES,
  ...CHARACTERISTICS_RULES,
  ...CIN_DETAILS_RULES,
  ...ASSESSMENT_RULES,
  ...ACTIVITY_RULES,
  ...PLANS_AND_ENQUIRIES_RULES,
  ...CENSUS_YEAR_AND_NFA_RULES,
];
/** Rules written and tested but not applied to the return yet (each listed in RULES_NOT_APPLIED with its reason). */
export const HELD_BACK_RULES: readonly CensusRule[] = [...HELD_BACK_PLAN_RULES, ...HELD_BACK_CENSUS_YEAR_RULES];
export const RETURN_RULES: readonly ReturnRule[] = [...HEADER_RULES, ...RETURN_LEVEL_RULES];

export interface RuleNotApplied {
  readonly code: string;
  readonly reason: string;
}

/**
 * DfE rules (2025-26 list of 109) Hearth does not check, and why. "No data in Hearth": Hearth does
 * not hold what the rule reads, so it cannot fail (or cannot be checked) on a return Hearth builds.
 * "Not yet written": Hearth holds the data; the check is still to be written.
 */
export const RULES_NOT_APPLIED: readonly RuleNotApplied[] = [
  { code: '1530', reason: 'No data in Hearth: needs the DfE list of LA codes for UPN characters 2-4, which Hearth does not hold.' },
  { code: '1540', reason: 'Cannot fail: Hearth stores a UPN only in the schema’s form (a letter, 11 digits, a digit or letter), checked in the database.' },
  { code: '1550', reason: 'Cannot fail: as 1540.' },
  { code: '1560Q', reason: 'No data in Hearth for a former UPN (FormerUPN is never sent).' },
  {
    code: '4008 4009Q 8545Q 8555Q 8915 8920',
    reason: 'No data in Hearth for a child’s date of death (no column on person; PersonDeathDate is never sent), which these rules compare with the episode’s dates.',
  },
];
