// Assessment rules of the CIN census (factors identified at the end of assessment). See rule.ts.
import { ASSESSMENT_FACTOR_CODES, isOneOf } from '../codes.ts';
import type { Assessment, CensusChild } from '../model.ts';
import type { CensusRule } from './rule.ts';

function eachAssessment(c: CensusChild, fails: (a: Assessment) => boolean): string[] {
  const out: string[] = [];
  for (const d of c.cinDetails) for (const a of d.assessments) if (fails(a)) out.push(`Assessment started ${a.assessmentActualStartDate}`);
  return out;
}

export const ASSESSMENT_RULES: readonly CensusRule[] = [
  {
    code: '8869',
    type: 'error',
    module: 'Assessments',
    message: 'The assessment factors code “21” cannot be used in conjunction with any other assessment factors.',
    appliesTo: ['AssessmentFactors'],
    verified: true,
    check: (c) => eachAssessment(c, (a) => a.assessmentFactors.includes('21') && a.assessmentFactors.some((f) => f !== '21')),
  },
  {
    code: '8898',
    type: 'error',
    module: 'Assessments',
    message: 'The assessment has more than one record of the same factor',
    appliesTo: ['AssessmentFactors'],
    verified: false,
    check: (c) => eachAssessment(c, (a) => new Set(a.assessmentFactors).size !== a.assessmentFactors.length),
  },
  {
    code: '8867',
    type: 'error',
    module: 'Assessments',
    message: 'Assessment factor code is not a valid code (see Factors identified at the end of assessment in CIN Census code set)',
    appliesTo: ['AssessmentFactors'],
    verified: false,
    check: (c) => eachAssessment(c, (a) => a.assessmentFactors.some((f) => !isOneOf(ASSESSMENT_FACTOR_CODES, f))),
  },
  {
    code: '8945Q',
    type: 'query',
    module: 'Assessments',
    message: 'Please check: factor 18A (physical abuse) has been replaced by 18B (child on child) and 18C (adult on child)',
    appliesTo: ['AssessmentFactors'],
    verified: false,
    check: (c) => eachAssessment(c, (a) => a.assessmentFactors.includes('18A')),
  },
  {
    code: '8950Q',
    type: 'query',
    module: 'Assessments',
    message: 'Please check: factor 19A (sexual abuse) has been replaced by 19B (child on child) and 19C (adult on child)',
    appliesTo: ['AssessmentFactors'],
    verified: false,
    check: (c) => eachAssessment(c, (a) => a.assessmentFactors.includes('19A')),
  },
];
