// What every child protection page needs: due dates shown with their explanation and RAG tag,
// labels for the codes, the conference id from the URL, and the URL helpers.
import { z } from 'zod';
import { conferenceChildId, type DueView } from '../../app/child-protection/view-child-protection.ts';
import type { AppDeps } from '../../app/shared/deps.ts';
import { NotFoundError } from '../../app/shared/errors.ts';
import { categoryOfAbuseLabel } from '../../domain/shared/codes/dfe/category-of-abuse.ts';
import { formatLongDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { isoFromDateParts, type DateParts } from '../records/shared.ts';

export const cpPaths = {
  plan: (childId: string) => `/children/${childId}/child-protection-plan`,
  convene: (childId: string) => `/children/${childId}/child-protection-plan/convene`,
  conveneAction: () => '/child-protection/initial-conferences',
  conference: (_childId: string, conferenceId: string) => `/child-protection/conferences/${conferenceId}`,
  invitations: (_childId: string, conferenceId: string) => `/child-protection/conferences/${conferenceId}/invitations`,
  outcome: (_childId: string, conferenceId: string) => `/child-protection/conferences/${conferenceId}/outcome`,
  decisionLetter: (_childId: string, conferenceId: string) => `/child-protection/conference-letters/${conferenceId}/decision.docx`,
  childSummary: (_childId: string, conferenceId: string) => `/child-protection/conference-letters/${conferenceId}/letter-to-child.docx`,
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

/** The conference id from the URL and the child whose record it is on (access is checked by the page's use case). */
export async function conferenceIdsOf(
  deps: AppDeps,
  params: unknown,
  name: 'conferenceId' | 'heldConferenceId' = 'conferenceId',
): Promise<{ childId: string; conferenceId: string }> {
  const parsed = z.record(z.string(), z.string()).safeParse(params);
  const conferenceId = z.uuid().safeParse(parsed.success ? parsed.data[name] : undefined);
  if (!conferenceId.success) throw new NotFoundError('Conference');
  return { childId: await conferenceChildId(deps, conferenceId.data), conferenceId: conferenceId.data };
}

/** A GOV.UK date input as an ISO date, refusing years no record could hold (so nothing reaches the database that it cannot store). */
export function cpDateFromParts(parts: DateParts, label: string, required: string): { iso: string } | { error: string } {
  const result = isoFromDateParts(parts, label, required);
  if ('iso' in result) {
    const year = Number(result.iso.slice(0, 4));
    if (year < 1900 || year > 2199) return { error: `${label} must be a real date` };
  }
  return result;
}
