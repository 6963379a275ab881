import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { viewChildRecord } from '../../../app/people/view-child-record.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError } from '../../../app/shared/errors.ts';
import { ageOn, parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';

export const childIdParams = z.object({ childId: z.uuid() });

export async function childRecordRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get(
    '/children/:childId',
    { config: { permission: 'people:view-child', audit: 'people.child-record.viewed' } },
    async (request, reply) => {
      const params = childIdParams.safeParse(request.params);
      if (!params.success) throw new NotFoundError('Child');
      const child = await viewChildRecord(options.deps, requestContext(request), params.data.childId);
      const today = todayInLondon(options.deps.clock.now());
      const age = child.dateOfBirth === null ? null : ageOn(parseLocalDate(child.dateOfBirth), today);
      return reply.view('people/child-record/view.njk', { child, age });
    },
  );
}
