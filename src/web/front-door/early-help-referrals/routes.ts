// Referrals to targeted early help made by the MASH (with the family's consent), waiting for the
// early help service. The early help journey itself is a later issue.
import type { FastifyInstance } from 'fastify';
import { viewEarlyHelpReferrals } from '../../../app/front-door/referrals.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';

export async function earlyHelpReferralRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/early-help-referrals', { config: { permission: 'front-door:view-queue', audit: 'none' } }, async (request, reply) => {
    const rows = await viewEarlyHelpReferrals(deps, requestContext(request));
    return reply.view('front-door/early-help-referrals/view.njk', {
      rows: rows.map((r) => ({
        child: r.childName,
        childHref: paths.child(r.childId),
        dateOfBirth: r.childDateOfBirth === null ? 'Not known' : formatLongDate(r.childDateOfBirth),
        referredOn: formatLongDate(r.referredOn),
        level: r.needLevel,
        // From a MASH contact, or stepped down from a child and family assessment (migration 0009).
        reference: r.reference ?? 'Stepped down from an assessment',
        contactHref: r.contactId !== null ? paths.contact(r.contactId) : r.assessmentId !== null ? paths.assessment(r.assessmentId) : null,
      })),
    });
  });
}
