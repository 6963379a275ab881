// Reasons a child in need episode closes: DfE Children in Need census, CIN case closure reason
// (domain-spec §3.6, [DfE-CIN]). RC9 ("closed after assessment, referred to early help") closes an
// episode straight after an assessment, so it belongs to the assessment outcome, not to a plan.
export const CIN_CLOSURE_REASONS = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Transferred to services of another local authority',
  RC6: 'Transferred to adult social care services',
  RC7: 'Services ceased for any other reason, including child no longer in need',
  RC8: 'Case closed after assessment, no further action',
} as const;

export type CinClosureReason = keyof typeof CIN_CLOSURE_REASONS;

export const CIN_CLOSURE_REASON_CODES = Object.keys(CIN_CLOSURE_REASONS) as readonly CinClosureReason[];

export function isCinClosureReason(value: string): value is CinClosureReason {
  return Object.hasOwn(CIN_CLOSURE_REASONS, value);
}
