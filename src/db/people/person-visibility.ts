// Which person records an actor may see in a list or search. Children and unborn children follow
// the one children's filter (src/db/shared/visibility.ts); an ordinary adult record is visible to
// anyone whose role opens records (src/domain/people/person-access.ts says why); restricted and
// sealed adult records follow the children's rules, which need a named contact or grant.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

export function visiblePeople(actor: Actor, now: Date): (eb: ExpressionBuilder<Database, 'person'>) => Expression<SqlBool> {
  const children = visibleChildren(actor, now);
  return (eb) => {
    if (!can(actor, 'people:view-child')) return sql<SqlBool>`false`;
    return eb.or([eb.and([eb('person.personType', '=', 'adult'), eb('person.restriction', '=', 'none')]), children(eb)]);
  };
}
