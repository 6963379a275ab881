// The children whose pre-birth timeline "My work" lists (src/app/pre-birth/due-items.ts works out
// the open milestones): unborn children in scope, and children whose birth was recorded in Hearth on
// or after `bornSince` (the post-birth rules: issue the application, the post-birth review), with
// the milestones recorded for them. The children in scope have been through the visibility filter
// (src/db/work/children-in-scope-repository.ts).
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { ChildrenInScope } from '../work/children-in-scope-repository.ts';

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
}

export async function listPreBirthDueCandidates(trx: Transaction<Database>, inScope: ChildrenInScope, bornSince: string): Promise<PreBirthDueCandidate[]> {
  const candidates: ChildrenInScope['children'] = inScope.children.filter((c) => !c.merged && (c.personType === 'unborn' || c.personType === 'child'));
  if (candidates.length === 0) return [];
  const rows = await trx
    .selectFrom('person')
    .leftJoin('birthRecord', 'birthRecord.childId', 'person.id')
    .leftJoin('preBirthPlan', 'preBirthPlan.childId', 'person.id')
    .select([
      'person.id',
      'birthRecord.bornOn',
      'birthRecord.motherMedicallyFit',
      'birthRecord.expectedDateOfDelivery as eddAtBirth',
      'preBirthPlan.pregnancyConfirmedOn',
      // the milestones recorded, in the same statement
      sql<PreBirthDueCandidate['milestones']>`(select coalesce(json_agg(json_build_object('milestone', m.milestone, 'outcome', m.outcome, 'happenedOn', m.happened_on, 'reason', m.reason)), '[]'::json) from pre_birth_milestone m where m.child_id = person.id)`.as(
        'milestones',
      ),
    ])
    .where(sql<boolean>`person.id = any(${candidates.map((c) => c.childId)}::uuid[])`)
    .where('person.mergedIntoPersonId', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('person.personType', '=', 'unborn'), eb('person.expectedDateOfDelivery', 'is not', null)]),
        eb.and([eb('person.personType', '=', 'child'), eb('birthRecord.bornOn', '>=', bornSince)]),
      ]),
    )
    .execute();
  const found = new Map(rows.map((r) => [r.id, r]));
  // in the scope's order (by child name)
  return candidates.flatMap((c) => {
    const r = found.get(c.childId);
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
      },
    ];
  });
}
