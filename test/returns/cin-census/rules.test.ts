// One test per CIN census validation rule: a child that passes it and a child that fails it, each
// built from one valid child by changing only what the rule reads.
import { describe, expect, it } from 'vitest';
import { censusPeriod } from '../../../src/returns/cin-census/census-period.ts';
import type { Assessment, CensusChild, CensusHeader, ChildProtectionPlan, CinDetails, CinPlanDates, Section47 } from '../../../src/returns/cin-census/model.ts';
import { CHILD_RULES, HELD_BACK_RULES, RETURN_RULES, RULES_NOT_APPLIED } from '../../../src/returns/cin-census/rules/index.ts';
import { upnCheckLetter } from '../../../src/returns/cin-census/rules/child-identifiers.ts';
import type { ReturnRuleInput } from '../../../src/returns/cin-census/rules/rule.ts';
import { ruleContext } from '../../../src/returns/cin-census/validate.ts';

const period = censusPeriod(2026);
// Built after the year ended (the day of the header's DateTime below).
const BUILT_ON = '2026-04-02';

const episode = (over: Partial<CinDetails> = {}): CinDetails => ({
  cinReferralDate: '2025-06-02',
  referralSource: '6',
  primaryNeedCode: 'N4',
  assessments: [],
  cinPlanDates: [],
  section47: [],
  referralNfa: false,
  childProtectionPlans: [],
  ...over,
});

const assessment = (factors: string[], over: Partial<Assessment> = {}): Assessment => ({
  assessmentActualStartDate: '2025-06-03',
  assessmentAuthorisationDate: '2025-07-01',
  assessmentFactors: factors,
  ...over,
});

// The base episode with no primary need recorded.
const withoutNeed = (): CinDetails => ({
  cinReferralDate: '2025-06-02',
  referralSource: '6',
  assessments: [],
  cinPlanDates: [],
  section47: [],
  referralNfa: false,
  childProtectionPlans: [],
});
const unauthorised = (factors: string[]): Assessment => ({ assessmentActualStartDate: '2025-06-03', assessmentFactors: factors });
const cinPlan = (start: string, end?: string): CinPlanDates => ({ cinPlanStartDate: start, ...(end === undefined ? {} : { cinPlanEndDate: end }) });
const cpp = (start: string, over: Partial<ChildProtectionPlan> = {}): ChildProtectionPlan => ({
  cppStartDate: start,
  initialCategoryOfAbuse: 'NEG',
  latestCategoryOfAbuse: 'NEG',
  numberOfPreviousCpp: 0,
  cppReviewDates: [],
  ...over,
});
const s47 = (start: string, icpc?: string): Section47 => ({
  s47ActualStartDate: start,
  ...(icpc === undefined ? {} : { initialCpcTarget: icpc, dateOfInitialCpc: icpc }),
  icpcNotRequired: false,
});

// A valid UPN: check letter worked out for the digits.
const UPN_DIGITS = '82640012345A';
const VALID_UPN = `${upnCheckLetter(`A${UPN_DIGITS}`) ?? '?'}${UPN_DIGITS}`;

function child(
  over: { ids?: Partial<CensusChild['childIdentifiers']>; chars?: Partial<CensusChild['childCharacteristics']>; cin?: CinDetails[] } = {},
): CensusChild {
  return {
    personId: 'p1',
    childIdentifiers: { laChildId: 'ABC123', upn: VALID_UPN, personBirthDate: '2015-04-10', sex: 'F', ...over.ids },
    childCharacteristics: { ethnicity: 'WBRI', disabilities: ['NONE'], ...over.chars },
    cinDetails: over.cin ?? [episode()],
  };
}

const unborn = (sex: string): CensusChild => ({
  ...child(),
  childIdentifiers: { laChildId: 'U1', expectedPersonBirthDate: '2026-05-01', sex },
});

