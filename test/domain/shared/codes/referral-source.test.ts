import { describe, expect, it } from 'vitest';
import { isReferralSource, PROFESSIONAL_REFERRAL_SOURCES, REFERRAL_SOURCE_CODE_LIST, REFERRAL_SOURCE_CODES, REFERRAL_SOURCE_GROUPS } from '../../../../src/domain/shared/codes/dfe/referral-source.ts';

describe('DfE referral source codes (CIN census ReferralSource)', () => {
  it('are the 22 codes of the 2025-26 schema, stored as the DfE writes them', () => {
    expect(REFERRAL_SOURCE_CODES).toEqual(['1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10']);
    expect(REFERRAL_SOURCE_CODE_LIST.collectionYears).toContain('2025-26');
    expect(isReferralSource('2A')).toBe(true);
    expect(isReferralSource('2C')).toBe(false);
    expect(isReferralSource('toString')).toBe(false);
  });

  it('puts every code in exactly one group, and leaves individuals and anonymous off the professionals’ form', () => {
    expect(REFERRAL_SOURCE_GROUPS.flatMap((g) => g.codes).sort()).toEqual([...REFERRAL_SOURCE_CODES].sort());
    expect(PROFESSIONAL_REFERRAL_SOURCES).not.toContain('1A');
    expect(PROFESSIONAL_REFERRAL_SOURCES).not.toContain('9');
    expect(PROFESSIONAL_REFERRAL_SOURCES).toContain('6');
  });
});
