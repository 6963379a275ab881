// From recorded rows to census children: one child's referrals, child-in-need episodes and activities
// become their CINdetails episodes. Pure, so it is tested without a database.
//
// Episodes: a referral starts an episode unless the child already has one open on that day, in which
// case it joins it (the DfE census counts one episode of need, however many referrals arrive during
// it). Work can also begin without a referral: a child-in-need episode or plan started from the
// child's record, or a strategy discussion called from the record that led to a section 47 enquiry,
// a conference and a child protection plan. The first such record with no episode open on its day
// starts an episode too, dated that day: the DfE census counts every child in need, and each episode
// must carry a CINreferralDate and a ReferralSource (CIN census guide: CINdetails; rules 8840, 8820).
// With no referral recorded the source is 10, "Unknown" (the code list's own value for a source that
// is not known), and the episode is marked so that Hearth's query H01Q lists it for the performance
// officer to check; the episode is never silently dropped.
//
// An episode ends at the first closure on or after its start: a child-in-need episode's case closure,
// or an assessment that ended the work. The DfE episode that began with a referral closes when its
// assessment is authorised with no further action (RC8, "case closed after assessment, no further
// action") or with a step down to early help (RC9, "case closed after assessment, referred to early
// help"), on the authorisation date, with the primary need the assessment recorded (CIN census guide:
// ReasonForClosure; rules 8610, 8825Q, 2990). Such an assessment does not close the episode when other
// statutory work is open on that day or started since the referral it followed (a child in need
// episode or plan, a section 47 enquiry or a child protection plan): the episode continues with it.
//
// An episode ends at the first closure on or after its start. It is in the census if it was open
// at any time in the year; a closure after 31 March is not reported. Activities (assessments, section
// 47 enquiries, plans) belong to the episode they started in, and are reported unless they ended
// before the year began.
import { ofSchoolAgeForCensus } from '../../domain/shared/codes/dfe/upn-unknown-reason.ts';
import { LocalDate } from '@js-joda/core';
import type { CensusPeriod } from './census-period.ts';
import type { CensusChild, CinDetails, IsoDate } from './model.ts';
import type {
  CensusAssessmentRow,
  CensusCinEpisodeRow,
  CensusCinPlanRow,
  CensusCpPlanRow,
  CensusPersonRow,
  CensusReferralRow,
  CensusSection47Row,
} from './extract/sources.ts';

export interface ChildRows {
  readonly person: CensusPersonRow;
  readonly referrals: readonly CensusReferralRow[];
  readonly cinEpisodes: readonly CensusCinEpisodeRow[];
  readonly assessments: readonly CensusAssessmentRow[];
  readonly section47s: readonly CensusSection47Row[];
  readonly cpPlans: readonly CensusCpPlanRow[];
  readonly cinPlans: readonly CensusCinPlanRow[];
}

/** DfE Sex (N00783, from 2024-25): M, F or U. Hearth's "other", "not known" and "not stated" are U. */
export function sexOf(gender: string): 'M' | 'F' | 'U' {
  if (gender === 'male') return 'M';
  if (gender === 'female') return 'F';
  return 'U';
}

/**
 * UPNunknown for a child with no UPN (codes: src/domain/shared/codes/dfe/upn-unknown-reason.ts): the
 * reason recorded on the child (UN2-UN7), else UN1 (not of school age) for a child not yet of school
 * age at the reference date as rule 8770Q counts it (born after 31 August four years before the
 * September after the reference date: a child of four or five can be of school age). A recorded UN1
 * for a child now of school age is out of date and is not sent: the child needs a UPN or a reason
 * UN2-UN7, which query 8770Q asks for.
 */
export function upnUnknownOf(person: CensusPersonRow, period: CensusPeriod): string | undefined {
  if (person.upn !== null) return undefined;
  const recorded = person.upnUnknownReason ?? null;
  if (recorded !== null && recorded !== 'UN1') return recorded;
  if (person.dateOfBirth === null) return recorded ?? undefined;
  return ofSchoolAgeForCensus(person.dateOfBirth, period.end) ? undefined : 'UN1';
}

/** The ReferralSource of an episode Hearth holds no referral for: 10, "Unknown" (CIN census code set, referral source). */
export const UNKNOWN_REFERRAL_SOURCE = '10';

interface Closure {
  readonly closedOn: IsoDate;
  readonly reasonForClosure: string;
  readonly primaryNeedCode: string | null;
}

