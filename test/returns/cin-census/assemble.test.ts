// From recorded rows to census children: episodes from referrals, child-in-need episodes and work
// begun without a referral, which episodes are
// in the year, activities placed in their episode, identifiers and characteristics.
import { describe, expect, it } from 'vitest';
import { assembleChild, sexOf, UNKNOWN_REFERRAL_SOURCE, type ChildRows } from '../../../src/returns/cin-census/assemble.ts';
import { censusPeriod } from '../../../src/returns/cin-census/census-period.ts';
import type {
  CensusAssessmentRow,
  CensusCinEpisodeRow,
  CensusCpPlanRow,
  CensusPersonRow,
  CensusReferralRow,
  CensusSection47Row,
} from '../../../src/returns/cin-census/extract/sources.ts';

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
  laChildId: 'C000000042',
};
const referral = (referredOn: string, nfa = false): CensusReferralRow => ({ personId, referredOn, referralSource: '2A', nfa });
const cinEpisode = (startedOn: string, closedOn: string | null = null, reasonForClosure = 'RC7', primaryNeedCode: string | null = 'N4'): CensusCinEpisodeRow => ({
  personId,
  startedOn,
  closedOn,
  reasonForClosure: closedOn === null ? null : reasonForClosure,
  primaryNeedCode: closedOn === null ? null : primaryNeedCode,
});
const cpPlan = (startedOn: string, over: Partial<CensusCpPlanRow> = {}): CensusCpPlanRow => ({
  personId,
  startedOn,
  endedOn: null,
  initialCategory: 'NEG',
  latestCategory: 'NEG',
  numberOfPreviousPlans: 0,
  reviewDates: [],
  initialConferenceOn: startedOn,
  initialConferenceFromSection47: false,
  ...over,
});
const rows = (over: Partial<ChildRows>): ChildRows => ({
  person,
  referrals: [],
  cinEpisodes: [],
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
      cinEpisodes: [cinEpisode('2024-06-01', '2025-03-31')],
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
        cinEpisodes: [cinEpisode('2025-05-20', '2025-07-01', 'RC7', 'N5'), cinEpisode('2025-10-20', '2026-05-01', 'RC1', 'N1')],
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
        assessments: [{ personId, startedOn: '2025-05-02', internalReviewOn: null, authorisedOn: '2025-06-10', factors: ['3A'], primaryNeedCode: 'N1', outcome: 'cin_plan' }],
        section47s: [{ personId, startedOn: '2025-05-03', initialCpcTarget: '2025-05-24', dateOfInitialCpc: '2025-05-20', icpcNotRequired: false, endedOn: '2025-05-20' }],
        cpPlans: [cpPlan('2025-05-20', { reviewDates: ['2025-08-19', '2026-04-10'], initialConferenceFromSection47: true })],
      }),
      period,
    );
    const d = child?.cinDetails[0];
    expect(d?.primaryNeedCode).toBe('N1');
    // The conference a section 47 enquiry called is reported on the enquiry, not the episode (rule 2884).
    expect(d?.dateOfInitialCpc).toBeUndefined();
    expect(d?.section47[0]?.dateOfInitialCpc).toBe('2025-05-20');
    expect(d?.assessments[0]?.assessmentFactors).toEqual(['3A']);
    expect(d?.section47[0]?.icpcNotRequired).toBe(false);
    // a review after the census year is not reported
    expect(d?.childProtectionPlans[0]?.cppReviewDates).toEqual(['2025-08-19']);
  });

  it('reports no factors for an assessment not yet authorised', () => {
    const child = assembleChild(
      rows({
        referrals: [referral('2026-03-01')],
        assessments: [{ personId, startedOn: '2026-03-02', internalReviewOn: null, authorisedOn: '2026-04-05', factors: ['3A'], primaryNeedCode: null, outcome: null }],
      }),
      period,
    );
    expect(child?.cinDetails[0]?.assessments[0]).toEqual({ assessmentActualStartDate: '2026-03-02', assessmentFactors: [] });
  });

  it('gives identifiers, sex, UN1 for a child not of school age without a UPN, and an unborn child’s expected date', () => {
    const child = assembleChild(rows({ referrals: [referral('2025-05-01')] }), period);
    expect(child?.childIdentifiers).toEqual({ laChildId: 'C000000042', personBirthDate: '2014-05-06', sex: 'F' });
    const young = assembleChild(rows({ person: { ...person, dateOfBirth: '2023-01-01' }, referrals: [referral('2025-05-01')] }), period);
    expect(young?.childIdentifiers.upnUnknown).toBe('UN1');
    const unborn = assembleChild(
      rows({
        person: { ...person, personType: 'unborn', dateOfBirth: null, expectedDateOfDelivery: '2026-06-01', gender: 'not_known' },
        referrals: [referral('2026-01-10')],
      }),
      period,
    );
    expect(unborn?.childIdentifiers).toEqual({ laChildId: 'C000000042', expectedPersonBirthDate: '2026-06-01', sex: 'U' });
    expect([sexOf('male'), sexOf('female'), sexOf('other'), sexOf('not_stated')]).toEqual(['M', 'F', 'U', 'U']);
  });

  // Reference date 31 March 2026: of school age (rule 8770Q) if born on or before 31 August 2022.
  it('sends the recorded reason a UPN is not known, and UN1 only for a child not yet of school age', () => {
    const ids = (over: Partial<CensusPersonRow>) => assembleChild(rows({ person: { ...person, ...over }, referrals: [referral('2025-05-01')] }), period)?.childIdentifiers;
    // School age without a UPN: the recorded reason, or none (query 8770Q asks for one).
    expect(ids({ upnUnknownReason: 'UN2' })?.upnUnknown).toBe('UN2');
    expect(ids({})?.upnUnknown).toBeUndefined();
    // A child of five (born June 2020, under six: once given UN1) is of school age: no UN1, and a
    // recorded UN1 is out of date; so is one born by 31 August 2022, who starts school that September.
    expect(ids({ dateOfBirth: '2020-06-01' })?.upnUnknown).toBeUndefined();
    expect(ids({ dateOfBirth: '2020-06-01', upnUnknownReason: 'UN1' })?.upnUnknown).toBeUndefined();
    expect(ids({ dateOfBirth: '2022-08-31', upnUnknownReason: 'UN6' })?.upnUnknown).toBe('UN6');
    // Born after 31 August 2022: not of school age, UN1 (or the reason recorded other than UN1).
    expect(ids({ dateOfBirth: '2022-09-01' })?.upnUnknown).toBe('UN1');
    expect(ids({ dateOfBirth: '2022-09-01', upnUnknownReason: 'UN3' })?.upnUnknown).toBe('UN3');
    // With a UPN, no reason is sent whatever is recorded.
    expect(ids({ upn: 'A82640012345B', upnUnknownReason: 'UN2' })).not.toHaveProperty('upnUnknown');
  });
});

