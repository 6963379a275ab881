// From recorded rows to census children: episodes from referrals and closures, which episodes are
// in the year, activities placed in their episode, identifiers and characteristics.
import { describe, expect, it } from 'vitest';
import { assembleChild, laChildIdOf, sexOf, type ChildRows } from '../../../src/returns/cin-census/assemble.ts';
import { censusPeriod } from '../../../src/returns/cin-census/census-period.ts';
import type { CensusPersonRow, CensusReferralRow } from '../../../src/returns/cin-census/extract/sources.ts';

const period = censusPeriod(2026); // 2025-04-01 to 2026-03-31
const personId = '0f8e2b9a-1c3d-4e5f-8a7b-6c5d4e3f2a1b';
const person: CensusPersonRow = {
  personId,
  personType: 'child',
  dateOfBirth: '2014-05-06',
  expectedDateOfDelivery: null,
  gender: 'female',
  ethnicity: 'MWBA',
  disabilities: ['NONE'],
  upn: null,
};
const referral = (referredOn: string, nfa = false): CensusReferralRow => ({ personId, referredOn, referralSource: '2A', nfa });
const rows = (over: Partial<ChildRows>): ChildRows => ({
  person,
  referrals: [],
  closures: [],
  assessments: [],
  section47s: [],
  cpPlans: [],
  cinPlans: [],
  ...over,
});

describe('assembleChild', () => {
  it('leaves out a child with no episode open in the year', () => {
    expect(assembleChild(rows({}), period)).toBeNull();
    expect(assembleChild(rows({ referrals: [referral('2026-04-01')] }), period)).toBeNull();
    const closedBefore = rows({
      referrals: [referral('2024-05-01')],
      closures: [{ personId, closedOn: '2025-03-31', reasonForClosure: 'RC7', primaryNeedCode: 'N4' }],
    });
    expect(assembleChild(closedBefore, period)).toBeNull();
  });

  it('folds a referral made while an episode is open into that episode', () => {
    const child = assembleChild(rows({ referrals: [referral('2024-06-01'), referral('2025-06-01'), referral('2025-09-01')] }), period);
    expect(child?.cinDetails.map((d) => d.cinReferralDate)).toEqual(['2024-06-01']);
  });

  it('starts a new episode after a closure, and reports a closure only if it is in the year', () => {
    const child = assembleChild(
      rows({
        referrals: [referral('2025-05-01'), referral('2025-10-01')],
        closures: [
          { personId, closedOn: '2025-07-01', reasonForClosure: 'RC7', primaryNeedCode: 'N5' },
          { personId, closedOn: '2026-05-01', reasonForClosure: 'RC1', primaryNeedCode: 'N1' },
        ],
      }),
      period,
    );
    expect(child?.cinDetails).toHaveLength(2);
    expect(child?.cinDetails[0]).toMatchObject({ cinReferralDate: '2025-05-01', cinClosureDate: '2025-07-01', reasonForClosure: 'RC7', primaryNeedCode: 'N5' });
    expect(child?.cinDetails[1]?.cinClosureDate).toBeUndefined();
    expect(child?.cinDetails[1]?.reasonForClosure).toBeUndefined();
  });

  it('places assessments, section 47 enquiries and plans in the episode they started in', () => {
    const child = assembleChild(
      rows({
        referrals: [referral('2025-05-01')],
        assessments: [{ personId, startedOn: '2025-05-02', internalReviewOn: null, authorisedOn: '2025-06-10', factors: ['3A'], primaryNeedCode: 'N1' }],
        section47s: [{ personId, startedOn: '2025-05-03', initialCpcTarget: '2025-05-24', dateOfInitialCpc: '2025-05-20', icpcNotRequired: false }],
        cpPlans: [
          {
            personId,
            startedOn: '2025-05-20',
            endedOn: null,
            initialCategory: 'NEG',
            latestCategory: 'NEG',
            numberOfPreviousPlans: 0,
            reviewDates: ['2025-08-19', '2026-04-10'],
          },
        ],
      }),
      period,
    );
    const d = child?.cinDetails[0];
    expect(d?.primaryNeedCode).toBe('N1');
    expect(d?.dateOfInitialCpc).toBe('2025-05-20');
    expect(d?.assessments[0]?.assessmentFactors).toEqual(['3A']);
    expect(d?.section47[0]?.icpcNotRequired).toBe(false);
    // a review after the census year is not reported
    expect(d?.childProtectionPlans[0]?.cppReviewDates).toEqual(['2025-08-19']);
  });

  it('reports no factors for an assessment not yet authorised', () => {
    const child = assembleChild(
      rows({
        referrals: [referral('2026-03-01')],
        assessments: [{ personId, startedOn: '2026-03-02', internalReviewOn: null, authorisedOn: '2026-04-05', factors: ['3A'], primaryNeedCode: null }],
      }),
      period,
    );
    expect(child?.cinDetails[0]?.assessments[0]).toEqual({ assessmentActualStartDate: '2026-03-02', assessmentFactors: [] });
  });

  it('gives identifiers, sex, UN1 for an under-six without a UPN, and an unborn child’s expected date', () => {
    const child = assembleChild(rows({ referrals: [referral('2025-05-01')] }), period);
    expect(child?.childIdentifiers).toEqual({ laChildId: laChildIdOf(personId), personBirthDate: '2014-05-06', sex: 'F' });
    expect(laChildIdOf(personId)).toMatch(/^[0-9A-F]{20}$/);
    const young = assembleChild(rows({ person: { ...person, dateOfBirth: '2021-01-01' }, referrals: [referral('2025-05-01')] }), period);
    expect(young?.childIdentifiers.upnUnknown).toBe('UN1');
    const unborn = assembleChild(
      rows({
        person: { ...person, personType: 'unborn', dateOfBirth: null, expectedDateOfDelivery: '2026-06-01', gender: 'not_known' },
        referrals: [referral('2026-01-10')],
      }),
      period,
    );
    expect(unborn?.childIdentifiers).toEqual({ laChildId: laChildIdOf(personId), expectedPersonBirthDate: '2026-06-01', sex: 'U' });
    expect([sexOf('male'), sexOf('female'), sexOf('other'), sexOf('not_stated')]).toEqual(['M', 'F', 'U', 'U']);
  });
});
