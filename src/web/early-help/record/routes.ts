// The early help section of a child's record: each episode with its wellbeing assessment, plan,
// reviews and closure, what is due next and how that date was worked out, and the next step.
import type { FastifyInstance } from 'fastify';
import { viewEarlyHelp, type EpisodeView } from '../../../app/early-help/view-early-help.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { CLOSURE_OUTCOME_LABELS } from '../../../domain/early-help/early-help.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { dueView } from '../../front-door/shared.ts';
import { childHeaderContext, childIdOf } from '../../records/shared.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { isStepUnavailableReason, STEP_UNAVAILABLE_TEXT } from '../shared.ts';

const STAGE_TEXT = { assessment: 'Wellbeing assessment', plan: 'Agreeing the plan', reviewing: 'Plan in place', closed: 'Closed' } as const;
const DONE_TEXT: Readonly<Record<string, string>> = {
  allocated: 'Early help allocated.',
  assessment: 'Wellbeing assessment completed.',
  plan: 'Early help plan agreed.',
  review: 'Review recorded.',
  closed: 'Early help closed.',
  'stepped-up': 'Early help closed and a contact sent to the MASH with the early help history.',
};
const RAG_CLASS = { red: 'govuk-tag--red', amber: 'govuk-tag--yellow', green: 'govuk-tag--green' } as const;

function episodeView(v: EpisodeView, mayChange: boolean) {
  const e = v.episode;
  const open = e.status === 'open';
  const nextStep =
    !open || !mayChange
      ? null
      : v.stage === 'assessment'
        ? { text: 'Complete the wellbeing assessment', href: paths.wellbeingAssessment(e.id) }
        : v.stage === 'plan'
          ? { text: 'Agree the early help plan', href: paths.earlyHelpPlan(e.id) }
          : { text: 'Record a review', href: paths.earlyHelpReview(e.id) };
  return {
    id: e.id,
    open,
    stage: STAGE_TEXT[v.stage],
    summaryRows: [
      { key: { text: 'Status' }, value: { text: STAGE_TEXT[v.stage] } },
      { key: { text: 'Early help worker' }, value: { text: `${e.workerName}, ${e.teamName}` } },
      {
        key: { text: 'Referred by the MASH' },
        value: { text: `${formatLongDate(e.referredOn)} (level ${String(e.needLevel)}, ${e.contactReference === null ? 'stepped down after a child and family assessment' : `contact ${e.contactReference}`})` },
      },
      { key: { text: 'Allocated' }, value: { text: formatLongDate(e.startedOn) } },
      ...(e.closedOn === null
        ? []
        : [
            {
              key: { text: 'Closed' },
              value: { text: `${formatLongDate(e.closedOn)}: ${e.closureOutcome === null ? '' : CLOSURE_OUTCOME_LABELS[e.closureOutcome]}` },
            },
          ]),
      ...(e.closureSummary === null ? [] : [{ key: { text: 'Why it ended' }, value: { text: e.closureSummary } }]),
      ...(e.stepUpContactId === null
        ? []
        : [
            {
              key: { text: 'Contact sent to the MASH' },
              value: { html: `<a class="govuk-link" href="${paths.contact(e.stepUpContactId)}">${e.stepUpReference ?? 'View contact'}</a>` },
            },
          ]),
    ],
    nextDue:
      v.nextDue === null
        ? null
        : { what: v.nextDue.what, due: dueView(v.nextDue.explanation), tag: { text: v.nextDue.rag.label, classes: RAG_CLASS[v.nextDue.rag.rag] } },
    assessment:
      v.assessment === undefined
        ? null
        : {
            rows: [
              {
                key: { text: 'Completed' },
                value: {
                  text: `${formatLongDate(v.assessment.completedOn)} by ${v.assessment.completedByName}${v.assessment.withinTimescale ? '' : ` (after the due date, ${formatLongDate(v.assessment.dueOn)})`}`,
                },
              },
              { key: { text: 'What are we worried about?' }, value: { text: v.assessment.worries } },
              { key: { text: 'What’s working well?' }, value: { text: v.assessment.workingWell } },
              { key: { text: 'What needs to happen?' }, value: { text: v.assessment.needsToHappen } },
              { key: { text: 'Scaling (0 to 10)' }, value: { text: String(v.assessment.scaling) } },
              { key: { text: 'The child’s voice' }, value: { text: v.assessment.childsVoice } },
            ],
          },
    plan:
      v.plan === undefined
        ? null
        : {
            rows: [
              { key: { text: 'Agreed' }, value: { text: formatLongDate(v.plan.agreedOn) } },
              { key: { text: 'Consent' }, value: { text: `Given by ${v.plan.consentGivenBy} on ${formatLongDate(v.plan.consentGivenOn)}` } },
              { key: { text: 'Outcomes' }, value: { text: v.plan.outcomes } },
            ],
            actions: v.plan.actions.map((a) => [{ text: a.action }, { text: a.owner }, { text: formatLongDate(a.dueOn) }]),
            reviews: v.plan.reviews.map((r) => [
              { text: formatLongDate(r.reviewedOn) },
              { text: r.withinTimescale ? 'Yes' : `No (due ${formatLongDate(r.dueOn)})` },
              { text: String(r.scaling) },
              { text: r.progress },
              { text: formatLongDate(r.nextReviewDueOn) },
            ]),
          },
    nextStep,
    closeHref: open && mayChange ? paths.closeEarlyHelp(e.id) : null,
  };
}

export async function earlyHelpRecordRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/children/:childId/early-help', { config: { permission: 'people:view-child', audit: 'early-help.record.viewed' } }, async (request, reply) => {
    const childId = childIdOf(request.params);
    const record = await viewEarlyHelp(deps, requestContext(request), childId);
    const query = request.query as Record<string, unknown>;
    const done = query['done'];
    const unavailable = query['unavailable'];
    return reply.view('early-help/record/view.njk', {
      ...childHeaderContext(record.child, deps.clock.now(), 'early-help'),
      doneText: typeof done === 'string' ? (DONE_TEXT[done] ?? null) : null,
      unavailableText: isStepUnavailableReason(unavailable) ? STEP_UNAVAILABLE_TEXT[unavailable] : null,
      episodes: record.episodes.map((v) => episodeView(v, record.mayChange)),
    });
  });
}
