// Every CIN census validation rule Hearth applies, and the DfE rules it does not, with the reason.
import { ACTIVITY_RULES } from './activities.ts';
import { ASSESSMENT_RULES } from './assessments.ts';
import { CHARACTERISTICS_RULES } from './characteristics.ts';
import { CHILD_IDENTIFIER_RULES } from './child-identifiers.ts';
import { CIN_DETAILS_RULES } from './cin-details.ts';
import { HEADER_RULES } from './header.ts';
import type { CensusRule, ReturnRule } from './rule.ts';

export const CHILD_RULES: readonly CensusRule[] = [
  ...CHILD_IDENTIFIER_RULES,
  ...CHARACTERISTICS_RULES,
  ...CIN_DETAILS_RULES,
  ...ASSESSMENT_RULES,
  ...ACTIVITY_RULES,
];
export const RETURN_RULES: readonly ReturnRule[] = HEADER_RULES;

export interface RuleNotApplied {
  readonly code: string;
  readonly reason: string;
}

/**
 * DfE rules (2025-26 list of 109) Hearth does not check, and why. "Cannot apply": Hearth does not hold
 * the data the rule reads. "Not yet": Hearth could check it; it is not written yet.
 */
export const RULES_NOT_APPLIED: readonly RuleNotApplied[] = [
  { code: '1530', reason: 'Cannot apply: needs the DfE list of LA codes for UPN characters 2-4, which Hearth does not hold.' },
  { code: '1540', reason: 'Cannot fail: Hearth stores a UPN only in the schema’s form (a letter, 11 digits, a digit or letter), checked in the database.' },
  { code: '1550', reason: 'Cannot fail: as 1540.' },
  { code: '1560Q', reason: 'Cannot apply: Hearth does not record a former UPN.' },
  { code: '8545Q', reason: 'Cannot apply: Hearth does not record a date of death yet (no column on person).' },
  { code: '8555Q', reason: 'Cannot apply: Hearth does not record a date of death yet (no column on person).' },
  {
    code: '2883 2884 2885 2886Q 2887Q 2888Q 2889 2991Q 4000 4001 4003 4004 4008 4009Q 4010 4011 4012Q 4013 4014 4015 4016 4017 8568 8569Q 8585Q 8600 8606 8610 8614 8615 8630 8640 8650 8670Q 8675Q 8696 8715 8720 8730 8736 8831 8832 8839 8841 8842Q 8863Q 8866 8868 8870Q 8873Q 8875 8890 8896 8897Q 8905 8910 8915 8920 8925 8930 8935 8940',
    reason:
      'Not yet: these read assessments, CIN plans, section 47 enquiries, ICPCs, child protection plans and reviews; the extraction now gives the model those fields (src/returns/cin-census/extract/), and the rules are still to be written.',
  },
  { code: '1103 1104 1105 8770Q 8775Q', reason: 'Not yet: written after the rules above; the model carries the fields they read.' },
];
