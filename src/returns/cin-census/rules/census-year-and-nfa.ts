// CIN census rules on dates falling within the census year, referrals with no further action,
// open section 47 enquiries and the order of a plan's dates. See rule.ts for the source. Wording and
// logic read from the rule text quoted in the open-source implementation's rule files
// (csc-validator-be-cin, cin_validator/rules/cin2022_23/rule_<code>.py, unchanged to 2025-26); where
// that implementation's code departs from its own quoted rule text, Hearth follows the rule text
// and says so in a note.
import { ofSchoolAgeForCensus } from '../../../domain/shared/codes/dfe/upn-unknown-reason.ts';
import { DayOfWeek, LocalDate } from '@js-joda/core';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../../../domain/shared/calendar/index.ts';
import { ASSESSMENT_FACTOR_CODES, REFERRAL_SOURCE_CODES, isOneOf } from '../codes.ts';
import type { CensusPeriod } from '../census-period.ts';
import type { Assessment, CensusChild, ChildProtectionPlan, CinDetails, Section47 } from '../model.ts';
import { episodeLabel, failing, type CensusRule } from './rule.ts';

const inYear = (date: string, p: CensusPeriod): boolean => date >= p.start && date <= p.end;
const assessmentLabel = (a: Assessment): string => `Assessment started ${a.assessmentActualStartDate}`;
const s47Label = (s: Section47): string => `Section 47 enquiry started ${s.s47ActualStartDate}`;
const cppLabel = (p: ChildProtectionPlan): string => `Child protection plan started ${p.cppStartDate}`;

/** One entry per item of each episode that fails. */
function perEpisode<T>(c: CensusChild, items: (d: CinDetails) => readonly T[], fails: (item: T) => boolean, label: (item: T) => string): string[] {
  const out: string[] = [];
  for (const d of c.cinDetails) for (const item of items(d)) if (fails(item)) out.push(`${episodeLabel(d.cinReferralDate)}: ${label(item)}`);
  return out;
}

/** The reference date less `n` working days (England and Wales bank holidays; the validator uses England's). */
const workingDaysBeforeEnd = (p: CensusPeriod, n: number): string => STATUTORY_WORKING_DAY_CALENDAR.addWorkingDays(LocalDate.parse(p.end), -n).toString();

const isWeekend = (date: string): boolean => {
  const day = LocalDate.parse(date).dayOfWeek();
  return day === DayOfWeek.SATURDAY || day === DayOfWeek.SUNDAY;
};

/** A section 47 enquiry that neither had its initial conference nor was marked as needing none. */
const s47Open = (s: Section47): boolean => s.dateOfInitialCpc === undefined && !s.icpcNotRequired;

