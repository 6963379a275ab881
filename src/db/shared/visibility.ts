// The one visibility filter every list or search of children applies (CONVENTIONS.md 6), so a
// caseload, a search or a count can never show what the record page would refuse. It mirrors
// domain/shared/access/child-record-policy.ts for reading: sealed records only for named grants;
// restricted ones for the allocated worker, the named contact and named grants; ordinary ones for
// the allocated worker, the allocated team, named grants and cross-case roles.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { CROSS_CASE_ROLES } from '../../domain/shared/access/roles.ts';
import type { Database } from '../schema.ts';

export function visibleChildren(
  actor: Actor,
  now: Date,
): (eb: ExpressionBuilder<Database, 'person'>) => Expression<SqlBool> {
  return (eb) => {
    if (!can(actor, 'people:view-child')) return sql<SqlBool>`false`;
    const teamIds = actor.teams.map((t) => t.teamId);
    const crossCase = actor.roles.some((r) => CROSS_CASE_ROLES.includes(r));
    const grant = eb.exists(
      eb
        .selectFrom('accessGrant as g')
        .select(sql`1`.as('one'))
        .whereRef('g.personId', '=', 'person.id')
        .where('g.userId', '=', actor.userId)
        .where('g.revokedAt', 'is', null)
        .where((w) => w.or([w('g.expiresAt', 'is', null), w('g.expiresAt', '>', now)])),
    );
    const allocatedToMe = eb.exists(
      eb
        .selectFrom('allocation as a')
        .select(sql`1`.as('one'))
        .whereRef('a.childId', '=', 'person.id')
        .where('a.endedOn', 'is', null)
        .where('a.workerUserId', '=', actor.userId),
    );
    const allocatedToMyTeam =
      teamIds.length === 0
        ? sql<SqlBool>`false`
        : eb.exists(
            eb
              .selectFrom('allocation as a')
              .select(sql`1`.as('one'))
              .whereRef('a.childId', '=', 'person.id')
              .where('a.endedOn', 'is', null)
              .where('a.teamId', 'in', teamIds),
          );
    return eb.or([
      eb.and([eb('person.restriction', '=', 'sealed'), grant]),
      eb.and([
        eb('person.restriction', '=', 'restricted'),
        eb.or([allocatedToMe, eb('person.restrictionContactUserId', '=', actor.userId), grant]),
      ]),
      eb.and([
        eb('person.restriction', '=', 'none'),
        crossCase ? sql<SqlBool>`true` : eb.or([allocatedToMe, allocatedToMyTeam, grant]),
      ]),
    ]);
  };
}