describe('assembleChild: work begun without a referral', () => {
  it('starts an episode at a child-in-need episode opened from the record, with source 10 (unknown), and marks it', () => {
    const child = assembleChild(rows({ cinEpisodes: [cinEpisode('2025-08-04')], cinPlans: [{ personId, startedOn: '2025-08-10', endedOn: null }] }), period);
    expect(child?.cinDetails).toHaveLength(1);
    expect(child?.cinDetails[0]).toMatchObject({
      cinReferralDate: '2025-08-04',
      referralSource: UNKNOWN_REFERRAL_SOURCE,
      startedWithoutReferral: 'cin-episode',
      cinPlanDates: [{ cinPlanStartDate: '2025-08-10' }],
    });
    expect(UNKNOWN_REFERRAL_SOURCE).toBe('10');
  });

  it('starts an episode at a child protection plan made by a conference called from the record, with the conference on the episode', () => {
    const child = assembleChild(rows({ cpPlans: [cpPlan('2025-09-15')] }), period);
    expect(child?.cinDetails[0]).toMatchObject({
      cinReferralDate: '2025-09-15',
      referralSource: '10',
      startedWithoutReferral: 'cp-plan',
      dateOfInitialCpc: '2025-09-15',
      childProtectionPlans: [{ cppStartDate: '2025-09-15' }],
    });
  });

  it('starts an episode at a section 47 enquiry with no referral, and the plan that follows joins it', () => {
    const child = assembleChild(
      rows({
        section47s: [{ personId, startedOn: '2025-07-01', initialCpcTarget: '2025-07-22', dateOfInitialCpc: '2025-07-20', icpcNotRequired: false, endedOn: '2025-07-20' }],
        cpPlans: [cpPlan('2025-07-20', { initialConferenceFromSection47: true })],
      }),
      period,
    );
    expect(child?.cinDetails).toHaveLength(1);
    expect(child?.cinDetails[0]).toMatchObject({ cinReferralDate: '2025-07-01', startedWithoutReferral: 'section47' });
    expect(child?.cinDetails[0]?.dateOfInitialCpc).toBeUndefined();
    expect(child?.cinDetails[0]?.childProtectionPlans).toHaveLength(1);
  });

  it('lets the work join an episode a referral opened, keeping the referral’s date and source', () => {
    const child = assembleChild(rows({ referrals: [referral('2025-06-01')], cinEpisodes: [cinEpisode('2025-06-20')], cpPlans: [cpPlan('2025-07-01')] }), period);
    expect(child?.cinDetails).toHaveLength(1);
    expect(child?.cinDetails[0]?.cinReferralDate).toBe('2025-06-01');
    expect(child?.cinDetails[0]?.referralSource).toBe('2A');
    expect(child?.cinDetails[0]?.startedWithoutReferral).toBeUndefined();
  });

  it('starts a new episode for work after the referral’s episode closed, and a referral the same day wins', () => {
    const child = assembleChild(
      rows({
        referrals: [referral('2025-05-01'), referral('2025-11-03')],
        cinEpisodes: [cinEpisode('2025-05-10', '2025-07-01'), cinEpisode('2025-09-01', '2025-10-01'), cinEpisode('2025-11-03')],
      }),
      period,
    );
    expect(child?.cinDetails.map((d) => [d.cinReferralDate, d.referralSource, d.startedWithoutReferral ?? null])).toEqual([
      ['2025-05-01', '2A', null],
      ['2025-09-01', '10', 'cin-episode'],
      ['2025-11-03', '2A', null],
    ]);
  });

  describe('an assessment that ends the work closes the episode begun by the referral', () => {
    const assessment = (outcome: string | null, authorisedOn: string | null = '2025-06-10') => ({
      personId,
      startedOn: '2025-05-02',
      internalReviewOn: null,
      authorisedOn,
      factors: ['21'],
      primaryNeedCode: authorisedOn === null ? null : 'N9',
      outcome,
    });

    it('closes with RC8 on the authorisation date, with the assessment’s primary need, after no further action', () => {
      const child = assembleChild(rows({ referrals: [referral('2025-05-01')], assessments: [assessment('nfa')] }), period);
      expect(child?.cinDetails).toHaveLength(1);
      expect(child?.cinDetails[0]).toMatchObject({ cinReferralDate: '2025-05-01', cinClosureDate: '2025-06-10', reasonForClosure: 'RC8', primaryNeedCode: 'N9' });
      expect(child?.cinDetails[0]?.assessments).toHaveLength(1);
    });

    it('closes with RC9 after a step down to early help', () => {
      const child = assembleChild(rows({ referrals: [referral('2025-05-01')], assessments: [assessment('step_down_early_help')] }), period);
      expect(child?.cinDetails[0]).toMatchObject({ cinClosureDate: '2025-06-10', reasonForClosure: 'RC9', primaryNeedCode: 'N9' });
    });

    it('leaves the episode open while the assessment runs or when its outcome continues the work', () => {
      for (const a of [assessment(null, null), assessment('cin_plan'), assessment('strategy_s47')]) {
        const child = assembleChild(rows({ referrals: [referral('2025-05-01')], assessments: [a] }), period);
        expect(child?.cinDetails[0]?.cinClosureDate).toBeUndefined();
      }
    });

    it('does not close an episode that other work carries on (an open child in need episode or a plan started during the assessment)', () => {
      const duringCin = assembleChild(
        rows({ referrals: [referral('2025-05-01')], cinEpisodes: [cinEpisode('2025-04-20')], assessments: [assessment('nfa')] }),
        period,
      );
      expect(duringCin?.cinDetails.map((d) => d.cinClosureDate)).toEqual([undefined]);
      const withPlan = assembleChild(rows({ referrals: [referral('2025-05-01')], cpPlans: [cpPlan('2025-05-20')], assessments: [assessment('nfa')] }), period);
      expect(withPlan?.cinDetails.map((d) => d.cinClosureDate)).toEqual([undefined]);
      // A section 47 enquiry begun from the referral the day before the assessment started, that led to a conference.
      const enquiry = { personId, startedOn: '2025-05-01', initialCpcTarget: '2025-05-22', dateOfInitialCpc: '2025-05-20', icpcNotRequired: false, endedOn: '2025-05-20' };
      const withEnquiry = assembleChild(rows({ referrals: [referral('2025-05-01')], section47s: [enquiry], assessments: [assessment('nfa')] }), period);
      expect(withEnquiry?.cinDetails.map((d) => d.cinClosureDate)).toEqual([undefined]);
    });

    it('closes with RC7, not RC8 (rule 2990), when a section 47 enquiry that needed no conference ran alongside', () => {
      const enquiry = { personId, startedOn: '2025-05-01', initialCpcTarget: '2025-05-22', dateOfInitialCpc: null, icpcNotRequired: true, endedOn: '2025-06-01' };
      const child = assembleChild(rows({ referrals: [referral('2025-05-01')], section47s: [enquiry], assessments: [assessment('nfa')] }), period);
      expect(child?.cinDetails[0]).toMatchObject({ cinClosureDate: '2025-06-10', reasonForClosure: 'RC7', primaryNeedCode: 'N9' });
    });

    it('starts a new episode for a later referral after the closure', () => {
      const child = assembleChild(rows({ referrals: [referral('2025-05-01'), referral('2025-09-01')], assessments: [assessment('nfa')] }), period);
      expect(child?.cinDetails.map((d) => [d.cinReferralDate, d.cinClosureDate ?? null, d.reasonForClosure ?? null])).toEqual([
        ['2025-05-01', '2025-06-10', 'RC8'],
        ['2025-09-01', null, null],
      ]);
    });
  });
});

