// Why a child's unique pupil number (UPN) is not known, as the DfE codes it (UPNunknown, UN1-UN7).
// Source: the DfE CIN schema for the 2026 collection (`unknownupntype`, /work/shared/dfe/CIN_schema_2026.xsd)
// and the DfE Common Basic Data Set code set CS051 "UPN unknown reason" for the meanings; the
// meanings of UN1-UN5 and UN7 are also in /work/shared/dfe/README.md (UN1 not of school age; UN7
// referral with no further action, CIN census rule 8772). Labels are Hearth's plain-English wording.
// A reason is recorded only while the child has no UPN (a CHECK in migration 0023).
//
// School age: CIN census rule 8770Q counts a child as of school age at the reference date if born on
// or before 31 August four years before the September after the reference date (so a child of four
// who starts reception that September is of school age); such a child without a UPN needs a reason
// UN2-UN7, not UN1.
import { LocalDate } from '@js-joda/core';

export const UPN_UNKNOWN_REASON_SOURCE =
  'DfE CIN census 2025-26 (collection year 2026), unknownupntype; DfE Common Basic Data Set CS051; rules 8770Q, 8772' as const;

export const UPN_UNKNOWN_REASONS = [
  { code: 'UN1', label: 'Not of school age and not yet given a UPN' },
  { code: 'UN2', label: 'Never attended a state-funded school in England' },
  { code: 'UN3', label: 'Educated outside England' },
  { code: 'UN4', label: 'Newly in need: the UPN was not known in time for the census' },
  { code: 'UN5', label: 'Records of the UPN disagree about the child’s name or date of birth' },
  { code: 'UN6', label: 'Not looked after, and the authority cannot obtain the UPN' },
  { code: 'UN7', label: 'Referral with no further action' },
] as const;

export type UpnUnknownReasonCode = (typeof UPN_UNKNOWN_REASONS)[number]['code'];

export const UPN_UNKNOWN_REASON_CODES = UPN_UNKNOWN_REASONS.map((r) => r.code) as [UpnUnknownReasonCode, ...UpnUnknownReasonCode[]];

export function upnUnknownReasonLabel(code: string): string {
  return UPN_UNKNOWN_REASONS.find((r) => r.code === code)?.label ?? code;
}

/**
 * Whether a child born on `dateOfBirth` is of school age at a census reference date, as rule 8770Q
 * counts it: born on or before 31 August four years before the September after the reference date
 * (the reference date plus four months and 31 days, less four years).
 */
export function ofSchoolAgeForCensus(dateOfBirth: string, referenceDate: string): boolean {
  const bornBy = LocalDate.parse(referenceDate).plusMonths(4).plusDays(31).minusYears(4).toString();
  return dateOfBirth <= bornBy;
}
