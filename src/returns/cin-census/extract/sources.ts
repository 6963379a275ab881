// Where the census gets its data: one small interface per source, so each module's records come in
// through its own extractor. Rows carry Hearth's person id; the builder turns them into the model.
import type { IsoDate } from '../model.ts';

export interface CensusPersonRow {
  readonly personId: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly dateOfBirth: IsoDate | null;
  readonly expectedDateOfDelivery: IsoDate | null;
  /** Hearth's gender: male, female, other, not_known, not_stated. */
  readonly gender: string;
  readonly ethnicity: string | null;
  readonly disabilities: readonly string[];
  readonly upn: string | null;
  /** Why the UPN is not known, as recorded on the child (UN1-UN7; migration 0023). */
  readonly upnUnknownReason?: string | null;
  /** The authority's LA child identifier (person.la_child_id, migration 0020). */
  readonly laChildId: string;
}

export interface CensusReferralRow {
  readonly personId: string;
  readonly referredOn: IsoDate;
  readonly referralSource: string;
  /** True for a referral closed with no further action (ReferralNFA). */
  readonly nfa: boolean;
  /** The primary need recorded at the referral (the MASH decision), if any. */
  readonly primaryNeedCode?: string | null;
}

/** A child-in-need episode recorded by the children in need module: its start and, once closed, its case closure. */
export interface CensusCinEpisodeRow {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly closedOn: IsoDate | null;
  readonly reasonForClosure: string | null;
  readonly primaryNeedCode: string | null;
  /** The primary need recorded when the episode's plan was started from the child's record, if any. */
  readonly initialPrimaryNeedCode?: string | null;
}

export interface CensusAssessmentRow {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly internalReviewOn: IsoDate | null;
  readonly authorisedOn: IsoDate | null;
  readonly factors: readonly string[];
  /** Primary need recorded at the end of the assessment, if any. */
  readonly primaryNeedCode: string | null;
  /** The outcome recorded at authorisation (assessment.outcome: nfa, step_down_early_help, cin_plan, ...), if any. */
  readonly outcome: string | null;
}

export interface CensusSection47Row {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly initialCpcTarget: IsoDate | null;
  readonly dateOfInitialCpc: IsoDate | null;
  readonly icpcNotRequired: boolean;
  /**
   * The day the enquiry ended: its initial conference, or (no conference required) the day its
   * outcome was recorded. Null while it is still open (an outcome of continuing risk waits for the
   * conference).
   */
  readonly endedOn: IsoDate | null;
  /** The primary need recorded when its strategy discussion was convened from the child's record, if any. */
  readonly initialPrimaryNeedCode?: string | null;
}

export interface CensusCpPlanRow {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly initialCategory: string;
  readonly latestCategory: string;
  readonly numberOfPreviousPlans: number;
  readonly reviewDates: readonly IsoDate[];
  /** The date of the initial conference that made the plan (null if not recorded as held). */
  readonly initialConferenceOn: IsoDate | null;
  /** True when that conference was called by a section 47 enquiry (its date is then the enquiry's DateOfInitialCPC). */
  readonly initialConferenceFromSection47: boolean;
  /** The primary need recorded when that conference was convened from the child's record, if any. */
  readonly initialPrimaryNeedCode?: string | null;
}

export interface CensusCinPlanRow {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly endedOn: IsoDate | null;
}

export interface CensusSources {
  /** Every referral on or before `upTo` (episodes open in the year can start years before it). */
  referrals(upTo: IsoDate): Promise<readonly CensusReferralRow[]>;
  /** Every child with a referral, child-in-need episode, section 47 enquiry or child protection plan on or before `upTo`. */
  childIds(upTo: IsoDate): Promise<readonly string[]>;
  people(personIds: readonly string[]): Promise<readonly CensusPersonRow[]>;
  cinEpisodes(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusCinEpisodeRow[]>;
  assessments(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusAssessmentRow[]>;
  section47s(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusSection47Row[]>;
  childProtectionPlans(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusCpPlanRow[]>;
  cinPlans(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusCinPlanRow[]>;
}
