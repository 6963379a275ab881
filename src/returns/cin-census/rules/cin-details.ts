// CIN details (episode) rules of the CIN census, and the rules that compare an episode's activity
// with its dates. See rule.ts for the source.
import { REASON_FOR_CLOSURE_CODES, REFERRAL_SOURCE_CODES, isOneOf } from '../codes.ts';
import type { CinDetails } from '../model.ts';
import { episodeLabel, failing, type CensusRule } from './rule.ts';

/** Every dated activity of an episode that must not come after its closure (rule 8565). */
function activityDates(d: CinDetails): { what: string; date: string }[] {
  const out: { what: string; date: string }[] = [];
  if (d.dateOfInitialCpc !== undefined) out.push({ what: 'DateOfInitialCPC', date: d.dateOfInitialCpc });
  for (const a of d.assessments) {
    out.push({ what: 'AssessmentActualStartDate', date: a.assessmentActualStartDate });
    if (a.assessmentAuthorisationDate !== undefined) out.push({ what: 'AssessmentAuthorisationDate', date: a.assessmentAuthorisationDate });
  }
  for (const s of d.section47) {
    out.push({ what: 'S47ActualStartDate', date: s.s47ActualStartDate });
    if (s.dateOfInitialCpc !== undefined) out.push({ what: 'Section47 DateOfInitialCPC', date: s.dateOfInitialCpc });
  }
  for (const p of d.childProtectionPlans) if (p.cppEndDate !== undefined) out.push({ what: 'CPPendDate', date: p.cppEndDate });
  for (const p of d.cinPlanDates) {
    out.push({ what: 'CINPlanStartDate', date: p.cinPlanStartDate });
    if (p.cinPlanEndDate !== undefined) out.push({ what: 'CINPlanEndDate', date: p.cinPlanEndDate });
  }
  return out;
}

export const CIN_DETAILS_RULES: readonly CensusRule[] = [
  {
    code: '8805',
    type: 'error',
    module: 'CINdetails',
    message: 'A CIN case cannot have a CIN closure date without a Reason for Closure',
    appliesTo: ['CINclosureDate', 'ReasonForClosure'],
    verified: true,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.cinClosureDate !== undefined && d.reasonForClosure === undefined,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8810',
    type: 'error',
    module: 'CINdetails',
    message: 'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
    appliesTo: ['ReasonForClosure', 'CINclosureDate'],
    verified: true,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.reasonForClosure !== undefined && d.cinClosureDate === undefined,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8815',
    type: 'error',
    module: 'CINdetails',
    message: 'Reason for Closure code is invalid (see Reason for Closure table in CIN Census code set)',
    appliesTo: ['ReasonForClosure'],
    verified: false,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.reasonForClosure !== undefined && !isOneOf(REASON_FOR_CLOSURE_CODES, d.reasonForClosure),
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8840',
    type: 'error',
    module: 'CINdetails',
    message: 'Source of referral is missing or an invalid code (see Referral Source table in CIN Census code set)',
    appliesTo: ['ReferralSource'],
    verified: false,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => !isOneOf(REFERRAL_SOURCE_CODES, d.referralSource),
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8816',
    type: 'error',
    module: 'CINdetails',
    message: 'An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.',
    appliesTo: ['CINreferralDate', 'CINclosureDate', 'ReferralNFA'],
    verified: true,
    check: (c) => {
      const latest = c.cinDetails.reduce((max, d) => (d.cinReferralDate > max ? d.cinReferralDate : max), '');
      return failing(
        c.cinDetails,
        (d) => d.cinClosureDate === undefined && !d.referralNfa && d.cinReferralDate !== latest,
        (d) => episodeLabel(d.cinReferralDate),
      );
    },
  },
  {
    code: '8820',
    type: 'error',
    module: 'CINdetails',
    message: 'The dates on the CIN episodes for this child overlap',
    appliesTo: ['CINreferralDate', 'CINclosureDate'],
    verified: true,
    check: (c, ctx) =>
      failing(
        c.cinDetails,
        (d) =>
          c.cinDetails.some(
            (other) =>
              other !== d &&
              d.cinReferralDate >= other.cinReferralDate &&
              (other.cinClosureDate !== undefined ? d.cinReferralDate <= other.cinClosureDate : d.cinReferralDate <= ctx.period.end && !other.referralNfa) &&
              // The rule's note: one episode may end on the day the next starts.
              d.cinReferralDate !== other.cinClosureDate,
          ),
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8565',
    type: 'error',
    module: 'CINdetails',
    message: 'Activity shown after a case has been closed',
    appliesTo: [
      'CINclosureDate',
      'DateOfInitialCPC',
      'AssessmentActualStartDate',
      'AssessmentAuthorisationDate',
      'S47ActualStartDate',
      'CPPendDate',
      'CINPlanStartDate',
      'CINPlanEndDate',
    ],
    verified: true,
    check: (c) => {
      const out: string[] = [];
      for (const d of c.cinDetails) {
        const closed = d.cinClosureDate;
        if (closed === undefined) continue;
        for (const a of activityDates(d)) if (a.date > closed) out.push(`${episodeLabel(d.cinReferralDate)}: ${a.what} ${a.date} after closure ${closed}`);
      }
      return out;
    },
  },
  {
    code: '2990',
    type: 'error',
    module: 'CINdetails',
    message: 'Activity is recorded against a case marked as ‘Case closed after assessment, no further action’.',
    appliesTo: ['ReasonForClosure', 'DateOfInitialCPC', 'Section47', 'ChildProtectionPlans', 'CINPlanDates'],
    verified: true,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) =>
          d.reasonForClosure === 'RC8' &&
          (d.dateOfInitialCpc !== undefined || d.section47.length > 0 || d.childProtectionPlans.length > 0 || d.cinPlanDates.length > 0),
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8825Q',
    type: 'query',
    module: 'CINdetails',
    message: 'Please check: a case closed after assessment (RC8 or RC9) should have an assessment',
    appliesTo: ['ReasonForClosure', 'Assessments'],
    verified: false,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => (d.reasonForClosure === 'RC8' || d.reasonForClosure === 'RC9') && d.assessments.length === 0,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    // Hearth's own query, not a DfE rule: see assemble.ts for how such an episode is dated.
    code: 'H01Q',
    type: 'query',
    module: 'CINdetails',
    message:
      'Please check: no referral is recorded for this episode. Hearth reports the day the first work was recorded (child in need episode or plan, section 47 enquiry, child protection plan) as the referral date and the source as 10 (Unknown). Record the referral at the front door if there was one.',
    appliesTo: ['CINreferralDate', 'ReferralSource'],
    verified: true,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.startedWithoutReferral !== undefined,
        (d) => `${episodeLabel(d.cinReferralDate)} (started by the ${d.startedWithoutReferral ?? ''} recorded that day)`,
      ),
  },
  // Applied since Hearth records the primary need where work starts, at the referral or when work
  // starts from the child's record (migration 0026), which the census gives an episode when no
  // assessment has recorded one yet (assemble.ts, initialNeedOf). Older episodes may still fail.
  {
    code: '8610',
    type: 'error',
    module: 'CINdetails',
    message: 'Primary Need code is missing for a referral which led to further action.',
    appliesTo: ['ReferralNFA', 'PrimaryNeedCode'],
    verified: true,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => !d.referralNfa && d.primaryNeedCode === undefined,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
];
