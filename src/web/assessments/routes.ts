// The assessments module's pages on a child's record: the list, one assessment, the form to write it,
// the manager's authorisation, the letter to the child.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { assessmentPageRoutes } from './assessment/routes.ts';
import { authoriseAssessmentRoutes } from './authorise/routes.ts';
import { editAssessmentRoutes } from './edit/routes.ts';
import { assessmentListRoutes } from './list/routes.ts';

export async function assessmentsRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(assessmentListRoutes, options);
  await app.register(assessmentPageRoutes, options);
  await app.register(editAssessmentRoutes, options);
  await app.register(authoriseAssessmentRoutes, options);
}
