// The Annex A list builders: pure functions from source rows to rows of cells in heading order.
import { LocalDate } from '@js-joda/core';
import { annexDisability, annexEthnicity, annexGender, annexSource, annexYesNo } from './codes.ts';
import { d, type AnnexCell, type AnnexRow, type AnnexWindow } from './model.ts';
import type {
  AnnexAssessmentRow,
  AnnexChild,
  AnnexContactRow,
  AnnexCinRow,
  AnnexCpPlanRow,
  AnnexEarlyHelpRow,
  AnnexReferralRow,
  AnnexSection47Row,
} from './sources.ts';

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple/not recommended',
};

/** Age in whole years at the end of the window (null when the date of birth is not known or later). */
export function ageAt(dateOfBirth: string | null, on: string): number | null {
  if (dateOfBirth === null || dateOfBirth > on) return null;
  return LocalDate.parse(dateOfBirth).until(LocalDate.parse(on)).years();
}

function childCells(c: AnnexChild, window: AnnexWindow): AnnexCell[] {
  return [c.childUniqueId, annexGender(c.gender), annexEthnicity(c.ethnicity), d(c.dateOfBirth), ageAt(c.dateOfBirth, window.to)];
}

export const list1Contacts = (rows: readonly AnnexContactRow[], w: AnnexWindow): AnnexRow[] =>
  rows.map((r) => [...childCells(r.child, w), d(r.receivedOn), annexSource(r.source)]);

export const list2EarlyHelp = (rows: readonly AnnexEarlyHelpRow[], w: AnnexWindow): AnnexRow[] =>
  rows.map((r) => [...childCells(r.child, w), d(r.startedOn), d(r.completedOn), r.organisation]);

export const list3Referrals = (rows: readonly AnnexReferralRow[], w: AnnexWindow): AnnexRow[] =>
  rows.map((r) => [...childCells(r.child, w), d(r.referredOn), annexSource(r.source), annexYesNo(r.nfa), r.referralsInLast12Months, r.team, r.worker]);

export const list4Assessments = (rows: readonly AnnexAssessmentRow[], w: AnnexWindow): AnnexRow[] =>
  rows.map((r) => [
    ...childCells(r.child, w),
    annexDisability(r.child.disabilities),
    d(r.startedOn),
    annexYesNo(r.childSeen),
    d(r.authorisedOn),
    annexYesNo(r.requiresSupport),
    r.team,
    r.worker,
  ]);

export const list5Section47 = (rows: readonly AnnexSection47Row[], w: AnnexWindow): AnnexRow[] =>
  rows.map((r) => [
    ...childCells(r.child, w),
    annexDisability(r.child.disabilities),
    d(r.strategyDiscussionOn),
    annexYesNo(r.icpcNotRequired),
    d(r.icpcOn),
    annexYesNo(r.icpcResultedInPlan),
    r.section47sInLast12Months,
    r.icpcsInLast12Months,
    r.team,
    r.worker,
  ]);

export const list6ChildrenInNeed = (rows: readonly AnnexCinRow[], w: AnnexWindow): AnnexRow[] =>
  rows.map((r) => [
    ...childCells(r.child, w),
    annexDisability(r.child.disabilities),
    d(r.startedOn),
    r.primaryNeedCode,
    d(r.lastSeenOn),
    d(r.closedOn),
    r.reasonForClosure,
    r.caseStatus,
    r.team,
    r.worker,
  ]);

export const list7ChildProtection = (rows: readonly AnnexCpPlanRow[], w: AnnexWindow): AnnexRow[] =>
  rows.map((r) => [
    ...childCells(r.child, w),
    annexDisability(r.child.disabilities),
    d(r.startedOn),
    CATEGORY_LABELS[r.initialCategory] ?? r.initialCategory,
    CATEGORY_LABELS[r.latestCategory] ?? r.latestCategory,
    d(r.lastStatutoryVisitOn),
    annexYesNo(r.seenAlone),
    d(r.latestReviewOn),
    d(r.endedOn),
    annexYesNo(r.emergencyProtectionInLast6Months),
    r.previousPlans,
    r.team,
    r.worker,
  ]);
