// The Children in Need census as the DfE's XML schema shapes it (CIN_schema_2026.xsd, collection
// year 2025-26, copied to test/returns/fixtures/ for the structure test). One interface per complex
// type, with the schema's element names in camelCase and its optionality (`?` where minOccurs="0").
// Dates are ISO yyyy-mm-dd strings (xs:date), so they compare as strings and print as the schema wants.
// The model holds only what was recorded: a missing value stays missing (no defaults), and the
// validation rules (rules/) report it.

export type IsoDate = string;

export interface CensusHeader {
  readonly collection: 'CIN';
  /** xs:gYear: the year the census ends (31 March). */
  readonly year: number;
  /** 31 March of `year` (rule 100). */
  readonly referenceDate: IsoDate;
  readonly sourceLevel: 'L';
  /** The authority's three-digit (old-style) LA number. */
  readonly lea: string;
  readonly softwareCode: string;
  readonly release: string;
  /** Three or more digits. */
  readonly serialNo: string;
  /** xs:dateTime the file was made. */
  readonly dateTime: string;
}

export interface ChildIdentifiers {
  readonly laChildId: string;
  readonly upn?: string;
  readonly formerUpn?: string;
  readonly upnUnknown?: string;
  readonly personBirthDate?: IsoDate;
  readonly expectedPersonBirthDate?: IsoDate;
  readonly sex: string;
  readonly personDeathDate?: IsoDate;
}

export interface ChildCharacteristics {
  /** Absent when not recorded (the schema requires it: rule-checked, not invented). */
  readonly ethnicity?: string;
  readonly disabilities: readonly string[];
}

export interface Assessment {
  readonly assessmentActualStartDate: IsoDate;
  readonly assessmentInternalReviewDate?: IsoDate;
  readonly assessmentAuthorisationDate?: IsoDate;
  readonly assessmentFactors: readonly string[];
}

export interface CinPlanDates {
  readonly cinPlanStartDate: IsoDate;
  readonly cinPlanEndDate?: IsoDate;
}

export interface Section47 {
  readonly s47ActualStartDate: IsoDate;
  readonly initialCpcTarget?: IsoDate;
  readonly dateOfInitialCpc?: IsoDate;
  readonly icpcNotRequired: boolean;
}

export interface ChildProtectionPlan {
  readonly cppStartDate: IsoDate;
  readonly cppEndDate?: IsoDate;
  readonly initialCategoryOfAbuse: string;
  readonly latestCategoryOfAbuse: string;
  readonly numberOfPreviousCpp: number;
  readonly cppReviewDates: readonly IsoDate[];
}

export interface CinDetails {
  readonly cinReferralDate: IsoDate;
  readonly referralSource: string;
  /**
   * Hearth's own note, never written to the XML: present when no referral is recorded for the
   * episode, naming the record that started it (its date is then the CINreferralDate).
   */
  readonly startedWithoutReferral?: 'cin-episode' | 'assessment' | 'section47' | 'cp-plan' | 'cin-plan';
  readonly primaryNeedCode?: string;
  readonly cinClosureDate?: IsoDate;
  readonly reasonForClosure?: string;
  readonly dateOfInitialCpc?: IsoDate;
  readonly assessments: readonly Assessment[];
  readonly cinPlanDates: readonly CinPlanDates[];
  readonly section47: readonly Section47[];
  readonly referralNfa: boolean;
  readonly childProtectionPlans: readonly ChildProtectionPlan[];
}

export interface CensusChild {
  /** Hearth's own key, to link a failure to the child's record. Never written to the XML. */
  readonly personId: string;
  readonly childIdentifiers: ChildIdentifiers;
  readonly childCharacteristics: ChildCharacteristics;
  readonly cinDetails: readonly CinDetails[];
}

export interface CensusReturn {
  readonly header: CensusHeader;
  readonly children: readonly CensusChild[];
}
