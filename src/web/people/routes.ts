// The people pages (issue 4, part A): search, add, a person's record, details, names, addresses,
// relationships, genogram, restriction, who viewed and merge. The child's summary page is
// registered on its own (child-record/routes.ts); the JSON API is in src/web/api/people.ts.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { personAddressRoutes } from './addresses/routes.ts';
import { createPersonRoutes } from './create/routes.ts';
import { editPersonRoutes } from './edit/routes.ts';
import { genogramRoutes } from './genogram/routes.ts';
import { mergeRoutes } from './merge/routes.ts';
import { personNameRoutes } from './names/routes.ts';
import { personRecordRoutes } from './person-record/routes.ts';
import { relationshipRoutes } from './relationships/routes.ts';
import { restrictionRoutes } from './restrict/routes.ts';
import { personSearchRoutes } from './search/routes.ts';
import { whoViewedRoutes } from './who-viewed/routes.ts';

export async function peopleRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  for (const routes of [personSearchRoutes, createPersonRoutes, personRecordRoutes, editPersonRoutes, personNameRoutes, personAddressRoutes, relationshipRoutes, genogramRoutes, restrictionRoutes, whoViewedRoutes, mergeRoutes]) {
    await app.register(routes, options);
  }
}
