// Every CIN census validation rule Hearth applies, and the DfE rules it does not, with the reason.
import { ACTIVITY_RULES } from './activities.ts';
import { ASSESSMENT_RULES } from './assessments.ts';
import { CHARACTERISTICS_RULES } from './characteristics.ts';
import { CENSUS_YEAR_AND_NFA_RULES, HELD_BACK_CENSUS_YEAR_RULES } from './census-year-and-nfa.ts';
import { CHILD_IDENTIFIER_RULES } from './child-identifiers.ts';
import { CIN_DETAILS_RULES } from './cin-details.ts';
import { HEADER_RULES } from './header.ts';
import { HELD_BACK_RULES as HELD_BACK_PLAN_RULES, PLANS_AND_ENQUIRIES_RULES } from './plans-and-enquiries.ts';
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
export const RETURN_RULES: readonly ReturnRule[] = HEADER_RULES;

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
  {
    code: '8610',
    reason:
      'Written and tested, not applied yet: an episode closed by an assessment with no further action or a step down to early help now closes with the assessment’s primary need (RC8, RC9), but an open episode with no authorised assessment yet (a plan, enquiry or conference started from the child’s record, or an assessment still running) has no primary need in Hearth and would fail. Applied once Hearth records the primary need when such work starts.',
  },
  {
    code: '8715 2991Q',
    reason:
      'Written and tested, not applied yet: for an episode open across the year start, the return reports every section 47 enquiry of the episode, including one that started and had its initial conference before the year began (that conference date falls outside the census year: 8715), while it drops the episode’s assessment authorised before the year (so the enquiry is shown with no assessment on the episode: 2991Q). Applied once the return reports an open episode’s earlier enquiries and assessments alike.',
  },
  {
    code: '8670Q 8675Q',
    reason:
      'Written and tested, not applied yet: they measure an assessment (45 working days) or a section 47 enquiry with no conference (15 working days) still open against the reference date, but Hearth also builds the census of a year still in progress (the generated authority’s 2027 census, built in November 2026), where work started weeks ago is queried as if the year had ended. Applied once the rules know the day the return is built and query only a year that has ended.',
  },
  {
    code: '2883 2886Q 2887Q 2888Q',
    reason:
      'Not yet written: return-level counts and percentages across all children (plans starting against conferences held; children with no sex, ethnicity or disability recorded). Hearth’s return rules read only the header so far.',
  },
];
