import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MergedRecordError, viewChildRecord } from '../../../app/people/view-child-record.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError } from '../../../app/shared/errors.ts';
import { ageOn, parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { recordBody } from '../shared/record-view.ts';

export const childIdParams = z.object({ childId: z.uuid() });

export async function childRecordRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get(
    '/children/:childId',
    { config: { permission: 'people:view-child', audit: 'people.child-record.viewed' } },
    async (request, reply) => {
      const params = childIdParams.safeParse(request.params);
      if (!params.success) throw new NotFoundError('Child');
      try {
        const child = await viewChildRecord(options.deps, requestContext(request), params.data.childId);
        const today = todayInLondon(options.deps.clock.now());
        const age = child.dateOfBirth === null || today.isBefore(parseLocalDate(child.dateOfBirth)) ? null : ageOn(parseLocalDate(child.dateOfBirth), today);
        const query = formBody(request.query);
        return await reply.view('people/child-record/view.njk', {
          child,
          age,
          person: child.record.person,
          body: recordBody(child.record, today.toString()),
          created: query['created'] === '1',
          saved: query['saved'] === '1',
          merged: query['merged'] === '1',
        });
      } catch (error) {
        if (error instanceof MergedRecordError) return reply.redirect(paths.child(error.survivorId), 303);
        throw error;
      }
    },
  );
}
