// The disabilities section of a child's record, and what each disabilities form opens with: the
// eligibility decisions (the one in force, one awaiting the team manager, earlier versions, each
// with its answers and evidence), short breaks with their next review and how its date was worked
// out, and personal budget requests with the panel's decisions.
import type { Transaction } from 'kysely';
import { findDraft } from '../../db/drafts/draft-repository.ts';
import {
  listAnswers,
  listBudgetRequests,
  listDecisions,
  listPanelDecisions,
  listShortBreakReviews,
  listShortBreaks,
  type AnswerRow,
  type BudgetRequestRow,
  type DecisionRow,
  type PanelDecisionRow,
  type ShortBreakReviewRow,
  type ShortBreakRow,
} from '../../db/disabilities/disabilities-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { DueExplanationText } from '../../domain/casework/due-items.ts';
import { beyondRegulation48, paidServicesAllowed, awaitsPanel } from '../../domain/disabilities/services.ts';
import { cwdRag, eligibilityConfirmationDue, panelDecisionDue, shortBreakReviewDue, type CwdDue } from '../../domain/disabilities/timescales.ts';
import { can, type Permission } from '../../domain/shared/access/permissions.ts';
import { explainDue, type RagStatus } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openForChange } from './access.ts';
import { eligibilityDraftJourney } from './eligibility.ts';

export interface DueLine {
  readonly ruleId: string;
  readonly what: string;
  readonly dueOn: string;
  readonly rag: RagStatus;
  readonly explanation: DueExplanationText;
}

export const DUE_WHAT: Readonly<Record<string, string>> = {
  'CWD-01': 'Eligibility decision to confirm',
  'CWD-02': 'First review of overnight short breaks',
  'CWD-03': 'Review of overnight short breaks',
  'CWD-04': 'Short breaks review',
  'CWD-05': 'Resource allocation panel decision to record',
};

export function dueLine(d: CwdDue, today: string): DueLine {
  const explained = explainDue(d.rule, d.anchor);
  return {
    ruleId: d.rule.id,
    what: DUE_WHAT[d.rule.id] ?? d.rule.what,
    dueOn: toIsoDate(d.due),
    rag: cwdRag(d, parseLocalDate(today)),
    explanation: { summary: explained.summary, source: explained.source, arithmetic: explained.arithmetic },
  };
}

export interface DecisionView extends DecisionRow {
  readonly answers: readonly AnswerRow[];
  readonly due: DueLine | null;
}

export interface ShortBreakView extends ShortBreakRow {
  readonly due: DueLine | null;
  readonly reviews: readonly ShortBreakReviewRow[];
  readonly beyondRegulation48: boolean;
}

export interface BudgetRequestView extends BudgetRequestRow {
  readonly due: DueLine | null;
  readonly decisions: readonly PanelDecisionRow[];
}

export interface DisabilitiesRecord {
  readonly decisions: readonly DecisionView[];
  /** The decision in force (confirmed), if any. */
  readonly confirmed: DecisionView | null;
  /** The decision awaiting the team manager, if any. */
  readonly recorded: DecisionView | null;
  readonly eligible: boolean;
  readonly shortBreaks: readonly ShortBreakView[];
  readonly requests: readonly BudgetRequestView[];
  /** The number of the latest decision (0: none), posted back by the eligibility form. */
  readonly latestNumber: number;
}

/** A London calendar date for an instant. */
const londonDateOf = (at: Date): string => londonToday(at);

async function loadRecord(trx: Transaction<Database>, childId: string, today: string): Promise<DisabilitiesRecord> {
  const rows = await listDecisions(trx, childId);
  const answers = await listAnswers(
    trx,
    rows.map((r) => r.id),
  );
  const decisions = rows.map((r) => ({
    ...r,
    answers: answers.get(r.id) ?? [],
    due: r.status === 'recorded' ? dueLine(eligibilityConfirmationDue(londonDateOf(r.recordedAt)), today) : null,
  }));
  const [shortBreaks, reviews, requests, panelDecisions] = await Promise.all([
    listShortBreaks(trx, childId),
    listShortBreakReviews(trx, childId),
    listBudgetRequests(trx, childId),
    listPanelDecisions(trx, childId),
  ]);
  const confirmed = decisions.find((d) => d.status === 'confirmed') ?? null;
  return {
    decisions,
    confirmed,
    recorded: decisions.find((d) => d.status === 'recorded') ?? null,
    eligible: paidServicesAllowed(confirmed?.outcome ?? null),
    shortBreaks: shortBreaks.map((sb) => {
      const due = shortBreakReviewDue(sb);
      return {
        ...sb,
        due: due === null ? null : dueLine(due, today),
        reviews: reviews.filter((r) => r.shortBreakId === sb.id),
        beyondRegulation48: beyondRegulation48(sb.breakType, sb.amount),
      };
    }),
    requests: requests.map((r) => ({
      ...r,
      due: awaitsPanel(r.status) ? dueLine(panelDecisionDue(r.panelDate), today) : null,
      decisions: panelDecisions.filter((d) => d.requestId === r.id),
    })),
    latestNumber: rows[0]?.number ?? 0,
  };
}

export interface DisabilitiesSection extends DisabilitiesRecord {
  readonly child: ChildHeader;
  readonly mayRecord: boolean;
  readonly mayConfirm: boolean;
  readonly mayRecordPanelDecision: boolean;
}

export async function viewDisabilities(deps: AppDeps, ctx: RequestContext, childId: string): Promise<DisabilitiesSection> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const record = await loadRecord(trx, childId, londonToday(now));
    const mayChange = await mayChangeChildRecord(trx, actor, childId, now);
    await audit({
      action: 'disabilities.section.viewed',
      subjectType: 'person',
      subjectId: childId,
      childId,
      changes: { decisions: record.decisions.length, shortBreaks: record.shortBreaks.length, requests: record.requests.length },
    });
    return {
      ...record,
      child,
      mayRecord: mayChange && can(actor, 'disabilities:record'),
      mayConfirm: mayChange && can(actor, 'disabilities:confirm'),
      mayRecordPanelDecision: mayChange && can(actor, 'disabilities:record-panel-decision'),
    };
  });
}

export interface DisabilitiesForm extends DisabilitiesRecord {
  readonly child: ChildHeader;
  readonly userId: string;
  /** The eligibility form's saved draft, if any (only loaded for that form). */
  readonly draft: Readonly<Record<string, string>> | null;
}

/**
 * What a disabilities form opens with, access-checked for the change the form makes; its view is
 * audited (or not, when the same form is shown again with errors: auditAction null).
 */
export async function openDisabilitiesForm(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  permission: Permission,
  auditAction: string | null,
  options: { readonly withDraft?: boolean } = {},
): Promise<DisabilitiesForm> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openForChange(trx, ctx, permission, childId, now);
    const record = await loadRecord(trx, childId, londonToday(now));
    let draft: Record<string, string> | null = null;
    if (options.withDraft === true) {
      const stored = await findDraft(trx, actor.userId, eligibilityDraftJourney(childId));
      if (stored !== undefined) draft = Object.fromEntries(Object.entries(stored).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
    if (auditAction !== null) await audit({ action: auditAction, subjectType: 'person', subjectId: childId, childId, changes: { draft: draft !== null } });
    return { ...record, child, userId: actor.userId, draft };
  });
}
