// Allocate an early help referral to a worker in the early help team, by the team's manager or a
// MASH manager: starts the early help episode and puts the child with the worker.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { allocateEarlyHelpReferral, EARLY_HELP_ALLOCATION_MESSAGES, viewEarlyHelpAllocation } from '../../../app/early-help/queue.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { explainWellbeingAssessmentDue } from '../../../domain/early-help/timescales.ts';
import { formatLongDate, parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { submissionOf } from '../../shared/submission.ts';
import { dueView, formStrings, uuidParam } from '../../front-door/shared.ts';

export async function allocateEarlyHelpRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, referralId: string, selected: string, errors: FieldErrors, audit: boolean) {
    const page = await viewEarlyHelpAllocation(deps, requestContext(reply.request), referralId, { audit });
    const r = page.referral;
    return reply.view('early-help/allocate/view.njk', {
      referral: {
        ...r,
        referredOnText: formatLongDate(r.referredOn),
        dateOfBirthText: r.childDateOfBirth === null ? 'Not known' : formatLongDate(r.childDateOfBirth),
        childHref: paths.child(r.childId),
        contactHref: r.contactId === null ? null : paths.contact(r.contactId),
      },
      due: dueView(explainWellbeingAssessmentDue(parseLocalDate(r.referredOn))),
      team: page.team.name,
      action: paths.allocateEarlyHelp(referralId),
      workerItems: page.workers.map((w) => ({
        value: w.userId,
        text: w.displayName,
        hint: { text: `${String(w.openEpisodes)} open early help ${w.openEpisodes === 1 ? 'family' : 'families'}` },
        checked: selected === w.userId,
      })),
      errorList: errorSummary(errors, ['workerUserId']),
      errors: errorsByField(errors),
    });
  }

  const url = '/early-help/referrals/:earlyHelpReferralId/allocate';
  app.get(url, { config: { permission: 'early-help:allocate', audit: 'early-help.referral.viewed' } }, async (request, reply) =>
    render(reply, uuidParam(request.params, 'earlyHelpReferralId'), '', {}, true),
  );

  app.post(
    url,
    { config: { permission: 'early-help:allocate', audit: 'early-help.referral.allocated' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const referralId = uuidParam(request.params, 'earlyHelpReferralId');
      const values = formStrings(request.body);
      const parsed = z.object({ workerUserId: z.uuid({ error: EARLY_HELP_ALLOCATION_MESSAGES.worker }) }).safeParse({ workerUserId: values['workerUserId'] });
      if (!parsed.success) return render(reply.code(400), referralId, '', { workerUserId: EARLY_HELP_ALLOCATION_MESSAGES.worker }, false);
      try {
        const result = await allocateEarlyHelpReferral(deps, requestContext(request), referralId, parsed.data, submissionOf(request, parsed.data));
        return await reply.redirect(`${paths.earlyHelpQueue()}?allocated=${result.childId}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), referralId, parsed.data.workerUserId, error.fieldErrors, false);
        throw error;
      }
    },
  );
}
