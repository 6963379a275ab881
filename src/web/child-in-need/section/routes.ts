// The child in need section of a child's record: the plan, what is due on it and how each date was
// worked out, the version in force with its quality check, earlier versions, reviews and closure.
import type { FastifyInstance } from 'fastify';
import { startChildInNeedPlan } from '../../../app/child-in-need/open-plan.ts';
import { viewChildInNeed } from '../../../app/child-in-need/view-plans.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { REVIEW_DECISIONS } from '../../../domain/child-in-need/plan.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorsByField, formBody, primaryNeedItems } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, instantText } from '../../records/shared.ts';
import { PLAN_STATUS_TEXT, RAG_COLOUR } from '../shared.ts';

const BANNERS: Readonly<Record<string, string>> = {
  started: 'Child in need plan started. Write the plan and save it as you go.',
  existing: 'This child already has a child in need plan: here it is.',
  finalised: 'Plan agreed and finalised.',
  weak: 'Plan agreed and finalised. The quality check found weaknesses: they are shown below and to the team manager.',
  reviewed: 'Review recorded.',
  'stepped-up': 'Review recorded. A strategy discussion is now to be held: it is linked from the review.',
  'stepped-down': 'Review recorded. The referral to early help is in the early help queue: it is linked from the review.',
  closed: 'Child in need episode closed.',
};

export async function sectionRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(
    request: Parameters<typeof requestContext>[0],
    childId: string,
    banner: string | null,
    error: string | null,
    form: { readonly primaryNeed?: string; readonly errors?: FieldErrors } = {},
  ) {
    const section = await viewChildInNeed(deps, requestContext(request), childId);
    const plans = section.plans.map((p) => ({
      ...p,
      statusTag: PLAN_STATUS_TEXT[p.plan.status],
      due: p.due.map((d) => ({ ...d, colour: RAG_COLOUR[d.rag.rag] ?? 'grey' })),
      reviews: p.reviews.map((r) => ({
        ...r,
        decisionText: REVIEW_DECISIONS[r.decision],
        recordedText: instantText(r.recordedAt),
        strategyDiscussionHref: r.strategyDiscussionId === null ? null : paths.strategyDiscussion(r.strategyDiscussionId),
        earlyHelpHref: r.earlyHelpReferralId === null ? null : paths.earlyHelpQueue(),
      })),
    }));
    const open = plans.find((p) => p.plan.status !== 'ended') ?? null;
    return {
      ...childHeaderContext(section.child, deps.clock.now(), 'child-in-need'),
      plans,
      open,
      mayRecord: section.mayRecord,
      mayClose: section.mayClose,
      banner: banner === null ? null : (BANNERS[banner] ?? null),
      error,
      startAction: paths.startChildInNeedPlan(childId),
      primaryNeedItems: primaryNeedItems(form.primaryNeed),
      errors: errorsByField(form.errors ?? {}),
      planHref: paths.childInNeedPlan(childId),
      reviewHref: paths.childInNeedReview(childId),
      closeHref: paths.childInNeedClose(childId),
    };
  }

  app.get(
    '/children/:childId/child-in-need',
    { config: { permission: 'people:view-child', audit: 'child-in-need.section.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const query = formBody(request.query);
      const banner = typeof query['done'] === 'string' ? query['done'] : null;
      return reply.view('child-in-need/section/view.njk', await render(request, childId, banner, null));
    },
  );

  app.post(
    '/children/:childId/child-in-need/start',
    { config: { permission: 'child-in-need:record', audit: 'child-in-need.plan.start' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const primaryNeed = asString(formBody(request.body)['primaryNeed']) ?? '';
      try {
        const started = await startChildInNeedPlan(deps, requestContext(request), childId, { primaryNeed: primaryNeed === '' ? null : primaryNeed });
        return await reply.redirect(started.opened ? `${paths.childInNeedPlan(childId)}?done=started` : `${paths.childInNeedPlan(childId)}?done=existing`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          return reply
            .code(400)
            .view(
              'child-in-need/section/view.njk',
              await render(request, childId, null, Object.values(error.fieldErrors)[0] ?? 'The plan could not be started', { primaryNeed, errors: error.fieldErrors }),
            );
        }
        throw error;
      }
    },
  );
}