describe('assembleChild: an episode open across the start of the year', () => {
  // Referred in 2024-25, still open in 2025-26 (period: 2025-04-01 to 2026-03-31).
  const assessment = (startedOn: string, authorisedOn: string | null, primaryNeedCode: string | null = 'N5'): CensusAssessmentRow => ({
    personId,
    startedOn,
    internalReviewOn: null,
    authorisedOn,
    factors: authorisedOn === null ? [] : ['16A'],
    primaryNeedCode,
    outcome: authorisedOn === null ? null : 'strategy_s47',
  });
  const enquiry = (startedOn: string, over: Partial<CensusSection47Row> = {}): CensusSection47Row => ({
    personId,
    startedOn,
    initialCpcTarget: null,
    dateOfInitialCpc: null,
    icpcNotRequired: false,
    endedOn: null,
    ...over,
  });

  it('leaves out an enquiry that ended before the year, as it leaves out an assessment authorised before the year (rules 8715, 8696, 2991Q)', () => {
    const child = assembleChild(
      rows({
        referrals: [referral('2025-01-06')],
        assessments: [assessment('2025-01-07', '2025-02-20')],
        section47s: [
          enquiry('2025-01-08', { initialCpcTarget: '2025-01-29', dateOfInitialCpc: '2025-01-28', endedOn: '2025-01-28' }),
          enquiry('2025-02-03', { icpcNotRequired: true, endedOn: '2025-03-14' }),
        ],
        cpPlans: [cpPlan('2025-01-28', { initialConferenceFromSection47: true })],
      }),
      period,
    );
    const d = child?.cinDetails[0];
    expect(d?.cinReferralDate).toBe('2025-01-06');
    expect(d?.assessments).toEqual([]);
    expect(d?.section47).toEqual([]);
    // The plan is still open in the year, and the assessment authorised before it still gives the need.
    expect(d?.childProtectionPlans).toHaveLength(1);
    expect(d?.primaryNeedCode).toBe('N5');
  });

  it('reports the earlier enquiry and assessment still open on 1 April, or ended in the year, alike', () => {
    const child = assembleChild(
      rows({
        referrals: [referral('2025-03-03')],
        assessments: [assessment('2025-03-04', '2025-04-15')],
        section47s: [
          enquiry('2025-03-05', { initialCpcTarget: '2025-03-26', dateOfInitialCpc: '2025-04-01', endedOn: '2025-04-01' }),
          enquiry('2025-03-20', { icpcNotRequired: true, endedOn: '2025-04-02' }),
          enquiry('2025-03-27'),
        ],
      }),
      period,
    );
    const d = child?.cinDetails[0];
    expect(d?.assessments.map((a) => a.assessmentAuthorisationDate)).toEqual(['2025-04-15']);
    expect(d?.section47.map((s) => s.s47ActualStartDate)).toEqual(['2025-03-05', '2025-03-20', '2025-03-27']);
  });
});

