// The floor: the same reads a page makes, issued as plain SQL through the server's own pool (or its
// PGlite instance) at the same concurrency, with no HTTP, no session handling in JavaScript, no
// transaction, no audit write and no template. Run inside the server process (bench/server.ts).
import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { summarise, type RunFigures } from './stats.ts';

export interface RawTarget {
  readonly token: string;
  readonly childId?: string;
  readonly managedTeamIds?: readonly string[];
}

export interface RawRequest {
  readonly kind: 'case' | 'my-work';
  /** Also append to the audit chain in a transaction, as the case page does (diagnosis only). */
  readonly withAudit?: boolean;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly targets: readonly RawTarget[];
}

// The statements the pages make since they were combined (src/db/auth/session-repository.ts
// findSessionWithUser; src/db/people/person-repository.ts findPersonWithAccessFacts and the record's
// content read, which since 24 November also carries the related people): the floor follows the page's round trips, so the ratio stays a like-for-like one.
const SESSION = `select s.user_id, s.idle_expires_at, s.absolute_expires_at, s.last_seen_at, s.ended_at, u.active, u.display_name,
    coalesce((select json_agg(r.role) from user_role r where r.user_id = u.id), '[]'::json) as roles,
    coalesce((select json_agg(json_build_object('teamId', t.id, 'isManager', tm.is_manager, 'teamName', t.name) order by t.name)
                from team_membership tm join team t on t.id = tm.team_id where tm.user_id = u.id), '[]'::json) as teams
  from session s join app_user u on u.id = s.user_id where s.token_hash = $1`;
const FACTS = `select p.id, p.person_type, p.given_name, p.family_name, p.date_of_birth, p.expected_date_of_delivery, p.gender, p.nhs_number,
    p.address_line1, p.town, p.postcode, p.restriction, p.restriction_contact_user_id, c.display_name as contact_name, p.merged_into_person_id, p.version,
    (select a.worker_user_id from allocation a where a.child_id = p.id and a.ended_on is null limit 1) as allocated_worker_id,
    (select a.team_id from allocation a where a.child_id = p.id and a.ended_on is null limit 1) as allocated_team_id,
    coalesce((select json_agg(g.user_id) from access_grant g where g.person_id = p.id and g.revoked_at is null and (g.expires_at is null or g.expires_at > now())), '[]'::json) as granted
  from person p left join app_user c on c.id = p.restriction_contact_user_id where p.id = $1`;
// The content statement of src/db/people/child-record-repository.ts loadChildPageContent: the identity
// bar (allocation, family, child protection plans), related people with the visibility filter, other
// names, addresses and merged records, each a JSON column.
const CONTENT = `select
    (select json_build_object('teamName', t.name, 'workerName', u.display_name, 'startedOn', a.started_on) from allocation a
      join team t on t.id = a.team_id left join app_user u on u.id = a.worker_user_id where a.child_id = $1 and a.ended_on is null limit 1) as allocation,
    coalesce((select json_agg(json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name, 'relationship', r.relationship,
        'parentalResponsibility', r.parental_responsibility, 'livesWith', r.lives_with) order by r.relationship, p.family_name)
      from person_relationship r join person p on p.id = r.related_person_id where r.person_id = $1 and p.restriction = 'none' and p.merged_into_person_id is null), '[]'::json) as family,
    coalesce((select json_agg(json_build_object('startedOn', c.started_on, 'endedOn', c.ended_on, 'category', c.latest_category) order by c.started_on)
      from cp_plan c where c.child_id = $1), '[]'::json) as protection_plans,
    coalesce((select json_agg(json_build_object('relatedPersonId', r.related_person_id, 'relationship', r.relationship, 'givenName', person.given_name,
        'familyName', person.family_name, 'dateOfBirth', person.date_of_birth, 'restriction', person.restriction,
        'visible', (person.restriction = 'none' or exists (select 1 from access_grant g where g.person_id = person.id and g.user_id = $2 and g.revoked_at is null)))
        order by r.relationship, person.date_of_birth, person.family_name)
      from person_relationship r join person on person.id = r.related_person_id where r.person_id = $1 and person.merged_into_person_id is null), '[]'::json) as related,
    coalesce((select json_agg(json_build_object('givenName', n.given_name, 'familyName', n.family_name, 'nameType', n.name_type) order by n.used_from desc nulls last)
      from person_name n where n.person_id = $1), '[]'::json) as names,
    coalesce((select json_agg(json_build_object('postcode', pa.postcode, 'movedIn', pa.moved_in) order by pa.is_current desc, pa.moved_in desc nulls last)
      from person_address pa where pa.person_id = $1), '[]'::json) as addresses,
    coalesce((select json_agg(json_build_object('id', m.id, 'mergedAt', m.merged_at)) from person m where m.merged_into_person_id = $1), '[]'::json) as merged_from`;
