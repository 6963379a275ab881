// GET /people/:personId: an adult's record. A child's record has its own page, so a child's id
// here goes there.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MergedRecordError } from '../../../app/people/person-record-view.ts';
import { viewPersonRecord } from '../../../app/people/view-person-record.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError } from '../../../app/shared/errors.ts';
import { formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { recordBody } from '../shared/record-view.ts';

export const personIdParams = z.object({ personId: z.uuid() });

export async function personRecordRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get('/people/:personId', { config: { permission: 'people:view-child', audit: 'people.person-record.viewed' } }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    try {
      const page = await viewPersonRecord(options.deps, requestContext(request), params.data.personId);
      const query = formBody(request.query);
      if (page.kind === 'child') return await reply.redirect(`${paths.child(page.id)}${request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''}`, 303);
      return await reply.view('people/person-record/view.njk', {
        person: page.person,
        body: recordBody(page, todayInLondon(options.deps.clock.now()).toString()),
        created: query['created'] === '1',
        saved: query['saved'] === '1',
        merged: query['merged'] === '1',
      });
    } catch (error) {
      if (error instanceof MergedRecordError) return reply.redirect(paths.person(error.survivorId), 303);
      throw error;
    }
  });
}
