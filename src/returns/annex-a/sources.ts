// Where Annex A gets its data: one interface per list's source, each read by its extractor in
// extract/ from the module that records it.
export interface AnnexChild {
  /** Hearth's person id, or null for a child named on a contact and never linked to a record. */
  readonly personId: string | null;
  readonly childUniqueId: string;
  readonly gender: string | null;
  readonly ethnicity: string | null;
  readonly dateOfBirth: string | null;
  readonly disabilities: readonly string[];
}

export interface AnnexContactRow {
  readonly child: AnnexChild;
  readonly receivedOn: string;
  readonly source: string;
}

export interface AnnexReferralRow {
  readonly child: AnnexChild;
  readonly referredOn: string;
  readonly source: string;
  readonly nfa: boolean;
  readonly referralsInLast12Months: number;
  readonly team: string;
  readonly worker: string | null;
}

export interface AnnexEarlyHelpRow {
  readonly child: AnnexChild;
  readonly startedOn: string;
  readonly completedOn: string | null;
  readonly organisation: string | null;
}

export interface AnnexAssessmentRow {
  readonly child: AnnexChild;
  readonly startedOn: string;
  readonly childSeen: boolean | null;
  readonly authorisedOn: string | null;
  readonly requiresSupport: boolean | null;
  readonly team: string | null;
  readonly worker: string | null;
}

export interface AnnexSection47Row {
  readonly child: AnnexChild;
  readonly strategyDiscussionOn: string;
  readonly icpcNotRequired: boolean | null;
  readonly icpcOn: string | null;
  readonly icpcResultedInPlan: boolean | null;
  readonly section47sInLast12Months: number;
  readonly icpcsInLast12Months: number;
  readonly team: string | null;
  readonly worker: string | null;
}

export interface AnnexCinRow {
  readonly child: AnnexChild;
  readonly startedOn: string;
  readonly primaryNeedCode: string | null;
  readonly lastSeenOn: string | null;
  readonly closedOn: string | null;
  readonly reasonForClosure: string | null;
  /** a) looked after child, b) CP plan, c) CIN plan, d) open assessment, e) closed episode */
  readonly caseStatus: string | null;
  readonly team: string | null;
  readonly worker: string | null;
}

export interface AnnexCpPlanRow {
  readonly child: AnnexChild;
  readonly startedOn: string;
  readonly initialCategory: string;
  readonly latestCategory: string;
  readonly lastStatutoryVisitOn: string | null;
  readonly seenAlone: boolean | null;
  readonly latestReviewOn: string | null;
  readonly endedOn: string | null;
  readonly emergencyProtectionInLast6Months: boolean | null;
  readonly previousPlans: number;
  readonly team: string | null;
  readonly worker: string | null;
}

export interface AnnexSources {
  contacts(from: string, to: string): Promise<readonly AnnexContactRow[]>;
  earlyHelp(from: string, to: string): Promise<readonly AnnexEarlyHelpRow[]>;
  referrals(from: string, to: string): Promise<readonly AnnexReferralRow[]>;
  assessments(from: string, to: string): Promise<readonly AnnexAssessmentRow[]>;
  section47s(from: string, to: string): Promise<readonly AnnexSection47Row[]>;
  childrenInNeed(from: string, to: string): Promise<readonly AnnexCinRow[]>;
  childProtectionPlans(from: string, to: string): Promise<readonly AnnexCpPlanRow[]>;
}
