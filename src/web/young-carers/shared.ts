// Shared by the young carers' pages: the assessment id in a URL (anything malformed is "not found")
// and its child, and the assessment shaped for the pages (labels, due dates with their explanation).
import { z } from 'zod';
import type { AppDeps } from '../../app/shared/deps.ts';
import { NotFoundError } from '../../app/shared/errors.ts';
import { youngCarerAssessmentChildId } from '../../app/young-carers/young-carer-access.ts';
import type { YoungCarerAssessmentRow, YoungCarerTimescale } from '../../app/young-carers/view-young-carers.ts';
import { formatLongDate } from '../../domain/shared/time/local-date.ts';
import {
  CARE_APPROPRIATE,
  CARED_FOR_NEEDS,
  CARED_FOR_RELATIONSHIPS,
  CARING_TASKS,
  isCareAppropriate,
  isCaredForNeed,
  isCaredForRelationship,
  isCaringTask,
  isRequestedBy,
  isWishesToContinue,
  isYoungCarerOutcome,
  leadService,
  REQUESTED_BY,
  WISHES_TO_CONTINUE,
  YOUNG_CARER_OUTCOMES,
  YOUNG_CARER_SECTION_KEYS,
  YOUNG_CARER_SECTIONS,
  YOUNG_CARER_STATUS_LABELS,
  type YoungCarerStatus,
} from '../../domain/young-carers/young-carer-assessment.ts';
import { paragraphsOf, ragView } from '../assessments/view-model.ts';
import { dueView } from '../front-door/shared.ts';
import { instantText } from '../records/shared.ts';
import { paths } from '../shared/paths.ts';

export async function youngCarerAssessmentOf(deps: AppDeps, params: unknown, name: string): Promise<{ childId: string; id: string }> {
  const parsed = z.record(z.string(), z.string()).safeParse(params);
  const id = parsed.success ? parsed.data[name] : undefined;
  if (id === undefined || !z.uuid().safeParse(id).success) throw new NotFoundError('Young carer’s assessment');
  return { childId: await youngCarerAssessmentChildId(deps, id), id };
}

const STATUS_TAG: Readonly<Record<YoungCarerStatus, string>> = {
  in_progress: 'govuk-tag--blue',
  awaiting_authorisation: 'govuk-tag--yellow',
  authorised: 'govuk-tag--green',
};

const label = <T extends string>(table: Readonly<Record<T, string>>, is: (v: string) => v is T, value: string): string => (is(value) ? table[value] : value);

export function youngCarerSummary(a: YoungCarerAssessmentRow, timescale: YoungCarerTimescale) {
  return {
    id: a.id,
    href: paths.youngCarerAssessment(a.id),
    status: a.status,
    statusText: YOUNG_CARER_STATUS_LABELS[a.status],
    statusClass: STATUS_TAG[a.status],
    caredFor: `${a.caredForName} (${label(CARED_FOR_RELATIONSHIPS, isCaredForRelationship, a.caredForRelationship).toLowerCase()}, ${a.caredForIsAdult ? 'adult' : 'child'})`,
    caredForHref: a.caredForPersonId === null ? null : a.caredForIsAdult ? paths.person(a.caredForPersonId) : `/children/${a.caredForPersonId}`,
    caredForNeeds: a.caredForNeeds.map((n) => label(CARED_FOR_NEEDS, isCaredForNeed, n)),
    caringTasks: a.caringTasks.map((t) => label(CARING_TASKS, isCaringTask, t)),
    caringTasksDetail: a.caringTasksDetail,
    hoursPerWeek: `${String(a.hoursPerWeek)} ${a.hoursPerWeek === 1 ? 'hour' : 'hours'} a week`,
    requestedOn: formatLongDate(a.requestedOn),
    requestedBy: label(REQUESTED_BY, isRequestedBy, a.requestedBy) + (a.requestedByDetail === '' ? '' : `: ${a.requestedByDetail}`),
    leadService: leadService(a.caredForIsAdult),
    team: a.teamName,
    worker: a.workerName,
    due: dueView(timescale.due),
    rag: timescale.rag === null ? null : ragView(timescale.rag),
    review: timescale.review === null ? null : { due: dueView(timescale.review.due), rag: ragView(timescale.review.rag) },
    youngCarerSeenOn: a.youngCarerSeenOn === null ? null : formatLongDate(a.youngCarerSeenOn),
    careAppropriate: a.careAppropriate === null ? null : label(CARE_APPROPRIATE, isCareAppropriate, a.careAppropriate),
    wishesToContinueCaring: a.wishesToContinueCaring === null ? null : label(WISHES_TO_CONTINUE, isWishesToContinue, a.wishesToContinueCaring),
    outcomes: a.outcomes.map((o) => label(YOUNG_CARER_OUTCOMES, isYoungCarerOutcome, o)),
    sections: YOUNG_CARER_SECTION_KEYS.map((key) => ({ key, title: YOUNG_CARER_SECTIONS[key].title, paragraphs: paragraphsOf(a[key]) })),
    submittedAt: a.submittedAt === null ? null : instantText(a.submittedAt),
    submittedBy: a.submittedByName,
    authorisedBy: a.authorisedByName,
    authorisedOn: a.authorisedOn === null ? null : formatLongDate(a.authorisedOn),
    managementComments: a.managementComments === null ? [] : paragraphsOf(a.managementComments),
    timeliness:
      a.workingDaysTaken === null
        ? null
        : `${a.authorisedWithinTimescale === true ? 'Within' : 'Outside'} 45 working days (authorised after ${String(a.workingDaysTaken)} working ${a.workingDaysTaken === 1 ? 'day' : 'days'})`,
  };
}

export type YoungCarerSummary = ReturnType<typeof youngCarerSummary>;
