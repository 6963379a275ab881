// The children whose pre-birth timeline "My work" lists (src/app/pre-birth/due-items.ts works out
// the open milestones): unborn children in scope, and children whose birth was recorded in Hearth on
// or after `bornSince` (the post-birth rules: issue the application, the post-birth review), with
// the milestones recorded for them. The children in scope have been through the visibility filter
// (src/db/work/children-in-scope-repository.ts), and whether their latest strategy discussion is held.
import { sql } from 'kysely';
import { IN_SCOPE, type ChildrenInScope, type ScopedRead } from '../work/children-in-scope-repository.ts';

export interface PreBirthDueCandidate {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly expectedDateOfDelivery: string | null;
  readonly teamName: string;
  readonly workerName: string | null;
  readonly bornOn: string | null;
  readonly motherMedicallyFit: boolean | null;
  readonly eddAtBirth: string | null;
  readonly pregnancyConfirmedOn: string | null;
  readonly milestones: readonly {
    readonly milestone: string;
    readonly outcome: 'done' | 'not_required';
    readonly happenedOn: string | null;
    readonly reason: string | null;
  }[];
  /** The status of the child's latest strategy discussion (by date opened), if any. */
  readonly strategyDiscussion: 'to_be_held' | 'held' | null;
}

type CandidateColumns = Pick<
  PreBirthDueCandidate,
  'id' | 'bornOn' | 'motherMedicallyFit' | 'eddAtBirth' | 'pregnancyConfirmedOn' | 'milestones' | 'strategyDiscussion'
>;

/**
 * The candidates among the children in scope (not merged, unborn with an expected date of delivery,
 * or born on or after `bornSince`), with their milestones and their latest strategy discussion's
 * status: a read for the page's one statement.
 */
export function preBirthDueRead(bornSince: string): ScopedRead {
  return sql`(select coalesce(json_agg(json_build_object('id', person.id, 'bornOn', b.born_on, 'motherMedicallyFit', b.mother_medically_fit,
      'eddAtBirth', b.expected_date_of_delivery, 'pregnancyConfirmedOn', pp.pregnancy_confirmed_on,
      'milestones', (select coalesce(json_agg(json_build_object('milestone', m.milestone, 'outcome', m.outcome, 'happenedOn', m.happened_on, 'reason', m.reason)), '[]'::json)
        from pre_birth_milestone m where m.child_id = person.id),
      'strategyDiscussion', (select sd.status from strategy_discussion_child sdc join strategy_discussion sd on sd.id = sdc.strategy_discussion_id
        where sdc.child_id = person.id order by sd.opened_on desc, sd.created_at desc limit 1))), '[]'::json)
    from person left join birth_record b on b.child_id = person.id left join pre_birth_plan pp on pp.child_id = person.id
    where person.id = ${IN_SCOPE} and person.merged_into_person_id is null
      and ((person.person_type = 'unborn' and person.expected_date_of_delivery is not null)
        or (person.person_type = 'child' and b.born_on >= ${bornSince})))`;
}

/** What preBirthDueRead returned, in the scope's order (by child name). */
export function preBirthDueCandidatesOf(rows: readonly unknown[], inScope: ChildrenInScope): PreBirthDueCandidate[] {
  if (rows.length === 0) return [];
  const found = new Map((rows as readonly CandidateColumns[]).map((r) => [r.id, r]));
  return inScope.children.flatMap((c) => {
    const r = c.merged || (c.personType !== 'unborn' && c.personType !== 'child') ? undefined : found.get(c.childId);
    if (r === undefined) return [];
    return [
      {
        id: c.childId,
        givenName: c.givenName,
        familyName: c.familyName,
        expectedDateOfDelivery: c.expectedDateOfDelivery,
        teamName: c.teamName,
        workerName: c.workerName,
        bornOn: r.bornOn,
        motherMedicallyFit: r.motherMedicallyFit,
        eddAtBirth: r.eddAtBirth,
        pregnancyConfirmedOn: r.pregnancyConfirmedOn,
        milestones: r.milestones,
        strategyDiscussion: r.strategyDiscussion,
      },
    ];
  });
}