interface Span {
  readonly start: IsoDate;
  readonly referralSource: string;
  readonly nfa: boolean;
  readonly closure: Closure | undefined;
  /** What started the episode when no referral did. */
  readonly startedFrom: NonNullable<CinDetails['startedWithoutReferral']> | undefined;
}

interface Start {
  readonly on: IsoDate;
  readonly referral: CensusReferralRow | undefined;
  readonly from: NonNullable<CinDetails['startedWithoutReferral']> | undefined;
}

/** The DfE ReasonForClosure of an assessment outcome that ends the episode (CIN census code set, reason for closure). */
const CLOSING_OUTCOMES: Readonly<Record<string, string>> = { nfa: 'RC8', step_down_early_help: 'RC9' };

/** Closures made by assessments authorised with no further action or a step down to early help, when no other work carries the episode on. */
function assessmentClosures(rows: ChildRows): Closure[] {
  const openOn = (day: IsoDate, start: IsoDate, end: IsoDate | null): boolean => start <= day && (end === null || end > day);
  return rows.assessments.flatMap((a) => {
    const reason = a.outcome === null ? undefined : CLOSING_OUTCOMES[a.outcome];
    if (reason === undefined || a.authorisedOn === null) return [];
    const day = a.authorisedOn;
    // From the referral the assessment followed (work alongside it from that day carries the episode on).
    const from =
      rows.referrals
        .map((r) => r.referredOn)
        .filter((d) => d <= a.startedOn)
        .sort()
        .at(-1) ?? a.startedOn;
    const startsDuring = (start: IsoDate): boolean => start >= from && start <= day;
    const carriedOn =
      rows.cinEpisodes.some((e) => startsDuring(e.startedOn) || openOn(day, e.startedOn, e.closedOn)) ||
      rows.cinPlans.some((p) => startsDuring(p.startedOn) || openOn(day, p.startedOn, p.endedOn)) ||
      rows.cpPlans.some((p) => startsDuring(p.startedOn) || openOn(day, p.startedOn, p.endedOn));
    if (carriedOn) return [];
    const enquiries = rows.section47s.filter((x) => startsDuring(x.startedOn));
    if (enquiries.length === 0) return [{ closedOn: day, reasonForClosure: reason, primaryNeedCode: a.primaryNeedCode }];
    // A section 47 enquiry ran alongside and needed no initial conference: the case still closes when
    // the assessment ends with no further action, but not as RC8/RC9, which allow no enquiry on the
    // episode (rule 2990): RC7, "other" (CIN census code set). An enquiry that led to a conference
    // carries the episode on.
    if (enquiries.some((x) => !x.icpcNotRequired || x.dateOfInitialCpc !== null)) return [];
    return [{ closedOn: day, reasonForClosure: 'RC7', primaryNeedCode: a.primaryNeedCode }];
  });
}

function episodesOf(rows: ChildRows): Span[] {
  const closures: Closure[] = [
    ...rows.cinEpisodes.flatMap((e) =>
      e.closedOn === null || e.reasonForClosure === null ? [] : [{ closedOn: e.closedOn, reasonForClosure: e.reasonForClosure, primaryNeedCode: e.primaryNeedCode }],
    ),
    ...assessmentClosures(rows),
  ].sort((a, b) => a.closedOn.localeCompare(b.closedOn));
  const starts: Start[] = [
    ...rows.referrals.map((r) => ({ on: r.referredOn, referral: r, from: undefined })),
    ...rows.cinEpisodes.map((e) => ({ on: e.startedOn, referral: undefined, from: 'cin-episode' as const })),
    ...rows.assessments.map((a) => ({ on: a.startedOn, referral: undefined, from: 'assessment' as const })),
    ...rows.section47s.map((x) => ({ on: x.startedOn, referral: undefined, from: 'section47' as const })),
    ...rows.cpPlans.map((p) => ({ on: p.startedOn, referral: undefined, from: 'cp-plan' as const })),
    ...rows.cinPlans.map((p) => ({ on: p.startedOn, referral: undefined, from: 'cin-plan' as const })),
  ];
  // By date; on one day a referral comes first, so it starts the episode the day's other work joins.
  starts.sort((a, b) => a.on.localeCompare(b.on) || (a.referral === undefined ? 1 : 0) - (b.referral === undefined ? 1 : 0));
  const spans: Span[] = [];
  for (const s of starts) {
    const last = spans.at(-1);
    const openOnTheDay = last !== undefined && !last.nfa && (last.closure === undefined || last.closure.closedOn > s.on);
    if (openOnTheDay) continue;
    const nfa = s.referral?.nfa ?? false;
    const closure = nfa ? undefined : closures.find((c) => c.closedOn >= s.on);
    spans.push({ start: s.on, referralSource: s.referral?.referralSource ?? UNKNOWN_REFERRAL_SOURCE, nfa, closure, startedFrom: s.from });
  }
  return spans;
}

