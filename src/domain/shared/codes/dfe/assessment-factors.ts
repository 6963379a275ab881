// Factors identified at the end of assessment, as the DfE Children in Need census codes them
// (AssessmentFactors). Source: domain-spec §3.4 [DfE-CIN], from the CIN census specification 2025-26.
// Two validation rules of the census are enforced where factors are recorded (domain-spec §1.19):
// BR-05 (CIN census rule 8869): "21" (no factors identified) cannot be combined with any other factor;
// BR-06 (CIN census 2024-25 rules 8945Q and 8950Q): 18A and 19A are legacy codes and must not be used
// (18B/18C and 19B/19C instead), so they are not offered, only recognised.
// Labels are Hearth's plain-English wording of the DfE descriptions.

export const ASSESSMENT_FACTOR_CODE_LIST = {
  source: 'DfE Children in Need census, AssessmentFactors (domain-spec §3.4)',
  collectionYears: ['2024-25', '2025-26'],
} as const;

export const ASSESSMENT_FACTORS = {
  '1A': 'Alcohol misuse: the child',
  '1B': 'Alcohol misuse: parent or carer',
  '1C': 'Alcohol misuse: another person in the household',
  '2A': 'Drug misuse: the child',
  '2B': 'Drug misuse: parent or carer',
  '2C': 'Drug misuse: another person in the household',
  '3A': 'Domestic abuse: the child is the subject',
  '3B': 'Domestic abuse: parent or carer is the subject',
  '3C': 'Domestic abuse: another person in the household is the subject',
  '4A': 'Mental health: the child',
  '4B': 'Mental health: parent or carer',
  '4C': 'Mental health: another person in the family or household',
  '5A': 'Learning disability: the child',
  '5B': 'Learning disability: parent or carer',
  '5C': 'Learning disability: another person in the family or household',
  '6A': 'Physical disability or illness: the child',
  '6B': 'Physical disability or illness: parent or carer',
  '6C': 'Physical disability or illness: another person in the family or household',
  '7A': 'Young carer',
  '8B': 'Privately fostered: child from overseas who intends to return',
  '8C': 'Privately fostered: child from overseas who intends to stay',
  '8D': 'Privately fostered: UK child in an educational placement',
  '8E': 'Privately fostered: UK child in an alternative family arrangement',
  '8F': 'Privately fostered: other',
  '9A': 'Unaccompanied asylum-seeking child',
  '10A': 'Going or being missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gangs',
  '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm',
  '16A': 'Abuse or neglect: neglect',
  '17A': 'Abuse or neglect: emotional abuse',
  '18A': 'Abuse or neglect: physical abuse (no longer used)',
  '18B': 'Physical abuse: child on child',
  '18C': 'Physical abuse: adult on child',
  '19A': 'Abuse or neglect: sexual abuse (no longer used)',
  '19B': 'Sexual abuse: child on child',
  '19C': 'Sexual abuse: adult on child',
  '20': 'Other',
  '21': 'No factors identified',
  '22A': 'Female genital mutilation',
  '23A': 'Abuse linked to faith or belief',
  '24A': 'Child criminal exploitation',
} as const;

export type AssessmentFactor = keyof typeof ASSESSMENT_FACTORS;

/** BR-06: legacy codes a new assessment may not record. */
export const LEGACY_ASSESSMENT_FACTORS: readonly AssessmentFactor[] = ['18A', '19A'];

/** BR-05: the code that stands alone. */
export const NO_FACTORS_IDENTIFIED: AssessmentFactor = '21';

/** The codes offered on the form, in the DfE's order. */
export const ASSESSMENT_FACTOR_CODES = (Object.keys(ASSESSMENT_FACTORS) as AssessmentFactor[]).filter((c) => !LEGACY_ASSESSMENT_FACTORS.includes(c));

export function isAssessmentFactor(value: string): value is AssessmentFactor {
  return Object.hasOwn(ASSESSMENT_FACTORS, value);
}

export type FactorProblem = 'none-selected' | 'unknown' | 'legacy' | 'no-factors-combined';

/** The first census rule a set of factors breaks, or null when it may be recorded. */
export function assessmentFactorsProblem(codes: readonly string[]): FactorProblem | null {
  if (codes.length === 0) return 'none-selected';
  if (codes.some((c) => !isAssessmentFactor(c))) return 'unknown';
  if (codes.some((c) => (LEGACY_ASSESSMENT_FACTORS as readonly string[]).includes(c))) return 'legacy';
  if (codes.includes(NO_FACTORS_IDENTIFIED) && new Set(codes).size > 1) return 'no-factors-combined';
  return null;
}
