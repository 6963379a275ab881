// Return-level rules of the CIN census: counts and proportions across every child in the return,
// reported once for the authority (the implementation's `push_la_level`), not against a child. See
// rule.ts for the source. Wording and logic from the rule text quoted in the open-source
// implementation's rule files (csc-validator-be-cin, cin_validator/rules/cin2022_23/rule_2883.py,
// rule_2887Q.py, rule_2888Q.py, and cin2024_25/rule_2886Q.py for Sex, unchanged to 2025-26); where
// that implementation's code departs from its own quoted rule text, Hearth follows the rule text and
// says so in a note.
import type { CensusPeriod } from '../census-period.ts';
import type { CensusChild } from '../model.ts';
import type { ReturnRule } from './rule.ts';

const inYear = (date: string | undefined, p: CensusPeriod): date is string => date !== undefined && date >= p.start && date <= p.end;

/** The disability codes a child has recorded, other than NONE (no disability). */
const disabilitiesOf = (c: CensusChild): readonly string[] => c.childCharacteristics.disabilities.filter((d) => d !== '' && d !== 'NONE');

const percent = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)}%`;

/** Sex not recorded (2024-25 on: U, or missing) for a child who is born (no expected date of birth). */
const noSexRecorded = (c: CensusChild): boolean =>
  c.childIdentifiers.expectedPersonBirthDate === undefined && (c.childIdentifiers.sex === '' || c.childIdentifiers.sex === 'U');

export const RETURN_LEVEL_RULES: readonly ReturnRule[] = [
  {
    code: '2883',
    type: 'error',
    module: 'ChildProtectionPlans',
    message: 'There are more child protection plans starting than initial conferences taking place',
    appliesTo: ['CPPstartDate', 'DateOfInitialCPC'],
    verified: true,
    // Across the return, the number of <CPPstartDate> present and within the census year is no more
    // than the number of <DateOfInitialCPC> present and within the year, on CINdetails (a conference
    // called from the child's record) plus on Section47 (a conference an enquiry called). Every
    // plan and conference counts, none grouped by child.
    check: ({ period, children }) => {
      let plans = 0;
      let conferences = 0;
      for (const c of children)
        for (const d of c.cinDetails) {
          plans += d.childProtectionPlans.filter((p) => inYear(p.cppStartDate, period)).length;
          if (inYear(d.dateOfInitialCpc, period)) conferences += 1;
          conferences += d.section47.filter((s) => inYear(s.dateOfInitialCpc, period)).length;
        }
      return plans > conferences ? [`${String(plans)} child protection plans started in the year, ${String(conferences)} initial conferences held`] : [];
    },
  },
  {
    code: '2886Q',
    type: 'query',
    module: 'ChildIdentifiers',
    message: 'Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)',
    appliesTo: ['Sex', 'ExpectedPersonBirthDate'],
    verified: true,
    // The number of children whose <Sex> is U or missing and who have no <ExpectedPersonBirthDate>,
    // divided by the number of children in the return, is no more than 0.02. (From 2024-25 <Sex>
    // M, F or U replaced <GenderCurrent>, whose 0 meant not recorded.)
    check: ({ children }) => {
      if (children.length === 0) return [];
      const none = children.filter(noSexRecorded).length;
      return none / children.length > 0.02
        ? [`${String(none)} of ${String(children.length)} children (${percent(none, children.length)}) with no sex recorded`]
        : [];
    },
  },
  {
    code: '2887Q',
    type: 'query',
    module: 'Disabilities',
    message: 'Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return',
    appliesTo: ['Disability'],
    verified: true,
    // Excluding <Disability> NONE, the number of different disability codes used across the return is
    // more than 7. (The implementation's stored version keeps only the NONE rows and counts them,
    // against its own rule text; Hearth follows the rule text.)
    check: ({ children }) => {
      const used = new Set(children.flatMap(disabilitiesOf));
      return used.size <= 7 ? [`${String(used.size)} different disability codes used${used.size === 0 ? '' : `: ${[...used].sort().join(', ')}`}`] : [];
    },
  },
  {
    code: '2888Q',
    type: 'query',
    module: 'Disabilities',
    message:
      'Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.',
    appliesTo: ['Disability'],
    verified: true,
    // Excluding <Disability> NONE, one or more children have more than one disability recorded: the
    // return is queried when every child recorded with a disability has exactly one code. A return
    // with no disabled child is not queried here (the implementation's maximum over no children is
    // not a number, which does not fail); 2887Q queries it.
    check: ({ children }) => {
      const disabled = children.map((c) => disabilitiesOf(c).length).filter((n) => n > 0);
      return disabled.length > 0 && disabled.every((n) => n === 1) ? [`${String(disabled.length)} children with a disability, each with one code`] : [];
    },
  },
];
