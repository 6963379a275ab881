// The genogram: the family drawn from the recorded relationships as server-rendered SVG (no
// JavaScript), with a title and description for screen readers and the same people as a table.
import type { FastifyInstance } from 'fastify';
import { MergedRecordError } from '../../../app/people/person-record-view.ts';
import { viewGenogram } from '../../../app/people/view-family.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { SYMBOL } from '../../../domain/people/genogram.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { PERSON_PREFIXES, personIdFrom } from '../relationships/routes.ts';
import { ageText } from '../shared/person-view.ts';

export async function genogramRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  for (const { prefix, param, view } of PERSON_PREFIXES) {
    app.get(`${prefix}/genogram`, { config: { permission: 'people:view-child', audit: view } }, async (request, reply) => {
      const personId = personIdFrom(request, param);
      try {
        const family = await viewGenogram(deps, requestContext(request), personId);
        const isChild = family.person.personType !== 'adult';
        return await reply.view('people/genogram/view.njk', {
          person: family.person,
          child: family.header,
          age: family.header === null ? null : ageText(family.header.dateOfBirth, todayInLondon(deps.clock.now()).toString()),
          section: 'genogram',
          genogram: family.genogram,
          half: SYMBOL / 2,
          recordHref: paths.record(personId, isChild),
          relationshipsHref: paths.relationships(personId, isChild),
        });
      } catch (error) {
        if (error instanceof MergedRecordError) return reply.redirect(paths.genogram(error.survivorId, param === 'childId'), 303);
        throw error;
      }
    });
  }
}
