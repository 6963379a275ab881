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
}

export interface CensusReferralRow {
  readonly personId: string;
  readonly referredOn: IsoDate;
  readonly referralSource: string;
  /** True for a referral closed with no further action (ReferralNFA). */
  readonly nfa: boolean;
}

/** The end of a child-in-need episode (the children in need module's case closure). */
export interface CensusClosureRow {
  readonly personId: string;
  readonly closedOn: IsoDate;
  readonly reasonForClosure: string;
  readonly primaryNeedCode: string | null;
}

export interface CensusAssessmentRow {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly internalReviewOn: IsoDate | null;
  readonly authorisedOn: IsoDate | null;
  readonly factors: readonly string[];
  /** Primary need recorded at the end of the assessment, if any. */
  readonly primaryNeedCode: string | null;
}

export interface CensusSection47Row {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly initialCpcTarget: IsoDate | null;
  readonly dateOfInitialCpc: IsoDate | null;
  readonly icpcNotRequired: boolean;
}

export interface CensusCpPlanRow {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly initialCategory: string;
  readonly latestCategory: string;
  readonly numberOfPreviousPlans: number;
  readonly reviewDates: readonly IsoDate[];
}

export interface CensusCinPlanRow {
  readonly personId: string;
  readonly startedOn: IsoDate;
  readonly endedOn: IsoDate | null;
}

export interface CensusSources {
  /** Every referral on or before `upTo` (episodes open in the year can start years before it). */
  referrals(upTo: IsoDate): Promise<readonly CensusReferralRow[]>;
  people(personIds: readonly string[]): Promise<readonly CensusPersonRow[]>;
  closures(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusClosureRow[]>;
  assessments(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusAssessmentRow[]>;
  section47s(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusSection47Row[]>;
  childProtectionPlans(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusCpPlanRow[]>;
  cinPlans(personIds: readonly string[], upTo: IsoDate): Promise<readonly CensusCinPlanRow[]>;
}
