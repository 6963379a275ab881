// Why a UPN is not known: the DfE's seven codes, and the school age CIN census rule 8770Q counts.
import { describe, expect, it } from 'vitest';
import { UPN_UNKNOWN_CODES } from '../../../../src/returns/cin-census/codes.ts';
import { ofSchoolAgeForCensus, UPN_UNKNOWN_REASON_CODES, upnUnknownReasonLabel } from '../../../../src/domain/shared/codes/dfe/upn-unknown-reason.ts';

describe('UPN unknown reasons', () => {
  it('are the seven codes of the DfE schema, with a label each', () => {
    expect(UPN_UNKNOWN_REASON_CODES).toEqual([...UPN_UNKNOWN_CODES]);
    expect(upnUnknownReasonLabel('UN2')).toBe('Never attended a state-funded school in England');
    expect(upnUnknownReasonLabel('UN9')).toBe('UN9');
  });

  it('counts a child of school age from the September after their fourth birthday, as rule 8770Q', () => {
    // Reference date 31 March 2027: born on or before 31 August 2023 (four by the September after it).
    expect(ofSchoolAgeForCensus('2023-08-31', '2027-03-31')).toBe(true);
    expect(ofSchoolAgeForCensus('2023-09-01', '2027-03-31')).toBe(false);
    // Five at the reference date (under six, once given UN1): of school age.
    expect(ofSchoolAgeForCensus('2021-06-01', '2027-03-31')).toBe(true);
    expect(ofSchoolAgeForCensus('2010-01-01', '2027-03-31')).toBe(true);
  });
});
