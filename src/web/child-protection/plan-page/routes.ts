// The "Child protection plan" section of a child's record: the conference waiting to be held and when
// it is due, the plan (category, lead worker, core group, outcomes, actions, contingency), its quality
// checks, what is due next and why, core groups, visits and every conference.
import type { FastifyInstance } from 'fastify';
import { viewChildProtection } from '../../../app/child-protection/view-child-protection.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { DURATION_BAND_LABELS, planDurationBand, planEndReasonLabel } from '../../../domain/child-protection/cp-plan.ts';
import { parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { childHeaderContext, childIdOf } from '../../records/shared.ts';
import { ATTENDANCE_LABELS, categoryText, cpPaths, DECISION_LABELS, dueText } from '../shared.ts';

const SCHEDULE_LABELS = {
  'core-group': 'Core group meeting',
  'review-conference': 'Review child protection conference',
  'post-birth-meeting': 'Review conference or core group after the birth',
  visit: 'Statutory visit (child seen)',
} as const;

export async function planPageRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get(
    '/children/:childId/child-protection-plan',
    { config: { permission: 'people:view-child', audit: 'child-protection.plan-page.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const view = await viewChildProtection(deps, requestContext(request), childId);
      const today = todayInLondon(deps.clock.now());
      const active = view.active;
      return reply.view('child-protection/plan-page/view.njk', {
        ...childHeaderContext(view.child, deps.clock.now(), 'child-protection-plan'),
        may: view.may,
        paths: {
          convene: cpPaths.convene(childId),
          editPlan: cpPaths.editPlan(childId),
          coreGroup: cpPaths.coreGroup(childId),
          visit: cpPaths.visit(childId),
        },
        openInitial:
          view.openInitial === null
            ? null
            : {
                ...view.openInitial,
                href: cpPaths.conference(childId, view.openInitial.id),
                due: dueText(view.openInitial.due),
                invitedCount: view.openInitial.invitations.length,
                reportsCount: view.openInitial.invitations.filter((i) => i.reportReceived).length,
              },
        active:
          active === null
            ? null
            : {
                ...active.plan,
                categoryText: categoryText(active.plan.latestCategory),
                initialCategoryText: categoryText(active.plan.initialCategory),
                durationText: DURATION_BAND_LABELS[planDurationBand(parseLocalDate(active.plan.startedOn), today)],
                longPlan: active.longPlan,
                schedule: active.schedule.map((s) => ({ what: SCHEDULE_LABELS[s.kind], due: dueText(s) })),
                quality: active.quality,
                qualityMet: active.quality.filter((q) => q.met).length,
                openReviewHref: active.openReview === null ? null : cpPaths.conference(childId, active.openReview.id),
              },
        conferences: view.conferences.map((c) => ({
          ...c,
          href: cpPaths.conference(childId, c.id),
          kindText: c.kind === 'initial' ? (c.preBirth ? 'Initial conference (pre-birth)' : 'Initial conference') : 'Review conference',
          decisionText: c.decision === null ? 'To be held' : (DECISION_LABELS[c.decision] ?? c.decision),
          categoryText: categoryText(c.category),
        })),
        endedPlans: view.plans
          .filter((p) => p.status === 'ended')
          .map((p) => ({ ...p, categoryText: categoryText(p.initialCategory), endReasonText: p.endReason === null ? '' : planEndReasonLabel(p.endReason) })),
        attendanceLabels: ATTENDANCE_LABELS,
      });
    },
  );
}
