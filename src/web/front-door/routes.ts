// The front door's pages (issue 5), registered with one line in src/web/server.ts.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { agencyCheckRoutes } from './agency-checks/routes.ts';
import { consentRoutes } from './consent/routes.ts';
import { contactRoutes } from './contact/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { decisionRoutes } from './decision/routes.ts';
import { earlyHelpReferralRoutes } from './early-help-referrals/routes.ts';
import { levelOfNeedRoutes } from './level-of-need/routes.ts';
import { linkPersonRoutes } from './link-person/routes.ts';
import { mashQueueRoutes } from './mash-queue/routes.ts';
import { newContactRoutes } from './new-contact/routes.ts';
import { referralFormRoutes } from './referral-form/routes.ts';
import { referralRoutes } from './referrals/routes.ts';
import { thresholdDiscussionRoutes } from './threshold-discussion/routes.ts';

export async function frontDoorRoutes(app: FastifyInstance, options: { deps: AppDeps; cookieSecure: boolean }): Promise<void> {
  const { deps } = options;
  await app.register(referralFormRoutes, { deps, cookieSecure: options.cookieSecure });
  await app.register(mashQueueRoutes, { deps });
  await app.register(newContactRoutes, { deps });
  await app.register(contactRoutes, { deps });
  await app.register(linkPersonRoutes, { deps });
  await app.register(consentRoutes, { deps });
  await app.register(agencyCheckRoutes, { deps });
  await app.register(levelOfNeedRoutes, { deps });
  await app.register(thresholdDiscussionRoutes, { deps });
  await app.register(decisionRoutes, { deps });
  await app.register(referralRoutes, { deps });
  await app.register(earlyHelpReferralRoutes, { deps });
  await app.register(dashboardRoutes, { deps });
}
