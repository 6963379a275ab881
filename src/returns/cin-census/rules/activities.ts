// Rules of the CIN census that read an episode's assessments and section 47 enquiries against the
// census year. See rule.ts for the source: logic and wording checked against the open-source
// implementation (csc-validator-be-cin, cin_validator/rules/cin2022_23/rule_8608.py, rule_8620.py,
// rule_8740.py).
import type { CensusChild } from '../model.ts';
import { episodeLabel, failing, type CensusRule } from './rule.ts';

function eachSection47(c: CensusChild, fails: (s: CensusChild['cinDetails'][number]['section47'][number]) => boolean): string[] {
  const out: string[] = [];
  for (const d of c.cinDetails) for (const s of d.section47) if (fails(s)) out.push(`Section 47 enquiry started ${s.s47ActualStartDate}`);
  return out;
}

export const ACTIVITY_RULES: readonly CensusRule[] = [
  {
    code: '8608',
    type: 'error',
    module: 'Assessments',
    message: 'Assessment Start Date cannot be later than its End Date',
    appliesTo: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate'],
    verified: true,
    check: (c) => {
      const out: string[] = [];
      for (const d of c.cinDetails)
        for (const a of d.assessments)
          if (a.assessmentAuthorisationDate !== undefined && a.assessmentActualStartDate > a.assessmentAuthorisationDate)
            out.push(`Assessment started ${a.assessmentActualStartDate}`);
      return out;
    },
  },
  {
    code: '8620',
    type: 'error',
    module: 'CINdetails',
    // "If <CINclosureDate> is present, it must be within [Period_of_Census]" (the period includes its
    // first and last days; the reference implementation compares strictly).
    message: 'CIN Closure Date present and does not fall within the Census year',
    appliesTo: ['CINclosureDate'],
    verified: true,
    check: (c, ctx) =>
      failing(
        c.cinDetails,
        (d) => d.cinClosureDate !== undefined && (d.cinClosureDate < ctx.period.start || d.cinClosureDate > ctx.period.end),
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8740',
    type: 'error',
    module: 'Section47',
    message:
      'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year',
    appliesTo: ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
    verified: true,
    check: (c, ctx) =>
      eachSection47(
        c,
        (s) => s.dateOfInitialCpc === undefined && !s.icpcNotRequired && (s.s47ActualStartDate < ctx.period.start || s.s47ActualStartDate > ctx.period.end),
      ),
  },
];