/** `{ key: value }`, or nothing when there is no value (the model has no explicit undefineds). */
function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
}

const within = (date: IsoDate, start: IsoDate, end: IsoDate | undefined): boolean => date >= start && (end === undefined || date <= end);

/**
 * The primary need recorded where the episode's work started, before any assessment gave one: at the
 * referral (the MASH decision), or when a child in need plan, a strategy discussion or an initial
 * conference was started from the child's record (migration 0026). The DfE CIN census guide asks for
 * the primary need identified at referral or at assessment for every episode that led to further
 * action (CINdetails PrimaryNeedCode; rule 8610); an assessment's need, once recorded, comes first.
 * The latest one recorded in the episode by the end of the year.
 */
function initialNeedOf(rows: ChildRows, start: IsoDate, endOf: IsoDate | undefined, yearEnd: IsoDate): string | undefined {
  const inEpisode = (on: IsoDate): boolean => within(on, start, endOf) && on <= yearEnd;
  const recorded: { on: IsoDate; need: string | null | undefined }[] = [
    ...rows.referrals.map((r) => ({ on: r.referredOn, need: r.primaryNeedCode })),
    ...rows.cinEpisodes.map((c) => ({ on: c.startedOn, need: c.initialPrimaryNeedCode })),
    ...rows.section47s.map((s) => ({ on: s.startedOn, need: s.initialPrimaryNeedCode })),
    ...rows.cpPlans.map((p) => ({ on: p.startedOn, need: p.initialPrimaryNeedCode })),
  ];
  return recorded
    .filter((r): r is { on: IsoDate; need: string } => typeof r.need === 'string' && inEpisode(r.on))
    .sort((a, b) => a.on.localeCompare(b.on))
    .at(-1)?.need;
}