export const CENSUS_YEAR_AND_NFA_RULES: readonly CensusRule[] = [
  // ---- Dates within the census year ----
  {
    code: '8600',
    type: 'error',
    module: 'CINdetails',
    message: 'Child referral date missing or after data collection period',
    appliesTo: ['CINreferralDate', 'ReferenceDate'],
    verified: true,
    // <CINreferralDate> must be present and on or before <ReferenceDate>.
    check: (c, ctx) =>
      failing(
        c.cinDetails,
        (d) => d.cinReferralDate === '' || d.cinReferralDate > ctx.period.end,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8696',
    type: 'error',
    module: 'Assessments',
    message: 'Assessment end date must fall within the census year',
    appliesTo: ['AssessmentAuthorisationDate', 'ReferenceDate'],
    verified: true,
    // If present, <AssessmentAuthorisationDate> on or between the start of the census year and <ReferenceDate>.
    check: (c, ctx) =>
      perEpisode(
        c,
        (d) => d.assessments,
        (a) => a.assessmentAuthorisationDate !== undefined && !inYear(a.assessmentAuthorisationDate, ctx.period),
        assessmentLabel,
      ),
  },
  {
    code: '8736',
    type: 'error',
    module: 'Assessments',
    message: 'For an Assessment that has not been completed, the start date must fall within the census year',
    appliesTo: ['AssessmentAuthorisationDate', 'AssessmentActualStartDate', 'ReferenceDate'],
    verified: true,
    // An assessment with no <AssessmentAuthorisationDate>: <AssessmentActualStartDate> on or between the
    // start of the census year and <ReferenceDate>. (The implementation's stored version inverts the
    // comparison; Hearth follows the rule text it quotes.)
    check: (c, ctx) =>
      perEpisode(
        c,
        (d) => d.assessments,
        (a) => a.assessmentAuthorisationDate === undefined && !inYear(a.assessmentActualStartDate, ctx.period),
        assessmentLabel,
      ),
  },
  {
    code: '8930',
    type: 'error',
    module: 'ChildProtectionPlans',
    message: 'Child Protection Plan End Date must fall within the census year',
    appliesTo: ['CPPendDate', 'ReferenceDate'],
    verified: true,
    check: (c, ctx) =>
      perEpisode(
        c,
        (d) => d.childProtectionPlans,
        (p) => p.cppEndDate !== undefined && !inYear(p.cppEndDate, ctx.period),
        cppLabel,
      ),
  },
  {
    code: '8925',
    type: 'error',
    module: 'ChildProtectionPlans',
    message: 'Child Protection Plan End Date earlier than Start Date',
    appliesTo: ['CPPstartDate', 'CPPendDate'],
    verified: true,
    // If present, <CPPendDate> on or after <CPPstartDate>.
    check: (c) =>
      perEpisode(
        c,
        (d) => d.childProtectionPlans,
        (p) => p.cppEndDate !== undefined && p.cppEndDate < p.cppStartDate,
        cppLabel,
      ),
  },
  // ---- Referral source ----
  {
    code: '8866',
    type: 'error',
    module: 'CINdetails',
    message: 'Source of Referral is missing or an invalid code',
    appliesTo: ['CINreferralDate', 'ReferralSource'],
    verified: true,
    // If <CINreferralDate> is on or after 1 April 2013, <ReferralSource> present and a valid code.
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.cinReferralDate >= '2013-04-01' && !isOneOf(REFERRAL_SOURCE_CODES, d.referralSource),
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  // ---- A referral with no further action has no activity ----
  {
    code: '8831',
    type: 'error',
    module: 'CINdetails',
    message: 'Activity is recorded against a case marked as a referral with no further action',
    appliesTo: ['ReferralNFA', 'AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'S47ActualStartDate', 'DateOfInitialCPC'],
    verified: true,
    // <ReferralNFA> true: no assessment (start or authorisation), no section 47 enquiry and no
    // initial conference date on the episode.
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.referralNfa && (d.assessments.length > 0 || d.section47.length > 0 || d.dateOfInitialCpc !== undefined),
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8832',
    type: 'error',
    module: 'ChildProtectionPlans',
    message: 'Child Protection details provided for a referral with no further action.',
    appliesTo: ['ReferralNFA', 'CPPstartDate'],
    verified: true,
    // <ReferralNFA> true: no child protection plan on the episode.
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.referralNfa && d.childProtectionPlans.length > 0,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  // ---- Section 47 enquiries ----
  {
    code: '8839',
    type: 'error',
    module: 'Section47',
    message: 'Within one CINDetails group there are 2 or more open S47 Assessments',
    appliesTo: ['DateOfInitialCPC', 'ICPCnotRequired'],
    verified: true,
    // In one episode, at most one section 47 enquiry with no <DateOfInitialCPC> and <ICPCnotRequired> not true.
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.section47.filter(s47Open).length > 1,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8868',
    type: 'error',
    module: 'CINdetails',
    message: 'CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag',
    appliesTo: ['CINclosureDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
    verified: true,
    // <CINclosureDate> present: every section 47 enquiry of the episode has either <DateOfInitialCPC>
    // or <ICPCnotRequired> true (the implementation also fails one with both; Hearth does too). A
    // closed episode with no section 47 enquiry passes (the implementation's left join fails it,
    // which the rule text does not ask).
    check: (c) =>
      perEpisode(
        c,
        (d) => (d.cinClosureDate === undefined ? [] : d.section47),
        (s) => (s.dateOfInitialCpc === undefined) === !s.icpcNotRequired,
        s47Label,
      ),
  },
  {
    code: '8896',
    type: 'error',
    module: 'Assessments',
    message: 'Within one CINDetails group there are 2 or more open Assessments groups',
    appliesTo: ['AssessmentAuthorisationDate'],
    verified: true,
    // In one episode, at most one assessment with no <AssessmentAuthorisationDate>.
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.assessments.filter((a) => a.assessmentAuthorisationDate === undefined).length > 1,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8863Q',
    type: 'query',
    module: 'Assessments',
    message: 'An Assessment is shown as starting when there is another Assessment ongoing.',
    appliesTo: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'ReferenceDate'],
    verified: true,
    // In one episode, no assessment starts on or between another assessment's start and its
    // authorisation (or, not authorised, the reference date).
    check: (c, ctx) => {
      const out: string[] = [];
      for (const d of c.cinDetails)
        d.assessments.forEach((a, i) => {
          const during = d.assessments.some(
            (o, j) =>
              j !== i &&
              a.assessmentActualStartDate >= o.assessmentActualStartDate &&
              a.assessmentActualStartDate <= (o.assessmentAuthorisationDate ?? ctx.period.end),
          );
          if (during) out.push(`${episodeLabel(d.cinReferralDate)}: ${assessmentLabel(a)}`);
        });
      return out;
    },
  },
  {
    code: '8897Q',
    type: 'query',
    module: 'Assessments',
    message: 'Parental or child factors at assessment information is missing from a completed assessment',
    appliesTo: ['AssessmentAuthorisationDate', 'AssessmentFactors'],
    verified: true,
    // An assessment authorised on or after the start of the census year has one or more factors, each a valid code.
    check: (c, ctx) =>
      perEpisode(
        c,
        (d) => d.assessments,
        (a) =>
          a.assessmentAuthorisationDate !== undefined &&
          a.assessmentAuthorisationDate >= ctx.period.start &&
          (a.assessmentFactors.length === 0 || a.assessmentFactors.some((f) => !isOneOf(ASSESSMENT_FACTOR_CODES, f))),
        assessmentLabel,
      ),
  },
  {
    code: '8890',
    type: 'error',
    module: 'Section47',
    message: 'A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing',
    appliesTo: ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired', 'ReferenceDate'],
    verified: true,
    // In one episode, no enquiry starts on or between another enquiry's start and a) its initial
    // conference, or b) with no conference and not marked as needing none, the reference date. (The
    // implementation's stored version compares enquiries of different episodes; Hearth follows the
    // rule text: within one episode.)
    check: (c, ctx) => {
      const out: string[] = [];
      for (const d of c.cinDetails)
        d.section47.forEach((s, i) => {
          const during = d.section47.some((o, j) => {
            if (j === i || s.s47ActualStartDate < o.s47ActualStartDate) return false;
            if (o.dateOfInitialCpc !== undefined) return s.s47ActualStartDate <= o.dateOfInitialCpc;
            return !o.icpcNotRequired && s.s47ActualStartDate <= ctx.period.end;
          });
          if (during) out.push(`${episodeLabel(d.cinReferralDate)}: ${s47Label(s)}`);
        });
      return out;
    },
  },
  {
    code: '8842Q',
    type: 'query',
    module: 'Reviews',
    message: 'Please check: Review Record has a missing date',
    appliesTo: ['CPPreviewDate'],
    verified: true,
    // Every review of a child protection plan has a date.
    check: (c) =>
      perEpisode(
        c,
        (d) => d.childProtectionPlans,
        (p) => p.cppReviewDates.some((r) => r === ''),
        cppLabel,
      ),
  },
  {
    code: '8585Q',
    type: 'query',
    module: 'CINdetails',
    message: 'Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death',
    appliesTo: ['ReasonForClosure', 'PersonDeathDate'],
    verified: true,
    // <ReasonForClosure> RC2 (died): <PersonDeathDate> present. Hearth holds no date of death (see
    // 4008 in RULES_NOT_APPLIED), so every episode it closes as RC2 is queried, as the DfE would.
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.reasonForClosure === 'RC2' && c.childIdentifiers.personDeathDate === undefined,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8870Q',
    type: 'query',
    module: 'Section47',
    message: 'Please check: The Target Date for Initial Child Protection Conference should not be a weekend',
    appliesTo: ['InitialCPCtarget'],
    verified: true,
    check: (c) =>
      perEpisode(
        c,
        (d) => d.section47,
        (s) => s.initialCpcTarget !== undefined && isWeekend(s.initialCpcTarget),
        s47Label,
      ),
  },
  {
    code: '8569Q',
    type: 'query',
    module: 'CINdetails',
    message: 'A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case',
    appliesTo: ['CINreferralDate', 'ReferralNFA', 'ReferenceDate'],
    verified: true,
    // <CINreferralDate> before the start of the census year less one working day: <ReferralNFA> false.
    check: (c, ctx) => {
      const earliest = STATUTORY_WORKING_DAY_CALENDAR.addWorkingDays(LocalDate.parse(ctx.period.start), -1).toString();
      return failing(
        c.cinDetails,
        (d) => d.referralNfa && d.cinReferralDate < earliest,
        (d) => episodeLabel(d.cinReferralDate),
      );
    },
  },
  {
    code: '8875',
    type: 'error',
    module: 'Section47',
    message: 'The Date of Initial Child Protection Conference cannot be a weekend',
    appliesTo: ['DateOfInitialCPC'],
    verified: true,
    // Where present, the enquiry's <DateOfInitialCPC> is not a Saturday or Sunday.
    check: (c) =>
      perEpisode(
        c,
        (d) => d.section47,
        (s) => s.dateOfInitialCpc !== undefined && isWeekend(s.dateOfInitialCpc),
        s47Label,
      ),
  },
  {
    code: '8770Q',
    type: 'query',
    module: 'ChildIdentifiers',
    message: 'Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.',
    appliesTo: ['UPN', 'UPNunknown', 'PersonBirthDate', 'ReferralNFA', 'ReferenceDate'],
    verified: true,
    // A child with an episode that is not a referral with no further action, born on or before 31
    // August four years before the census year's following September (the reference date plus four
    // months and 31 days, less four years), has a UPN or a reason UN2 to UN7 (UN1, not of school age, does not do).
    check: (c, ctx) => {
      const ids = c.childIdentifiers;
      if (ids.personBirthDate === undefined || !c.cinDetails.some((d) => !d.referralNfa)) return [];
      const fails =
        ofSchoolAgeForCensus(ids.personBirthDate, ctx.period.end) &&
        (ids.upn === undefined || ids.upn === '') &&
        !['UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'].includes(ids.upnUnknown ?? '');
      return fails ? [`Child born ${ids.personBirthDate}`] : [];
    },
  },
  {
    code: '8775Q',
    type: 'query',
    module: 'ChildIdentifiers',
    message: 'Please check: Child is over 25 years old',
    appliesTo: ['PersonBirthDate', 'CINclosureDate', 'ReferenceDate'],
    verified: true,
    // Born before the reference date less 25 years, with an episode still open or closed after the
    // child's 25th birthday.
    check: (c, ctx) => {
      const born = c.childIdentifiers.personBirthDate;
      if (born === undefined || born >= LocalDate.parse(ctx.period.end).minusYears(25).toString()) return [];
      const twentyFifth = LocalDate.parse(born).plusYears(25).toString();
      return failing(
        c.cinDetails,
        (d) => d.cinClosureDate === undefined || d.cinClosureDate > twentyFifth,
        (d) => episodeLabel(d.cinReferralDate),
      );
    },
  },
  {
    code: '8873Q',
    type: 'query',
    module: 'Assessments',
    message:
      "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
    appliesTo: ['AssessmentFactors', 'ReasonForClosure'],
    verified: true,
    // A closed episode with one assessment, whose factors include 21 (no factors identified): reason
    // for closure RC8 or RC9. The implementation also queries an open episode (no reason for closure
    // yet); Hearth reads the rule's "reason for closure should be used" as applying once the episode closes.
    check: (c) =>
      failing(
        c.cinDetails,
        (d) =>
          d.reasonForClosure !== undefined &&
          d.assessments.length === 1 &&
          (d.assessments[0]?.assessmentFactors.includes('21') ?? false) &&
          !['RC8', 'RC9'].includes(d.reasonForClosure),
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
];

/**
 * Written and tested, not applied: the return Hearth builds would fail them for a reason in how
 * the return is put together, not in the child's record (see RULES_NOT_APPLIED for each reason).
 */
export const HELD_BACK_CENSUS_YEAR_RULES: readonly CensusRule[] = [
  {
    code: '8715',
    type: 'error',
    module: 'Section47',
    message: 'Date of Initial Child Protection Conference must fall within the census year',
    appliesTo: ['DateOfInitialCPC', 'ReferenceDate'],
    verified: true,
    // The section 47 enquiry's <DateOfInitialCPC>, where present, within the census year.
    check: (c, ctx) =>
      perEpisode(
        c,
        (d) => d.section47,
        (s) => s.dateOfInitialCpc !== undefined && !inYear(s.dateOfInitialCpc, ctx.period),
        s47Label,
      ),
  },
  {
    code: '2991Q',
    type: 'query',
    module: 'CINdetails',
    message: 'Please check: A Section 47 module is recorded and there is no assessment on the episode',
    appliesTo: ['S47ActualStartDate', 'AssessmentActualStartDate'],
    verified: true,
    check: (c) =>
      failing(
        c.cinDetails,
        (d) => d.section47.length > 0 && d.assessments.length === 0,
        (d) => episodeLabel(d.cinReferralDate),
      ),
  },
  {
    code: '8670Q',
    type: 'query',
    module: 'Assessments',
    message: 'Please check: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.',
    appliesTo: ['AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'ReferenceDate'],
    verified: true,
    // No <AssessmentAuthorisationDate>: <AssessmentActualStartDate> not before the reference date less 45 working days.
    check: (c, ctx) => {
      const earliest = workingDaysBeforeEnd(ctx.period, 45);
      return perEpisode(
        c,
        (d) => d.assessments,
        (a) => a.assessmentAuthorisationDate === undefined && a.assessmentActualStartDate < earliest,
        assessmentLabel,
      );
    },
  },
  {
    code: '8675Q',
    type: 'query',
    module: 'Section47',
    message:
      'Please check: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.',
    appliesTo: ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired', 'ReferenceDate'],
    verified: true,
    // No <DateOfInitialCPC> and <ICPCnotRequired> false: <S47ActualStartDate> not before the reference
    // date less 15 working days. (The implementation's stored version flags the enquiries started
    // after that day, against its own rule text and message; Hearth follows the rule text.)
    check: (c, ctx) => {
      const earliest = workingDaysBeforeEnd(ctx.period, 15);
      return perEpisode(
        c,
        (d) => d.section47,
        (s) => s47Open(s) && s.s47ActualStartDate < earliest,
        s47Label,
      );
    },
  },
];
