// Shaping assessments for the pages: status tags, due dates with their explanation and RAG, the DfE
// codes with their labels, outcomes and next steps. Pure: no I/O.
import type { AssessmentRow, NextStepView, AssessmentTimescale } from '../../app/assessments/view-assessments.ts';
import {
  ASSESSMENT_SECTIONS,
  ASSESSMENT_STATUS_LABELS,
  PLANNING_CHECKLIST,
  SECTION_KEYS,
  isPlanningItem,
  type AssessmentStatus,
} from '../../domain/assessments/child-and-family-assessment.ts';
import { ASSESSMENT_OUTCOMES, isAssessmentOutcome, isSpecialistService, NEXT_STEP_KINDS, SPECIALIST_SERVICES } from '../../domain/assessments/outcome.ts';
import { ASSESSMENT_FACTORS, isAssessmentFactor } from '../../domain/shared/codes/dfe/assessment-factors.ts';
import { isPrimaryNeed, PRIMARY_NEEDS } from '../../domain/shared/codes/dfe/primary-need.ts';
import { formatLongDate } from '../../domain/shared/time/local-date.ts';
import type { RagStatus } from '../../domain/shared/timescales/rule.ts';
import { dueView, type DueView } from '../front-door/shared.ts';
import { paths } from '../shared/paths.ts';
import { instantText } from '../records/shared.ts';

const STATUS_TAG: Readonly<Record<AssessmentStatus, string>> = {
  in_progress: 'govuk-tag--blue',
  awaiting_authorisation: 'govuk-tag--yellow',
  authorised: 'govuk-tag--green',
};

export const factorLabel = (code: string): string => (isAssessmentFactor(code) ? `${code}: ${ASSESSMENT_FACTORS[code]}` : code);
export const primaryNeedLabel = (code: string | null): string | null => (code === null ? null : isPrimaryNeed(code) ? `${code}: ${PRIMARY_NEEDS[code]}` : code);
export const specialistLabel = (code: string | null): string | null => (code === null ? null : isSpecialistService(code) ? SPECIALIST_SERVICES[code] : code);

/** Text as paragraphs (blank lines and line breaks as the writer typed them). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export interface RagView {
  readonly rag: RagStatus['rag'];
  /** "Due in 12 working days", "Overdue by 2 working days". */
  readonly label: string;
  readonly tagText: string;
  readonly tagClass: string;
}

/** The tag for a long timescale: amber is "due soon" (the last 10 working days), not only the due day. */
export function ragView(rag: RagStatus): RagView {
  const tag = {
    red: ['Overdue', 'govuk-tag--red'],
    amber: [rag.label === 'Due today' ? 'Due today' : 'Due soon', 'govuk-tag--yellow'],
    green: ['On track', 'govuk-tag--green'],
  }[rag.rag];
  return { rag: rag.rag, label: rag.label, tagText: tag[0] ?? '', tagClass: tag[1] ?? '' };
}

export interface TimescaleView {
  readonly due: DueView;
  readonly rag: RagView | null;
}

export function timescaleView(timescale: AssessmentTimescale): TimescaleView {
  return { due: dueView(timescale.due), rag: timescale.rag === null ? null : ragView(timescale.rag) };
}

export function assessmentSummary(a: AssessmentRow, timescale: AssessmentTimescale) {
  const outcome = a.outcome !== null && isAssessmentOutcome(a.outcome) ? ASSESSMENT_OUTCOMES[a.outcome] : null;
  return {
    id: a.id,
    href: paths.assessment(a.id),
    status: a.status,
    statusText: ASSESSMENT_STATUS_LABELS[a.status],
    statusClass: STATUS_TAG[a.status],
    referredOn: formatLongDate(a.referredOn),
    team: a.teamName,
    worker: a.workerName,
    timescale: timescaleView(timescale),
    outcome,
    specialistService: specialistLabel(a.specialistService),
    outcomeRationale: a.outcomeRationale === null ? [] : paragraphsOf(a.outcomeRationale),
    authorisedBy: a.authorisedByName,
    authorisedOn: a.authorisedOn === null ? null : formatLongDate(a.authorisedOn),
    timeliness:
      a.workingDaysTaken === null
        ? null
        : `${a.authorisedWithinTimescale === true ? 'Within' : 'Outside'} 45 working days (authorised after ${String(a.workingDaysTaken)} working ${a.workingDaysTaken === 1 ? 'day' : 'days'})`,
    submittedAt: a.submittedAt === null ? null : instantText(a.submittedAt),
    submittedBy: a.submittedByName,
    childSeenOn: a.childSeenOn === null ? null : formatLongDate(a.childSeenOn),
    childSeenAloneOn: a.childSeenAloneOn === null ? null : formatLongDate(a.childSeenAloneOn),
    notSeenAloneReason: a.notSeenAloneReason,
    factors: a.factors.map(factorLabel),
    primaryNeed: primaryNeedLabel(a.primaryNeed),
    planning: a.planningChecklist.filter(isPlanningItem).map((k) => PLANNING_CHECKLIST[k]),
    sections: SECTION_KEYS.map((key) => ({ key, title: ASSESSMENT_SECTIONS[key].title, paragraphs: paragraphsOf(a[key]) })),
    hasLetter: a.letterToChild.trim() !== '',
  };
}

export function nextStepSummary(view: NextStepView) {
  const s = view.step;
  return {
    id: s.id,
    what: NEXT_STEP_KINDS[s.kind].label,
    specialistService: specialistLabel(s.specialistService),
    status: s.status,
    due: dueView(view.due),
    rag: view.rag === null ? null : ragView(view.rag),
    doneOn: s.doneOn === null ? null : formatLongDate(s.doneOn),
    doneBy: s.doneByName,
    doneNote: s.doneNote,
    version: s.version,
    assessmentHref: paths.assessment(s.assessmentId),
    doneAction: paths.assessmentNextStepDone(s.assessmentId),
  };
}