export function assembleChild(rows: ChildRows, period: CensusPeriod): CensusChild | null {
  const { person } = rows;
  const episodes = episodesOf(rows).filter(
    (e) => e.start <= period.end && (e.closure === undefined || e.closure.closedOn >= period.start) && (!e.nfa || e.start >= period.start),
  );
  if (episodes.length === 0) return null;
  const cinDetails: CinDetails[] = episodes.map((e, i) => {
    const next = episodes[i + 1];
    // An episode's activities run to its closure, or (open) to the day before the next one starts.
    const endOf = e.closure?.closedOn ?? (next === undefined ? undefined : LocalDate.parse(next.start).minusDays(1).toString());
    const reportedClosure = e.closure !== undefined && e.closure.closedOn <= period.end ? e.closure : undefined;
    const assessments = rows.assessments.filter(
      (a) => within(a.startedOn, e.start, endOf) && a.startedOn <= period.end && (a.authorisedOn === null || a.authorisedOn >= period.start),
    );
    // An enquiry, like an assessment, is reported unless it ended before the year began (for an
    // episode open across 1 April: its earlier enquiries that ended with an initial conference, or
    // with none required, before the year are not reported, as its assessments authorised before the
    // year are not; rules 8715 and 8696, 2991Q).
    const s47 = rows.section47s.filter(
      (s) => within(s.startedOn, e.start, endOf) && s.startedOn <= period.end && (s.endedOn === null || s.endedOn >= period.start),
    );
    const cpPlans = rows.cpPlans.filter(
      (p) => within(p.startedOn, e.start, endOf) && p.startedOn <= period.end && (p.endedOn === null || p.endedOn >= period.start),
    );
    const cinPlans = rows.cinPlans.filter(
      (p) => within(p.startedOn, e.start, endOf) && p.startedOn <= period.end && (p.endedOn === null || p.endedOn >= period.start),
    );
    // A conference called by a section 47 enquiry is reported on the enquiry; one called without an
    // enquiry (from the child's record) on the episode (CINdetails DateOfInitialCPC; rule 2884: not both).
    const icpc = rows.cpPlans
      .filter((p) => !p.initialConferenceFromSection47 && p.initialConferenceOn !== null && within(p.initialConferenceOn, e.start, endOf))
      .map((p) => p.initialConferenceOn)
      .filter((d): d is string => d !== null && d <= period.end && d >= period.start)
      .sort()
      .at(-1);
    // The primary need: the closure's, or that of the episode's latest assessment authorised by the
    // end of the year (an assessment authorised before the year still gives a long episode its need).
    // With none authorised by then, the need recorded on the episode's assessment still open at the
    // end of the year, as it stands when the return is built (saved in its draft, or found when it
    // was authorised after 31 March): the best recorded value, never an invented one (rule 8610).
    // Last, the need recorded where the work started (see initialNeedOf).
    const episodeAssessments = rows.assessments.filter((a) => within(a.startedOn, e.start, endOf) && a.startedOn <= period.end);
    const latestNeed = (list: readonly CensusAssessmentRow[]): string | undefined =>
      list
        .map((a) => a.primaryNeedCode)
        .filter((n): n is string => n !== null)
        .at(-1);
    const need =
      reportedClosure?.primaryNeedCode ??
      latestNeed(
        episodeAssessments
          .filter((a) => a.authorisedOn !== null && a.authorisedOn <= period.end)
          .sort((a, b) => (a.authorisedOn ?? '').localeCompare(b.authorisedOn ?? '')),
      ) ??
      latestNeed(episodeAssessments.filter((a) => a.authorisedOn === null || a.authorisedOn > period.end).sort((a, b) => a.startedOn.localeCompare(b.startedOn))) ??
      initialNeedOf(rows, e.start, endOf, period.end);
    const clip = (d: IsoDate | null): IsoDate | undefined => (d === null || d > period.end ? undefined : d);
    return {
      cinReferralDate: e.start,
      referralSource: e.referralSource,
      ...(e.startedFrom === undefined ? {} : { startedWithoutReferral: e.startedFrom }),
      ...(need === undefined ? {} : { primaryNeedCode: need }),
      ...(reportedClosure === undefined ? {} : { cinClosureDate: reportedClosure.closedOn, reasonForClosure: reportedClosure.reasonForClosure }),
      ...(icpc === undefined ? {} : { dateOfInitialCpc: icpc }),
      assessments: assessments.map((a) => ({
        assessmentActualStartDate: a.startedOn,
        ...opt('assessmentInternalReviewDate', clip(a.internalReviewOn)),
        ...opt('assessmentAuthorisationDate', clip(a.authorisedOn)),
        // Factors are identified at the end of the assessment: none until it is authorised in the year.
        assessmentFactors: clip(a.authorisedOn) === undefined ? [] : a.factors,
      })),
      cinPlanDates: cinPlans.map((p) => ({ cinPlanStartDate: p.startedOn, ...opt('cinPlanEndDate', clip(p.endedOn)) })),
      section47: s47.map((s) => ({
        s47ActualStartDate: s.startedOn,
        ...(s.initialCpcTarget === null ? {} : { initialCpcTarget: s.initialCpcTarget }),
        ...opt('dateOfInitialCpc', clip(s.dateOfInitialCpc)),
        icpcNotRequired: s.icpcNotRequired,
      })),
      referralNfa: e.nfa,
      childProtectionPlans: cpPlans.map((p) => ({
        cppStartDate: p.startedOn,
        ...opt('cppEndDate', clip(p.endedOn)),
        initialCategoryOfAbuse: p.initialCategory,
        latestCategoryOfAbuse: p.latestCategory,
        numberOfPreviousCpp: p.numberOfPreviousPlans,
        cppReviewDates: p.reviewDates.filter((d) => d <= period.end),
      })),
    };
  });
  const unborn = person.personType === 'unborn' || (person.dateOfBirth === null && person.expectedDateOfDelivery !== null);
  const upnUnknown = upnUnknownOf(person, period);
  return {
    personId: person.personId,
    childIdentifiers: {
      // The authority's LA child identifier, given at registration (migration 0020; rules 1570, 1580).
      laChildId: person.laChildId,
      ...(person.upn === null ? {} : { upn: person.upn }),
      ...(upnUnknown === undefined ? {} : { upnUnknown }),
      ...(unborn || person.dateOfBirth === null ? {} : { personBirthDate: person.dateOfBirth }),
      ...(unborn && person.expectedDateOfDelivery !== null ? { expectedPersonBirthDate: person.expectedDateOfDelivery } : {}),
      sex: unborn ? 'U' : sexOf(person.gender),
    },
    childCharacteristics: {
      ...(person.ethnicity === null ? {} : { ethnicity: person.ethnicity }),
      disabilities: person.disabilities,
    },
    cinDetails,
  };
}