describe('assembleChild: the primary need of an episode with no assessment authorised in time', () => {
  const assessment = (startedOn: string, authorisedOn: string | null, primaryNeedCode: string | null): CensusAssessmentRow => ({
    personId,
    startedOn,
    internalReviewOn: null,
    authorisedOn,
    factors: ['3A'],
    primaryNeedCode,
    outcome: authorisedOn === null ? null : 'cin_plan',
  });

  it('takes the need recorded on the assessment still open at the end of the year (authorised later, or saved in its draft)', () => {
    const authorisedLater = assembleChild(rows({ referrals: [referral('2026-03-02')], assessments: [assessment('2026-03-03', '2026-04-20', 'N3')] }), period);
    expect(authorisedLater?.cinDetails[0]?.primaryNeedCode).toBe('N3');
    // The assessment is still reported as open at 31 March, with no factors.
    expect(authorisedLater?.cinDetails[0]?.assessments).toEqual([{ assessmentActualStartDate: '2026-03-03', assessmentFactors: [] }]);
    const draft = assembleChild(rows({ referrals: [referral('2026-03-02')], assessments: [assessment('2026-03-03', null, 'N4')] }), period);
    expect(draft?.cinDetails[0]?.primaryNeedCode).toBe('N4');
  });

  it('prefers an assessment authorised by the end of the year, and invents nothing when none is recorded', () => {
    const both = assembleChild(
      rows({ referrals: [referral('2025-05-01')], assessments: [assessment('2025-05-02', '2025-06-10', 'N1'), assessment('2026-03-03', null, 'N4')] }),
      period,
    );
    expect(both?.cinDetails[0]?.primaryNeedCode).toBe('N1');
    const none = assembleChild(rows({ referrals: [referral('2026-03-02')], assessments: [assessment('2026-03-03', null, null)] }), period);
    expect(none?.cinDetails[0]?.primaryNeedCode).toBeUndefined();
  });

  it('falls back last to the need recorded where the work started: at the referral, or on work started from the child’s record', () => {
    const withNeed = (on: string, need: string | null): CensusReferralRow => ({ ...referral(on), primaryNeedCode: need });
    // An assessment still running whose draft holds no need: the referral's need.
    const running = assembleChild(rows({ referrals: [withNeed('2026-03-02', 'N2')], assessments: [assessment('2026-03-03', null, null)] }), period);
    expect(running?.cinDetails[0]?.primaryNeedCode).toBe('N2');
    // Any need an assessment records comes first: its draft's, or its authorised one.
    const drafted = assembleChild(rows({ referrals: [withNeed('2026-03-02', 'N2')], assessments: [assessment('2026-03-03', null, 'N4')] }), period);
    expect(drafted?.cinDetails[0]?.primaryNeedCode).toBe('N4');
    const authorised = assembleChild(rows({ referrals: [withNeed('2025-05-01', 'N2')], assessments: [assessment('2025-05-02', '2025-06-10', 'N1')] }), period);
    expect(authorised?.cinDetails[0]?.primaryNeedCode).toBe('N1');
    // Work started from the child's record with no referral: a plan, an enquiry, a conference's plan.
    const plan = assembleChild(rows({ cinEpisodes: [{ ...cinEpisode('2025-07-01'), initialPrimaryNeedCode: 'N5' }] }), period);
    expect(plan?.cinDetails[0]).toMatchObject({ startedWithoutReferral: 'cin-episode', primaryNeedCode: 'N5' });
    const enquiry: CensusSection47Row = {
      personId,
      startedOn: '2025-08-01',
      initialCpcTarget: null,
      dateOfInitialCpc: null,
      icpcNotRequired: false,
      endedOn: null,
      initialPrimaryNeedCode: 'N6',
    };
    expect(assembleChild(rows({ section47s: [enquiry] }), period)?.cinDetails[0]?.primaryNeedCode).toBe('N6');
    expect(assembleChild(rows({ cpPlans: [cpPlan('2025-09-01', { initialPrimaryNeedCode: 'N8' })] }), period)?.cinDetails[0]?.primaryNeedCode).toBe('N8');
    // Only a need recorded in the episode, by the end of the year: an earlier episode's, or one after 31 March, is not used.
    const earlier = assembleChild(
      rows({ referrals: [withNeed('2024-05-01', 'N3'), referral('2025-10-01')], cinEpisodes: [cinEpisode('2024-05-10', '2025-03-01')] }),
      period,
    );
    expect(earlier?.cinDetails.map((d) => d.primaryNeedCode)).toEqual([undefined]);
    const late = assembleChild(rows({ referrals: [referral('2026-03-02'), withNeed('2026-04-02', 'N7')], assessments: [assessment('2026-03-03', null, null)] }), period);
    expect(late?.cinDetails[0]?.primaryNeedCode).toBeUndefined();
  });
});
