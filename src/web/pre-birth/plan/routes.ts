// The pre-birth plan page: the timeline of seed 004 §14 as a table (milestone, due date, status with
// RAG, how the date was worked out), the pregnancy dates and team route, the FGC referral prompt, and
// the birth once recorded.
import type { FastifyInstance } from 'fastify';
import { viewPreBirthPlan, type PreBirthPage } from '../../../app/pre-birth/pre-birth-plan.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { FGC_REFERRAL_SOURCE, type TimelineRow } from '../../../domain/pre-birth/timeline.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { govukTime } from '../../records/moj-date.ts';
import { childHeaderContext } from '../../records/shared.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { preBirthChildIdOf } from '../shared.ts';

const SAVED: Readonly<Record<string, string>> = {
  pregnancy: 'Pregnancy dates saved',
  milestone: 'Milestone recorded',
  fgc: 'Family group conference referral recorded',
  birth: 'Birth recorded: this is now the child’s record',
};

function tagOf(row: TimelineRow): { text: string; classes: string } {
  switch (row.status) {
    case 'done':
      return { text: row.onTime === false ? 'Done late' : 'Done', classes: row.onTime === false ? 'govuk-tag--orange' : 'govuk-tag--green' };
    case 'not_required':
      return { text: 'Not required', classes: 'govuk-tag--grey' };
    case 'closed_at_birth':
      return { text: 'Closed at birth', classes: 'govuk-tag--grey' };
    case 'overdue':
      return { text: 'Overdue', classes: 'govuk-tag--red' };
    case 'due':
      return { text: 'Due soon', classes: 'govuk-tag--yellow' };
    case 'upcoming':
      return { text: 'Not due yet', classes: 'govuk-tag--blue' };
  }
}

function rowView(childId: string, row: TimelineRow, mayChange: boolean) {
  return {
    key: row.key,
    label: row.label,
    ruleId: row.ruleId,
    due: row.dueFrom === null ? formatLongDate(row.dueOn.toString()) : `${formatLongDate(row.dueFrom.toString())} to ${formatLongDate(row.dueOn.toString())}`,
    tag: tagOf(row),
    statusText: row.statusText,
    reason: row.recorded?.reason ?? null,
    explanation: row.explanation,
    recordHref: mayChange && row.status !== 'closed_at_birth' ? paths.preBirthMilestone(childId, row.key) : null,
  };
}

/** PB-05: the week-20 strategy discussion prompt, or a link to the discussion convened. */
function strategyView(childId: string, plan: NonNullable<PreBirthPage['plan']>, mayConvene: boolean) {
  const row = plan.rows.find((r) => r.key === 'strategy');
  return {
    prompted: plan.strategyPrompted,
    dueText: row === undefined ? null : formatLongDate(row.dueOn.toString()),
    explanation: row?.explanation.summary ?? null,
    conveneHref: plan.strategyPrompted && mayConvene ? paths.newStrategyDiscussion(childId) : null,
    discussionHref: plan.strategyDiscussion === null ? null : paths.strategyDiscussion(plan.strategyDiscussion.id),
    discussionStatus: plan.strategyDiscussion === null ? null : plan.strategyDiscussion.status === 'held' ? 'Held' : 'To be held',
  };
}

export async function preBirthPlanRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/children/:preBirthChildId/pre-birth', { config: { permission: 'people:view-child', audit: 'pre-birth.plan.viewed' } }, async (request, reply) => {
    const childId = preBirthChildIdOf(request.params);
    const page = await viewPreBirthPlan(deps, requestContext(request), childId);
    const saved = (request.query as Record<string, unknown>)['saved'];
    const plan = page.plan;
    return reply.view('pre-birth/plan/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'pre-birth'),
      savedText: typeof saved === 'string' ? (SAVED[saved] ?? null) : null,
      mayChange: page.mayChange,
      plan:
        plan === null
          ? null
          : {
              edd: formatLongDate(plan.edd.toString()),
              gestationWeeks: plan.gestationWeeks,
              pregnancyConfirmedOn: plan.pregnancyConfirmedOn === null ? null : formatLongDate(plan.pregnancyConfirmedOn),
              lateConfirmation: plan.lateConfirmation,
              previousProceedingsEndedOn: plan.previousProceedingsEndedOn === null ? null : formatLongDate(plan.previousProceedingsEndedOn),
              route: plan.route,
              fgc: { ...plan.fgc, decidedOn: plan.fgc.decidedOn === null ? null : formatLongDate(plan.fgc.decidedOn) },
              fgcPrompted: plan.fgcPrompted,
              fgcSource: FGC_REFERRAL_SOURCE,
              strategy: strategyView(childId, plan, page.mayConvene),
              birth:
                plan.birth === null
                  ? null
                  : {
                      bornOn: formatLongDate(plan.birth.bornOn),
                      time: govukTime(plan.birth.timeOfBirth),
                      motherMedicallyFit: plan.birth.motherMedicallyFit,
                      recordedByName: plan.birth.recordedByName,
                    },
              rows: plan.rows.filter((r) => !r.afterBirth).map((r) => rowView(childId, r, page.mayChange)),
              postBirthRows: plan.rows.filter((r) => r.afterBirth).map((r) => rowView(childId, r, page.mayChange)),
            },
      links: {
        pregnancy: paths.preBirthPregnancy(childId),
        fgc: paths.preBirthFgcReferral(childId),
        birth: paths.preBirthBirth(childId),
        milestone: paths.preBirthMilestone(childId),
      },
    });
  });
}
