// Referrals to children's social care made by the MASH, in their team's queue, and their allocation
// to a worker by the team manager, with each worker's caseload against the team's target. A referral
// for a strategy discussion is convened from here (its team's manager or a MASH manager; the use case
// also lets its allocated worker), and then links to the discussion.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { conveneStrategyDiscussionFromReferral } from '../../../app/child-protection/convene-strategy-discussion.ts';
import { z } from 'zod';
import { ALLOCATION_MESSAGES, allocateReferral, viewAllocation, viewReferralQueue, type ReferralRow } from '../../../app/front-door/referrals.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { can } from '../../../domain/shared/access/permissions.ts';
import { isReferralSource, REFERRAL_SOURCES } from '../../../domain/shared/codes/dfe/referral-source.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { submissionOf } from '../../shared/submission.ts';
import { formStrings, uuidParam, whenText } from '../shared.ts';

const STATE_TEXT = { under: 'Under target', at: 'At target', over: 'Over target', 'no-target': 'No target set' } as const;

type Actor = NonNullable<FastifyRequest['actor']>;

/** Mirrors conveneStrategyDiscussionFromReferral's rule, so the button shows only where it works. */
function mayConvene(actor: Actor | null, r: ReferralRow): boolean {
  if (actor === null || !can(actor, 'child-protection:record-enquiry') || r.purpose !== 'strategy_discussion') return false;
  return actor.roles.includes('mash_manager') || r.allocatedWorkerUserId === actor.userId || actor.teams.some((t) => t.teamId === r.teamId && t.isManager);
}

function referralRow(r: ReferralRow, mayAllocate: boolean, actor: Actor | null = null) {
  return {
    id: r.id,
    child: r.childName,
    childHref: paths.child(r.childId),
    dateOfBirth: r.childDateOfBirth === null ? 'Not known' : formatLongDate(r.childDateOfBirth),
    purpose: r.purpose === 'strategy_discussion' ? 'Strategy discussion' : 'Child and family assessment',
    urgent: r.purpose === 'strategy_discussion',
    referredOn: formatLongDate(r.referredOn),
    team: r.teamName,
    source: isReferralSource(r.referralSource) ? `${r.referralSource}: ${REFERRAL_SOURCES[r.referralSource]}` : r.referralSource,
    level: r.needLevel,
    reference: r.reference,
    contactHref: paths.contact(r.contactId),
    worker: r.workerName,
    allocatedAt: r.allocatedAt === null ? null : whenText(r.allocatedAt),
    allocateHref: mayAllocate ? paths.allocateReferral(r.id) : null,
    // Once allocated, the child and family assessment starts from the child's Assessments page.
    assessmentsHref: r.status === 'allocated' && r.purpose === 'assessment' ? paths.childAssessments(r.childId) : null,
    discussionHref: r.strategyDiscussionId === null ? null : paths.strategyDiscussion(r.strategyDiscussionId),
    conveneAction: r.strategyDiscussionId === null && mayConvene(actor, r) ? paths.referralStrategyDiscussion(r.id) : null,
  };
}

export async function referralRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function renderQueue(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}) {
    const queue = await viewReferralQueue(deps, requestContext(request));
    const actor = request.actor;
    const mayAllocate = (r: ReferralRow) =>
      actor !== null && can(actor, 'casework:allocate') && (actor.roles.includes('mash_manager') || actor.teams.some((t) => t.teamId === r.teamId && t.isManager));
    return reply.view('front-door/referrals/view.njk', {
      allocatedBanner: (request.query as Record<string, unknown>)['allocated'] === '1',
      allTeams: queue.allTeams,
      awaiting: queue.awaiting.map((r) => referralRow(r, mayAllocate(r), actor)),
      allocated: queue.allocated.map((r) => referralRow(r, false, actor)),
      errorList: errorSummary(errors, ['referral', 'urgent']).map((e) => ({ ...e, href: '#referrals-awaiting' })),
    });
  }

  app.get('/referrals', { config: { permission: 'casework:view-referrals', audit: 'none' } }, async (request, reply) => renderQueue(request, reply));

  // Convening the strategy discussion a referral asks for: one transaction, audited by the use case
  // (child-protection.strategy-discussion.opened); convening again goes to the discussion already held.
  app.post(
    '/referrals/:referralId/strategy-discussion',
    { config: { permission: 'child-protection:record-enquiry', audit: 'child-protection.strategy-discussion.opened' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const referralId = uuidParam(request.params, 'referralId');
      const values = formStrings(request.body);
      try {
        const opened = await conveneStrategyDiscussionFromReferral(deps, requestContext(request), referralId, { urgent: values['urgent'] === 'yes' });
        return await reply.redirect(paths.strategyDiscussion(opened.strategyDiscussionId), 303);
      } catch (error) {
        if (error instanceof ValidationError) return renderQueue(request, reply.code(400), error.fieldErrors);
        throw error;
      }
    },
  );

  async function render(reply: FastifyReply, referralId: string, selected: string, errors: FieldErrors) {
    const page = await viewAllocation(deps, requestContext(reply.request), referralId);
    return reply.view('front-door/referrals/allocate.njk', {
      referral: referralRow(page.referral, true),
      version: page.referral.version,
      allocated: page.referral.status === 'allocated',
      action: paths.allocateReferral(referralId),
      team: page.team.name,
      target: page.target,
      workers: page.workers.map((w) => ({ ...w, stateText: STATE_TEXT[w.state] })),
      workerItems: page.workers.map((w) => ({
        value: w.userId,
        text: w.displayName,
        hint: { text: `${String(w.families)} ${w.families === 1 ? 'family' : 'families'} (${String(w.children)} ${w.children === 1 ? 'child' : 'children'})${page.target === null ? '' : `; target ${String(page.target.familiesPerWorker)}`}` },
        checked: selected === w.userId,
      })),
      errorList: errorSummary(errors, ['workerUserId']),
      errors: errorsByField(errors),
    });
  }

  const url = '/referrals/:referralId/allocate';
  app.get(url, { config: { permission: 'casework:allocate', audit: 'casework.referral.viewed' } }, async (request, reply) => render(reply, uuidParam(request.params, 'referralId'), '', {}));

  app.post(url, { config: { permission: 'casework:allocate', audit: 'casework.referral.allocated' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const referralId = uuidParam(request.params, 'referralId');
    const values = formStrings(request.body);
    const parsed = z.object({ workerUserId: z.uuid({ error: ALLOCATION_MESSAGES.worker }), version: z.number().int().positive({ error: ALLOCATION_MESSAGES.version }) }).safeParse({
      workerUserId: values['workerUserId'],
      version: Number(values['version']),
    });
    if (!parsed.success) return render(reply.code(400), referralId, values['workerUserId'] ?? '', { workerUserId: ALLOCATION_MESSAGES.worker });
    const location = `${paths.referrals()}?allocated=1`;
    try {
      await allocateReferral(deps, requestContext(request), referralId, parsed.data, submissionOf(request, parsed.data, location));
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), referralId, parsed.data.workerUserId, error.fieldErrors);
      if (error instanceof StaleVersionError) return render(reply.code(409), referralId, '', { workerUserId: ALLOCATION_MESSAGES.version });
      throw error;
    }
    return reply.redirect(location, 303);
  });
}