/** The caseload query of src/db/work/caseload-repository.ts with the visibility filter of src/db/shared/visibility.ts. */
const CASELOAD = (scope: string) => `select p.id, p.given_name, p.family_name, p.date_of_birth, p.person_type, t.name as team_name,
  u.display_name as worker_name, a.started_on
  from allocation a join person p on p.id = a.child_id join team t on t.id = a.team_id left join app_user u on u.id = a.worker_user_id
  where a.ended_on is null and (
    (p.restriction = 'sealed' and exists (select 1 from access_grant g where g.person_id = p.id and g.user_id = $1 and g.revoked_at is null and (g.expires_at is null or g.expires_at > now())))
    or (p.restriction = 'restricted' and (exists (select 1 from allocation x where x.child_id = p.id and x.ended_on is null and x.worker_user_id = $1)
        or p.restriction_contact_user_id = $1
        or exists (select 1 from access_grant g where g.person_id = p.id and g.user_id = $1 and g.revoked_at is null and (g.expires_at is null or g.expires_at > now()))))
    or (p.restriction = 'none' and (exists (select 1 from allocation x where x.child_id = p.id and x.ended_on is null and x.worker_user_id = $1)
        or exists (select 1 from allocation x where x.child_id = p.id and x.ended_on is null and x.team_id = any($2::uuid[]))
        or exists (select 1 from access_grant g where g.person_id = p.id and g.user_id = $1 and g.revoked_at is null and (g.expires_at is null or g.expires_at > now()))))
  ) and ${scope} order by p.family_name, p.given_name limit 200`;
const CASELOAD_MINE = CASELOAD('a.worker_user_id = $1');
const CASELOAD_TEAMS = CASELOAD('a.team_id = any($3::uuid[])');

const q = (db: Kysely<Database>, text: string, params: readonly unknown[]) => db.executeQuery(CompiledQuery.raw(text, [...params]));

async function actorReads(db: Kysely<Database>, token: string): Promise<{ userId: string; teamIds: string[] }> {
  const session = await q(db, SESSION, [createHash('sha256').update(token).digest('hex')]);
  const row = session.rows[0] as { userId?: string; teams?: { teamId: string }[] } | undefined;
  if (row?.userId === undefined) throw new Error('no session');
  return { userId: row.userId, teamIds: (row.teams ?? []).map((t) => t.teamId) };
}

async function casePage(db: Kysely<Database>, target: RawTarget, withAudit: boolean): Promise<void> {
  const { userId } = await actorReads(db, target.token);
  const childId = target.childId ?? '';
  const reads = async (run: Kysely<Database>) => {
    await q(run, FACTS, [childId]);
    await q(run, CONTENT, [childId, userId]);
  };
  if (!withAudit) {
    await reads(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    await reads(trx);
    // The append as src/db/shared/audit-repository.ts makes it: one statement that advances the head
    // (hashing in PostgreSQL) and inserts the event, holding the head lock until the commit.
    await q(trx, `with head as (update audit_chain_head set seq = seq + 1, prev_hash = hash,
        hash = encode(sha256(convert_to(hash || '["' || (seq + 1)::text || '",' || $1::text, 'UTF8')), 'hex') where id = 1 returning seq, prev_hash, hash)
      insert into audit_event (seq, occurred_at, actor_user_id, actor_label, action, outcome, subject_type, subject_id, child_id, prev_hash, hash, changes)
      select head.seq, now(), null, 'bench', 'bench.raw.viewed', 'success', 'person', $2::text, $3::uuid, head.prev_hash, head.hash, '{}' from head`, [`"bench ${childId}"]`, childId, childId]);
  });
}

async function myWork(db: Kysely<Database>, target: RawTarget): Promise<void> {
  const { userId, teamIds } = await actorReads(db, target.token);
  const managed = target.managedTeamIds ?? [];
  await Promise.all([q(db, CASELOAD_MINE, [userId, teamIds]), managed.length === 0 ? Promise.resolve() : q(db, CASELOAD_TEAMS, [userId, teamIds, managed])]);
}

export async function runRaw(db: Kysely<Database>, request: RawRequest): Promise<RunFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const until = performance.now() + request.durationMs;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < until) {
      const target = request.targets[next++ % request.targets.length];
      if (target === undefined) return;
      const t0 = performance.now();
      try {
        if (request.kind === 'case') await casePage(db, target, request.withAudit === true);
        else await myWork(db, target);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: request.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { rps: latencies.length / seconds, ...summarise(latencies), errors, non2xx: 0, requests: latencies.length, ...(firstError === undefined ? {} : { firstError }) };
}
