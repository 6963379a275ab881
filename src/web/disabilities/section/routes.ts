// The disabilities section of a child's record: eligibility for the Children with Disabilities
// service (the decision in force, one awaiting the team manager, earlier versions with their
// evidence), short breaks with their next review, and personal budget requests to the panel.
import type { FastifyInstance } from 'fastify';
import { viewDisabilities } from '../../../app/disabilities/view-disabilities.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { DECISION_STATUS_TEXT, EVIDENCE_SOURCES, OUTCOME_TEXT, eligibilityText, isCriterion, isExclusion } from '../../../domain/disabilities/eligibility.ts';
import {
  BUDGET_STATUS_TEXT,
  formatPounds,
  PANEL_DECISIONS,
  REG_48_WARNING,
  SHORT_BREAK_REVIEW_OUTCOMES,
  SHORT_BREAK_TYPES,
} from '../../../domain/disabilities/services.ts';
import { formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, instantText } from '../../records/shared.ts';
import { DECISION_STATUS_COLOUR, RAG_COLOUR } from '../shared.ts';

const BANNERS: Readonly<Record<string, string>> = {
  recorded: 'Eligibility decision recorded. It is now with the team manager to confirm.',
  confirmed: 'Eligibility decision confirmed.',
  returned: 'Eligibility decision returned to the worker.',
  discarded: 'Draft eligibility decision discarded.',
  'short-break': 'Short breaks recorded.',
  'short-break-reviewed': 'Short break review recorded.',
  'budget-request': 'Personal budget request submitted to the resource allocation panel.',
  'panel-decision': 'Panel decision recorded.',
};

export async function sectionRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  app.get('/children/:childId/disabilities', { config: { permission: 'people:view-child', audit: 'disabilities.section.viewed' } }, async (request, reply) => {
    const childId = childIdOf(request.params);
    const query = formBody(request.query);
    const banner = typeof query['done'] === 'string' ? (BANNERS[query['done']] ?? null) : null;
    const s = await viewDisabilities(deps, requestContext(request), childId);
    const colour = (d: { rag: { rag: string } } | null) => (d === null ? null : (RAG_COLOUR[d.rag.rag] ?? 'grey'));
    const decisions = s.decisions.map((d) => ({
      ...d,
      outcomeText: OUTCOME_TEXT[d.outcome],
      statusText: DECISION_STATUS_TEXT[d.status],
      statusColour: DECISION_STATUS_COLOUR[d.status] ?? 'grey',
      recordedText: instantText(d.recordedAt),
      reviewedText: d.reviewedAt === null ? null : instantText(d.reviewedAt),
      dueColour: colour(d.due),
      answers: d.answers
        .filter((a) => isCriterion(a.code) || isExclusion(a.code))
        .map((a) => ({
          ...a,
          kindText: isExclusion(a.code) ? 'Exclusion' : 'Criterion',
          text: eligibilityText(a.code),
          sourceText: a.evidenceSource === null ? null : EVIDENCE_SOURCES[a.evidenceSource],
        })),
    }));
    return reply.view('disabilities/section/view.njk', {
      ...childHeaderContext(s.child, deps.clock.now(), 'disabilities'),
      banner,
      confirmed: decisions.find((d) => d.status === 'confirmed') ?? null,
      recorded: decisions.find((d) => d.status === 'recorded') ?? null,
      earlier: decisions.filter((d) => d.status === 'superseded' || d.status === 'returned'),
      eligible: s.eligible,
      shortBreaks: s.shortBreaks.map((sb) => ({
        ...sb,
        typeText: SHORT_BREAK_TYPES[sb.breakType],
        dueColour: colour(sb.due),
        reg48Warning: sb.beyondRegulation48 ? REG_48_WARNING : null,
        reviews: sb.reviews.map((r) => ({ ...r, outcomeText: SHORT_BREAK_REVIEW_OUTCOMES[r.outcome] })),
      })),
      activeShortBreaks: s.shortBreaks.some((sb) => sb.status === 'active'),
      requests: s.requests.map((r) => ({
        ...r,
        amountText: formatPounds(r.amountPence),
        statusText: BUDGET_STATUS_TEXT[r.status],
        dueColour: colour(r.due),
        decisions: r.decisions.map((d) => ({
          ...d,
          decisionText: PANEL_DECISIONS[d.decision],
          amountText: d.approvedAmountPence === null ? null : formatPounds(d.approvedAmountPence),
        })),
      })),
      awaitingPanel: s.requests.some((r) => r.due !== null),
      mayRecord: s.mayRecord,
      mayConfirm: s.mayConfirm,
      mayRecordPanelDecision: s.mayRecordPanelDecision,
      links: {
        eligibility: paths.disabilitiesEligibility(childId),
        confirm: paths.disabilitiesConfirm(childId),
        newShortBreak: paths.disabilitiesNewShortBreak(childId),
        shortBreakReview: paths.disabilitiesShortBreakReview(childId),
        newBudgetRequest: paths.disabilitiesNewBudgetRequest(childId),
        panelDecision: paths.disabilitiesPanelDecision(childId),
      },
    });
  });
}
