// What every child protection page needs: due dates shown with their explanation and RAG tag,
// labels for the codes, the conference id from the URL, and the URL helpers.
import { z } from 'zod';
import type { DueView } from '../../app/child-protection/view-child-protection.ts';
import { NotFoundError } from '../../app/shared/errors.ts';
import { categoryOfAbuseLabel } from '../../domain/shared/codes/dfe/category-of-abuse.ts';
import { formatLongDate, toIsoDate } from '../../domain/shared/time/local-date.ts';

export const cpPaths = {
  plan: (childId: string) => `/children/${childId}/child-protection-plan`,
  convene: (childId: string) => `/children/${childId}/child-protection-plan/convene`,
  conveneAction: () => '/child-protection/initial-conferences',
  conference: (childId: string, conferenceId: string) => `/children/${childId}/child-protection-plan/conferences/${conferenceId}`,
  invitations: (childId: string, conferenceId: string) => `/children/${childId}/child-protection-plan/conferences/${conferenceId}/invitations`,
  outcome: (childId: string, conferenceId: string) => `/children/${childId}/child-protection-plan/conferences/${conferenceId}/outcome`,
  decisionLetter: (childId: string, conferenceId: string) => `/children/${childId}/child-protection-plan/conference-letters/${conferenceId}/decision.docx`,
  childSummary: (childId: string, conferenceId: string) => `/children/${childId}/child-protection-plan/conference-letters/${conferenceId}/letter-to-child.docx`,
  editPlan: (childId: string) => `/children/${childId}/child-protection-plan/plan`,
  coreGroup: (childId: string) => `/children/${childId}/child-protection-plan/core-groups/new`,
  visit: (childId: string) => `/children/${childId}/child-protection-plan/visits/new`,
  chair: () => '/child-protection/conferences',
  dashboard: () => '/child-protection/dashboard',
} as const;

export interface DueText {
  readonly dueOn: string;
  readonly dueText: string;
  readonly ruleId: string;
  readonly summary: string;
  readonly arithmetic: string;
  readonly source: string;
  readonly rag: { readonly tagClass: string; readonly tagText: string };
}

const RAG_CLASS = { red: 'govuk-tag--red', amber: 'govuk-tag--yellow', green: 'govuk-tag--green' } as const;

export function dueText(due: DueView): DueText {
  const dueOn = toIsoDate(due.explanation.due);
  return {
    dueOn,
    dueText: formatLongDate(dueOn),
    ruleId: due.explanation.rule.id,
    summary: due.explanation.summary,
    arithmetic: due.explanation.arithmetic,
    source: due.explanation.source,
    rag: { tagClass: RAG_CLASS[due.rag.rag], tagText: due.rag.label },
  };
}

export const categoryText = (code: string | null): string => (code === null ? '' : categoryOfAbuseLabel(code));

export const DECISION_LABELS: Readonly<Record<string, string>> = {
  plan: 'Child protection plan',
  no_plan: 'No child protection plan',
  continue: 'Plan continues',
  end: 'Plan ends',
};

export const ATTENDANCE_LABELS: Readonly<Record<string, string>> = { attended: 'Attended', apologies: 'Sent apologies', did_not_attend: 'Did not attend' };

export function conferenceIdsOf(params: unknown, name: 'conferenceId' | 'heldConferenceId' = 'conferenceId'): { childId: string; conferenceId: string } {
  const parsed = z.record(z.string(), z.string()).safeParse(params);
  const childId = z.uuid().safeParse(parsed.success ? parsed.data['childId'] : undefined);
  const conferenceId = z.uuid().safeParse(parsed.success ? parsed.data[name] : undefined);
  if (!childId.success || !conferenceId.success) throw new NotFoundError('Conference');
  return { childId: childId.data, conferenceId: conferenceId.data };
}