const CASES: Readonly<Record<string, { pass: CensusChild; fail: CensusChild; others?: CensusChild[] }>> = {
  '8500': { pass: child(), fail: child({ ids: { laChildId: '' } }) },
  '8510': { pass: child(), fail: child(), others: [child()] },
  '1570': { pass: child({ ids: { laChildId: 'A'.repeat(20) } }), fail: child({ ids: { laChildId: 'A'.repeat(21) } }) },
  '1580': { pass: child({ ids: { laChildId: 'Ab12' } }), fail: child({ ids: { laChildId: 'AB-12' } }) },
  '8520': { pass: child({ ids: { personBirthDate: '2026-03-31' } }), fail: child({ ids: { personBirthDate: '2026-04-01' } }) },
  '8525Q': { pass: child(), fail: child({ ids: { expectedPersonBirthDate: '2026-05-01' } }) },
  '8530Q': {
    pass: { ...child(), childIdentifiers: { laChildId: 'U1', expectedPersonBirthDate: '2026-12-30', sex: 'U' } },
    fail: { ...child(), childIdentifiers: { laChildId: 'U1', expectedPersonBirthDate: '2027-01-01', sex: 'U' } },
  },
  '8535Q': { pass: child({ ids: { personDeathDate: '2015-04-10' } }), fail: child({ ids: { personDeathDate: '2015-04-09' } }) },
  '4180': { pass: child({ ids: { sex: 'U' } }), fail: child({ ids: { sex: '1' } }) },
  '8750': { pass: unborn('U'), fail: unborn('F') },
  '1510': { pass: child(), fail: child({ ids: { upn: `${VALID_UPN.startsWith('A') ? 'B' : 'A'}${UPN_DIGITS}` } }) },
  '1520': { pass: child(), fail: child(), others: [{ ...child(), personId: 'p2', childIdentifiers: { ...child().childIdentifiers, laChildId: 'OTHER1' } }] },
  '8772': {
    pass: child({ ids: { upnUnknown: 'UN7' }, cin: [episode({ referralNfa: true })] }),
    fail: child({ ids: { upnUnknown: 'UN7' }, cin: [episode({ referralNfa: false })] }),
  },
  '4220': { pass: child(), fail: { ...child(), childCharacteristics: { disabilities: ['NONE'] } } },
  '8540': { pass: child({ chars: { disabilities: ['MOB'] } }), fail: child({ chars: { disabilities: [] } }) },
  '8790': { pass: child({ chars: { disabilities: ['MOB', 'HAND'] } }), fail: child({ chars: { disabilities: ['NONE', 'MOB'] } }) },
  '8794': { pass: child({ chars: { disabilities: ['MOB', 'HAND'] } }), fail: child({ chars: { disabilities: ['MOB', 'MOB'] } }) },
  '8805': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-09-01', reasonForClosure: 'RC7' })] }),
    fail: child({ cin: [episode({ cinClosureDate: '2025-09-01' })] }),
  },
  '8810': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-09-01', reasonForClosure: 'RC7' })] }),
    fail: child({ cin: [episode({ reasonForClosure: 'RC7' })] }),
  },
  '8815': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-09-01', reasonForClosure: 'RC9' })] }),
    fail: child({ cin: [episode({ cinClosureDate: '2025-09-01', reasonForClosure: 'RC10' })] }),
  },
  '8840': { pass: child({ cin: [episode({ referralSource: '5D' })] }), fail: child({ cin: [episode({ referralSource: '11' })] }) },
  '8816': {
    pass: child({
      cin: [episode({ cinReferralDate: '2025-05-01', cinClosureDate: '2025-06-01', reasonForClosure: 'RC7' }), episode({ cinReferralDate: '2025-07-01' })],
    }),
    fail: child({
      cin: [episode({ cinReferralDate: '2025-05-01' }), episode({ cinReferralDate: '2025-07-01', cinClosureDate: '2025-08-01', reasonForClosure: 'RC7' })],
    }),
  },
  '8820': {
    // one episode may end the day the next begins
    pass: child({
      cin: [episode({ cinReferralDate: '2025-05-01', cinClosureDate: '2025-06-01', reasonForClosure: 'RC7' }), episode({ cinReferralDate: '2025-06-01' })],
    }),
    fail: child({
      cin: [episode({ cinReferralDate: '2025-05-01', cinClosureDate: '2025-07-01', reasonForClosure: 'RC7' }), episode({ cinReferralDate: '2025-06-01' })],
    }),
  },
  '8565': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-07-01', reasonForClosure: 'RC7', assessments: [assessment(['21'])] })] }),
    fail: child({ cin: [episode({ cinClosureDate: '2025-06-30', reasonForClosure: 'RC7', assessments: [assessment(['21'])] })] }),
  },
  '2990': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-07-01', reasonForClosure: 'RC8', assessments: [assessment(['21'])] })] }),
    fail: child({
      cin: [
        episode({
          cinClosureDate: '2025-07-01',
          reasonForClosure: 'RC8',
          assessments: [assessment(['21'])],
          cinPlanDates: [{ cinPlanStartDate: '2025-06-20' }],
        }),
      ],
    }),
  },
  '8825Q': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-07-01', reasonForClosure: 'RC9', assessments: [assessment(['21'])] })] }),
    fail: child({ cin: [episode({ cinClosureDate: '2025-07-01', reasonForClosure: 'RC9' })] }),
  },
  '8869': {
    pass: child({ cin: [episode({ assessments: [assessment(['21'])] })] }),
    fail: child({ cin: [episode({ assessments: [assessment(['21', '3A'])] })] }),
  },
  '8898': {
    pass: child({ cin: [episode({ assessments: [assessment(['3A', '4B'])] })] }),
    fail: child({ cin: [episode({ assessments: [assessment(['3A', '3A'])] })] }),
  },
  '8867': { pass: child({ cin: [episode({ assessments: [assessment(['24A'])] })] }), fail: child({ cin: [episode({ assessments: [assessment(['25A'])] })] }) },
  '8945Q': { pass: child({ cin: [episode({ assessments: [assessment(['18B'])] })] }), fail: child({ cin: [episode({ assessments: [assessment(['18A'])] })] }) },
  '8608': {
    pass: child({ cin: [episode({ assessments: [assessment(['21'], { assessmentAuthorisationDate: '2025-06-03' })] })] }),
    fail: child({ cin: [episode({ assessments: [assessment(['21'], { assessmentAuthorisationDate: '2025-06-02' })] })] }),
  },
  '8620': {
    pass: child({ cin: [episode({ cinReferralDate: '2025-03-01', cinClosureDate: '2025-04-01', reasonForClosure: 'RC7' })] }),
    fail: child({ cin: [episode({ cinReferralDate: '2025-03-01', cinClosureDate: '2025-03-31', reasonForClosure: 'RC7' })] }),
  },
  '8740': {
    pass: child({ cin: [episode({ cinReferralDate: '2025-03-01', section47: [{ s47ActualStartDate: '2025-03-10', icpcNotRequired: true }] })] }),
    fail: child({ cin: [episode({ cinReferralDate: '2025-03-01', section47: [{ s47ActualStartDate: '2025-03-10', icpcNotRequired: false }] })] }),
  },
  // ---- plans-and-enquiries.ts ----
  '8568': { pass: child(), fail: child({ cin: [episode({ referralNfa: 'yes' as unknown as boolean })] }) },
  '8606': {
    pass: child({ ids: { personBirthDate: '2026-03-09' }, cin: [episode({ cinReferralDate: '2025-06-02' })] }),
    fail: child({ ids: { personBirthDate: '2026-03-10' }, cin: [episode({ cinReferralDate: '2025-06-02' })] }),
  },
  '8610': { pass: child({ cin: [episode({ primaryNeedCode: 'N1' })] }), fail: child({ cin: [withoutNeed()] }) },
  '8630': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-06-02', reasonForClosure: 'RC7' })] }),
    fail: child({ cin: [episode({ cinClosureDate: '2025-06-01', reasonForClosure: 'RC7' })] }),
  },
  '8640': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-09-01', reasonForClosure: 'RC8', assessments: [assessment(['21'])] })] }),
    fail: child({ cin: [episode({ cinClosureDate: '2025-09-01', reasonForClosure: 'RC0' })] }),
  },
  '8614': {
    pass: child({ cin: [episode({ assessments: [unauthorised([])] })] }),
    fail: child({ cin: [episode({ assessments: [unauthorised(['3A'])] })] }),
  },
  '4000': {
    pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01')] })] }),
    fail: child({ cin: [episode({ referralNfa: true, cinPlanDates: [cinPlan('2025-07-01')] })] }),
  },
  '4001': {
    pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01', '2025-08-01')], childProtectionPlans: [cpp('2025-08-01')] })] }),
    fail: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01')], childProtectionPlans: [cpp('2025-08-01')] })] }),
  },
  '4003': {
    pass: child({
      cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-10-01', cppReviewDates: ['2025-09-20', '2025-10-01'] })], cinPlanDates: [cinPlan('2025-10-01')] })],
    }),
    fail: child({
      cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-10-01', cppReviewDates: ['2025-09-20'] })], cinPlanDates: [cinPlan('2025-09-01', '2025-10-01')] })],
    }),
  },
  '4004': {
    pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01', '2025-08-01'), cinPlan('2025-09-01')] })] }),
    fail: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01'), cinPlan('2025-09-01')] })] }),
  },
  '4010': { pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2026-03-31')] })] }), fail: child({ cin: [episode({ cinPlanDates: [cinPlan('2026-04-01')] })] }) },
  '4011': {
    pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01', '2025-07-02')] })] }),
    fail: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-02', '2025-07-01')] })] }),
  },
  '4012Q': {
    pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01', '2025-07-02')] })] }),
    fail: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01', '2025-07-01')] })] }),
  },
  '4013': {
    pass: child({ cin: [episode({ cinReferralDate: '2025-03-01', cinPlanDates: [cinPlan('2025-03-10', '2025-04-01')] })] }),
    fail: child({ cin: [episode({ cinReferralDate: '2025-03-01', cinPlanDates: [cinPlan('2025-03-10', '2025-03-31')] })] }),
  },
  '4014': {
    pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01', '2025-07-31'), cinPlan('2025-08-01')] })] }),
    fail: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-07-01', '2025-08-01'), cinPlan('2025-08-01')] })] }),
  },
  '4015': { pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-06-02')] })] }), fail: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-06-01')] })] }) },
  '4016': {
    pass: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-09-01' })], cinPlanDates: [cinPlan('2025-09-01')] })] }),
    fail: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-09-01' })], cinPlanDates: [cinPlan('2025-08-31')] })] }),
  },
  '4017': {
    pass: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-06-10', '2025-07-01')], childProtectionPlans: [cpp('2025-07-01')] })] }),
    fail: child({ cin: [episode({ cinPlanDates: [cinPlan('2025-06-10', '2025-07-02')], childProtectionPlans: [cpp('2025-07-01')] })] }),
  },
  '2884': {
    pass: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-07-01')] })] }),
    fail: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', section47: [s47('2025-06-10', '2025-07-01')] })] }),
  },
  '2885': {
    pass: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-07-01')], childProtectionPlans: [cpp('2025-07-01')] })] }),
    fail: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-07-01')], childProtectionPlans: [cpp('2025-07-02')] })] }),
  },
  '2889': { pass: child({ cin: [episode({ section47: [s47('2025-06-02')] })] }), fail: child({ cin: [episode({ section47: [s47('2025-06-01')] })] }) },
  '8615': {
    pass: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-06-10')] })] }),
    fail: child({ cin: [episode({ section47: [s47('2025-06-11', '2025-06-10')] })] }),
  },
  '8720': {
    pass: child({ cin: [episode({ dateOfInitialCpc: '2026-03-31', childProtectionPlans: [cpp('2026-03-31')] })] }),
    fail: child({ cin: [episode({ childProtectionPlans: [cpp('2026-04-01')] })] }),
  },
  '8730': {
    pass: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { numberOfPreviousCpp: 0 })] })] }),
    fail: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { numberOfPreviousCpp: -1 })] })] }),
  },
  '8841': {
    pass: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { cppReviewDates: ['2025-07-02'] })] })] }),
    fail: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { cppReviewDates: ['2025-07-01'] })] })] }),
  },
  '8935': {
    pass: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-08-01' }), cpp('2025-09-01')] })] }),
    fail: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01'), cpp('2025-09-01')] })] }),
  },
  '8940': {
    pass: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-08-01' }), cpp('2025-08-02')] })] }),
    fail: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-08-01' }), cpp('2025-08-01')] })] }),
  },
  '8590': { pass: child(), fail: child({ cin: [] }) },
  '1103': {
    pass: child({ cin: [episode({ assessments: [assessment(['21'], { assessmentActualStartDate: '2025-06-02' })] })] }),
    fail: child({ cin: [episode({ assessments: [assessment(['21'], { assessmentActualStartDate: '2025-06-01' })] })] }),
  },
  '1104': {
    pass: child({ cin: [episode({ section47: [{ s47ActualStartDate: '2025-06-02', dateOfInitialCpc: '2025-06-02', icpcNotRequired: false }] })] }),
    fail: child({ cin: [episode({ section47: [{ s47ActualStartDate: '2025-05-20', dateOfInitialCpc: '2025-06-01', icpcNotRequired: false }] })] }),
  },
  '1105': {
    pass: child({ cin: [episode({ dateOfInitialCpc: '2025-06-02', childProtectionPlans: [cpp('2025-06-02')] })] }),
    fail: child({ cin: [episode({ dateOfInitialCpc: '2025-06-01', childProtectionPlans: [cpp('2025-06-01')] })] }),
  },
  '8650': { pass: child({ cin: [episode({ primaryNeedCode: 'N0' })] }), fail: child({ cin: [episode({ primaryNeedCode: 'N10' })] }) },
  '8905': {
    pass: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { initialCategoryOfAbuse: 'MUL' })] })] }),
    fail: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { initialCategoryOfAbuse: 'NEGLECT' })] })] }),
  },
  '8910': {
    pass: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { latestCategoryOfAbuse: 'SAB' })] })] }),
    fail: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { latestCategoryOfAbuse: '' })] })] }),
  },
  '8600': { pass: child({ cin: [episode({ cinReferralDate: '2026-03-31' })] }), fail: child({ cin: [episode({ cinReferralDate: '2026-04-01' })] }) },
  '8696': {
    pass: child({ cin: [episode({ assessments: [assessment(['21'], { assessmentAuthorisationDate: '2025-04-01' })] })] }),
    fail: child({ cin: [episode({ cinReferralDate: '2025-03-01', assessments: [assessment(['21'], { assessmentActualStartDate: '2025-03-02', assessmentAuthorisationDate: '2025-03-31' })] })] }),
  },
  '8736': {
    pass: child({ cin: [episode({ cinReferralDate: '2025-03-01', assessments: [unauthorised(['21']), { ...unauthorised(['21']), assessmentActualStartDate: '2025-04-01' }] })] }),
    fail: child({ cin: [episode({ cinReferralDate: '2025-03-01', assessments: [{ ...unauthorised(['21']), assessmentActualStartDate: '2025-03-31' }] })] }),
  },
  '8715': {
    pass: child({ cin: [episode({ section47: [s47('2025-06-10', '2026-03-31')] })] }),
    fail: child({ cin: [episode({ section47: [s47('2025-06-10', '2026-04-01')] })] }),
  },
  '8930': {
    pass: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2026-03-31' })] })] }),
    fail: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2026-04-01' })] })] }),
  },
  '8925': {
    pass: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-07-01' })] })] }),
    fail: child({ cin: [episode({ childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-06-30' })] })] }),
  },
  '8866': { pass: child({ cin: [episode({ referralSource: '5D' })] }), fail: child({ cin: [episode({ referralSource: '5E' })] }) },
  '8831': {
    pass: child({ cin: [episode({ referralNfa: true, cinClosureDate: '2025-06-02', reasonForClosure: 'RC7' })] }),
    fail: child({ cin: [episode({ referralNfa: true, section47: [s47('2025-06-02')] })] }),
  },
  '8832': {
    pass: child({ cin: [episode({ referralNfa: false, dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01')] })] }),
    fail: child({ cin: [episode({ referralNfa: true, dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01')] })] }),
  },
  '8839': {
    pass: child({ cin: [episode({ section47: [s47('2025-06-10'), { ...s47('2025-06-20'), icpcNotRequired: true }] })] }),
    fail: child({ cin: [episode({ section47: [s47('2025-06-10'), s47('2025-06-20')] })] }),
  },
  '8868': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-08-01', reasonForClosure: 'RC7', section47: [s47('2025-06-10', '2025-07-01'), { ...s47('2025-06-20'), icpcNotRequired: true }] })] }),
    fail: child({ cin: [episode({ cinClosureDate: '2025-08-01', reasonForClosure: 'RC7', section47: [s47('2025-06-10')] })] }),
  },
  '8896': {
    pass: child({ cin: [episode({ assessments: [assessment(['21']), unauthorised(['21'])] })] }),
    fail: child({ cin: [episode({ assessments: [unauthorised(['21']), { ...unauthorised(['21']), assessmentActualStartDate: '2025-08-01' }] })] }),
  },
  '8863Q': {
    pass: child({ cin: [episode({ assessments: [assessment(['21']), { ...unauthorised(['21']), assessmentActualStartDate: '2025-07-02' }] })] }),
    fail: child({ cin: [episode({ assessments: [assessment(['21']), { ...unauthorised(['21']), assessmentActualStartDate: '2025-07-01' }] })] }),
  },
  '8897Q': {
    pass: child({ cin: [episode({ assessments: [assessment(['21'])] })] }),
    fail: child({ cin: [episode({ assessments: [assessment([])] })] }),
  },
  '2991Q': {
    pass: child({ cin: [episode({ assessments: [assessment(['16A'])], section47: [s47('2025-06-10', '2025-07-01')] })] }),
    fail: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-07-01')] })] }),
  },
  '8890': {
    pass: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-07-01'), { ...s47('2025-07-02'), icpcNotRequired: true }, s47('2025-07-03')] })] }),
    fail: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-07-01'), s47('2025-07-01')] })] }),
  },
  '8842Q': {
    pass: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { cppReviewDates: ['2025-09-01'] })] })] }),
    fail: child({ cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { cppReviewDates: [''] })] })] }),
  },
  // 31 March 2026 less 45 working days : 27 January 2026.
  '8670Q': {
    pass: child({ cin: [episode({ assessments: [{ ...unauthorised(['21']), assessmentActualStartDate: '2026-01-27' }] })] }),
    fail: child({ cin: [episode({ assessments: [{ ...unauthorised(['21']), assessmentActualStartDate: '2026-01-26' }] })] }),
  },
  // 31 March 2026 less 15 working days: 10 March 2026.
  '8675Q': {
    pass: child({ cin: [episode({ section47: [s47('2026-03-10'), { ...s47('2025-06-10'), icpcNotRequired: true }] })] }),
    fail: child({ cin: [episode({ section47: [s47('2026-03-09')] })] }),
  },
  '8875': {
    pass: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-07-04')] })] }),
    fail: child({ cin: [episode({ section47: [s47('2025-06-10', '2025-07-05')] })] }),
  },
  '8585Q': {
    pass: child({ cin: [episode({ cinClosureDate: '2025-08-01', reasonForClosure: 'RC7' })] }),
    fail: child({ cin: [episode({ cinClosureDate: '2025-08-01', reasonForClosure: 'RC2' })] }),
  },
  '8870Q': {
    pass: child({ cin: [episode({ section47: [{ ...s47('2025-06-10'), initialCpcTarget: '2025-07-04' }] })] }),
    fail: child({ cin: [episode({ section47: [{ ...s47('2025-06-10'), initialCpcTarget: '2025-07-06' }] })] }),
  },
  // 1 April 2025 less one working day: 31 March 2025.
  '8569Q': {
    pass: child({ cin: [episode({ cinReferralDate: '2025-03-31', referralNfa: true, cinClosureDate: '2025-04-01', reasonForClosure: 'RC7' })] }),
    fail: child({ cin: [episode({ cinReferralDate: '2025-03-30', referralNfa: true, cinClosureDate: '2025-04-01', reasonForClosure: 'RC7' })] }),
  },
  // Reference date 31 March 2026: of school age if born on or before 31 August 2022.
  '8770Q': {
    pass: { ...child(), childIdentifiers: { laChildId: 'ABC123', upnUnknown: 'UN1', personBirthDate: '2022-09-01', sex: 'F' } },
    fail: { ...child(), childIdentifiers: { laChildId: 'ABC123', upnUnknown: 'UN1', personBirthDate: '2022-08-31', sex: 'F' } },
  },
  '8775Q': {
    pass: child({ ids: { personBirthDate: '2001-03-31' } }),
    fail: child({ ids: { personBirthDate: '2001-03-30' } }),
  },
  '8873Q': {
    pass: child({ cin: [episode({ assessments: [assessment(['21'])], cinClosureDate: '2025-07-01', reasonForClosure: 'RC8' }), episode({ cinReferralDate: '2025-09-01', assessments: [assessment(['21'], { assessmentActualStartDate: '2025-09-02' })] })] }),
    fail: child({ cin: [episode({ assessments: [assessment(['21'])], cinClosureDate: '2025-07-01', reasonForClosure: 'RC7' })] }),
  },
  H01Q: { pass: child(), fail: child({ cin: [episode({ referralSource: '10', startedWithoutReferral: 'cp-plan' })] }) },
  '8950Q': { pass: child({ cin: [episode({ assessments: [assessment(['19C'])] })] }), fail: child({ cin: [episode({ assessments: [assessment(['19A'])] })] }) },
};

describe('CIN census validation rules (2025-26)', () => {
  // Rules held back (written, not applied to the return yet) are tested the same way.
  for (const rule of [...CHILD_RULES, ...HELD_BACK_RULES]) {
    it(`${rule.code}: ${rule.message}`, () => {
      const c = CASES[rule.code];
      expect(c, `no test case for rule ${rule.code}`).toBeDefined();
      if (c === undefined) return;
      const others = c.others ?? [];
      const passCtx = ruleContext(period, [c.pass], BUILT_ON);
      const failCtx = ruleContext(period, [c.fail, ...others], BUILT_ON);
      expect(rule.check(c.pass, passCtx)).toEqual([]);
      expect(rule.check(c.fail, failCtx).length).toBeGreaterThan(0);
    });
  }

  it('the base child passes every rule', () => {
    const ctx = ruleContext(period, [child()], BUILT_ON);
    expect([...CHILD_RULES, ...HELD_BACK_RULES].flatMap((r) => r.check(child(), ctx).map((w) => `${r.code} ${w}`))).toEqual([]);
  });

  it('accounts for every DfE rule of 2025-26: applied, or listed with the reason it is not', () => {
    const dfe =
      '100 1103 1104 1105 1510 1520 1530 1540 1550 1560Q 1570 1580 2883 2884 2885 2886Q 2887Q 2888Q 2889 2990 2991Q 4000 4001 4003 4004 4008 4009Q 4010 4011 4012Q 4013 4014 4015 4016 4017 4180 4220 8500 8510 8520 8525Q 8530Q 8535Q 8540 8545Q 8555Q 8565 8568 8569Q 8585Q 8590 8600 8606 8608 8610 8614 8615 8620 8630 8640 8650 8670Q 8675Q 8696 8715 8720 8730 8736 8740 8750 8770Q 8772 8775Q 8790 8794 8805 8810 8815 8816 8820 8825Q 8831 8832 8839 8840 8841 8842Q 8863Q 8866 8867 8868 8869 8870Q 8873Q 8875 8890 8896 8897Q 8898 8905 8910 8915 8920 8925 8930 8935 8940 8945Q 8950Q'.split(
        ' ',
      );
    expect(dfe).toHaveLength(109);
    const accounted = [...CHILD_RULES, ...RETURN_RULES].map((r) => r.code).concat(RULES_NOT_APPLIED.flatMap((r) => r.code.split(' ')));
    expect(dfe.filter((code) => !accounted.includes(code))).toEqual([]);
    // Hearth's own queries are marked as such (H…), never taken for a DfE rule.
    expect(accounted.filter((code) => !dfe.includes(code))).toEqual(['H01Q']);
  });

  it('rule codes are unique, and none is both applied and listed as not applied', () => {
    const applied = [...CHILD_RULES, ...RETURN_RULES].map((r) => r.code);
    expect(new Set(applied).size).toBe(applied.length);
    const notApplied = RULES_NOT_APPLIED.flatMap((r) => r.code.split(' '));
    expect(notApplied.filter((code) => applied.includes(code))).toEqual([]);
  });

  const header: CensusHeader = {
    collection: 'CIN',
    year: 2026,
    referenceDate: '2026-03-31',
    sourceLevel: 'L',
    lea: '826',
    softwareCode: 'Hearth',
    release: '0.1.0',
    serialNo: '001',
    dateTime: '2026-04-02T09:00:00',
  };
  // A return of fifty children that passes every return-level rule: eight disability codes used (one
  // child with two), every born child's sex recorded, no plans. Each case changes only what its rule reads.
  const DISABILITY_CODES = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS'];
  const disabilitiesOf = (i: number): string[] => (i === 0 ? ['MOB', 'HAND'] : i < DISABILITY_CODES.length ? [DISABILITY_CODES[i] ?? 'NONE'] : ['NONE']);
  const fifty = (over: (i: number) => Parameters<typeof child>[0] = () => ({})): CensusChild[] =>
    Array.from({ length: 50 }, (_, i) => {
      const o = over(i) ?? {};
      return child({ ...o, ids: { laChildId: `C${String(i)}`, ...o.ids }, chars: { disabilities: disabilitiesOf(i), ...o.chars } });
    });
  const returnOf = (children: CensusChild[], over: Partial<CensusHeader> = {}): ReturnRuleInput => ({ header: { ...header, ...over }, period, children });
  // Plans made at an initial conference in the year: one called from the record (on the episode), one by an enquiry.
  const withPlans = (extra: CinDetails[] = []) =>
    fifty((i) => {
      if (i === 0) return { cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01')] }), ...extra] };
      if (i === 1) return { cin: [episode({ section47: [s47('2025-06-10', '2025-07-01')], childProtectionPlans: [cpp('2025-07-01')] })] };
      // A plan that started before the year is not counted, nor is its conference.
      if (i === 2) return { cin: [episode({ cinReferralDate: '2025-01-10', childProtectionPlans: [cpp('2025-02-01')] })] };
      return {};
    });
  const RETURN_CASES: Readonly<Record<string, { pass: ReturnRuleInput; fail: ReturnRuleInput }>> = {
    '100': { pass: returnOf(fifty()), fail: returnOf(fifty(), { referenceDate: '2026-03-30' }) },
    '2883': {
      pass: returnOf(withPlans()),
      fail: returnOf(withPlans([episode({ cinReferralDate: '2025-09-01', childProtectionPlans: [cpp('2025-09-10')] })])),
    },
    // 1 of 50 (2%) is not more than 2%; unborn children (sex U, expected date of birth) are not counted.
    '2886Q': {
      pass: returnOf([...fifty((i) => (i === 0 ? { ids: { sex: 'U' } } : {})), unborn('U'), unborn('U')]),
      fail: returnOf(fifty((i) => (i < 2 ? { ids: { sex: 'U' } } : {}))),
    },
    '2887Q': { pass: returnOf(fifty()), fail: returnOf(fifty((i) => (i === 7 ? { chars: { disabilities: ['MOB'] } } : {}))) },
    '2888Q': { pass: returnOf(fifty()), fail: returnOf(fifty((i) => (i === 0 ? { chars: { disabilities: ['MOB'] } } : {}))) },
  };
  for (const rule of RETURN_RULES) {
    it(`${rule.code}: ${rule.message}`, () => {
      const c = RETURN_CASES[rule.code];
      expect(c, `no test case for return rule ${rule.code}`).toBeDefined();
      if (c === undefined) return;
      expect(rule.check(c.pass)).toEqual([]);
      expect(rule.check(c.fail).length).toBeGreaterThan(0);
    });
  }

  it('the base return passes every return-level rule, and a return with no disabled child is queried by 2887Q, not 2888Q', () => {
    expect(RETURN_RULES.flatMap((r) => r.check(returnOf(fifty())).map((w) => `${r.code} ${w}`))).toEqual([]);
    const noneDisabled = returnOf(fifty(() => ({ chars: { disabilities: ['NONE'] } })));
    expect(RETURN_RULES.filter((r) => r.check(noneDisabled).length > 0).map((r) => r.code)).toEqual(['2887Q']);
  });

  it('2883 counts every plan and conference of the year, not children', () => {
    const rule = RETURN_RULES.find((r) => r.code === '2883');
    // Two plans in the year for one child from one conference: more plans than conferences.
    const twoPlans = returnOf(fifty((i) => (i === 0 ? { cin: [episode({ dateOfInitialCpc: '2025-07-01', childProtectionPlans: [cpp('2025-07-01', { cppEndDate: '2025-08-01' }), cpp('2025-09-01')] })] } : {})));
    expect(rule?.check(twoPlans)).toEqual(['2 child protection plans started in the year, 1 initial conferences held']);
  });
});

describe('8670Q and 8675Q query a year that has ended, not one still in progress', () => {
  const rule = (code: string) => {
    const found = CHILD_RULES.find((r) => r.code === code);
    if (found === undefined) throw new Error(`rule ${code} not applied`);
    return found;
  };
  const openAssessment = (start: string): CensusChild => child({ cin: [episode({ assessments: [{ ...unauthorised(['21']), assessmentActualStartDate: start }] })] });
  const openEnquiry = (start: string): CensusChild => child({ cin: [episode({ section47: [s47(start)] })] });
  const check = (code: string, c: CensusChild, builtOn: string) => rule(code).check(c, ruleContext(period, [c], builtOn));

  it('query nothing while the year is in progress (built on or before the reference date)', () => {
    for (const builtOn of ['2025-12-02', '2026-03-31']) {
      expect(check('8670Q', openAssessment('2025-06-03'), builtOn)).toEqual([]);
      expect(check('8675Q', openEnquiry('2025-06-10'), builtOn)).toEqual([]);
    }
  });

  it('measure against the reference date once the year has ended, however late the return is built', () => {
    // 31 March 2026 less 45 working days: 27 January 2026; less 15: 10 March 2026.
    expect(check('8670Q', openAssessment('2026-01-27'), '2026-07-31')).toEqual([]);
    expect(check('8670Q', openAssessment('2026-01-26'), '2026-04-01')).toHaveLength(1);
    expect(check('8675Q', openEnquiry('2026-03-10'), '2026-07-31')).toEqual([]);
    expect(check('8675Q', openEnquiry('2026-03-09'), '2026-07-31')).toHaveLength(1);
  });
});

describe('UPN check letter', () => {
  it('follows the DfE modulus 23 calculation', () => {
    // A known-good example: digits 2-13 "01234567890" + "1" → sum of value x weight (2..13).
    const body = '012345678901';
    const sum = Array.from({ length: body.length }, (_, i) => Number(body.charAt(i)) * (i + 2)).reduce((a, b) => a + b, 0);
    expect(upnCheckLetter(`X${body}`)).toBe('ABCDEFGHJKLMNPQRTUVWXYZ'.charAt(sum % 23));
    expect(upnCheckLetter('not a upn')).toBeNull();
  });
});
