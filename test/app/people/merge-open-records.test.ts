// Merging two records that both hold a record of work a child can only have one of (an open child in
// need episode, an active plan...) is refused with what to do first, and nothing is written; records a
// child may hold more than one of (assessments) move to the survivor. Was a 500 (unique violation, or a
// foreign key violation when the "duplicate" row was removed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { mergePeople, previewMerge } from '../../../src/app/people/merge-people.ts';
import { ValidationError } from '../../../src/app/shared/errors.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestAuthority();
});
afterAll(async () => {
  await database.close();
});

const db = () => database.handle.db;
const version = async (id: string) => (await db().selectFrom('person').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

/** Two distinct, unrestricted, unmerged children who both hold a row matching `where` in `table`. */
async function twoChildrenWith(table: string, where: string, column = 'child_id'): Promise<[string, string]> {
  const rows = await sql<{ id: string }>`
    select distinct p.id from person p join ${sql.table(table)} t on t.${sql.ref(column)} = p.id
    where p.restriction = 'none' and p.merged_into_person_id is null and p.person_type <> 'adult' and ${sql.raw(where)}
    order by p.id`.execute(db());
  const [a, b] = rows.rows.map((r) => r.id);
  if (a === undefined || b === undefined) throw new Error(`the demo authority needs two children with ${table} (${where})`);
  return [a, b];
}

async function tryMerge(survivorId: string, mergedId: string) {
  const ctx = await contextFor(database, DEMO_USER_IDS.mashManager);
  return mergePeople(database.deps, ctx, {
    survivorId,
    mergedId,
    survivorVersion: await version(survivorId),
    mergedVersion: await version(mergedId),
    reason: 'Same child recorded twice',
  }).catch((e: unknown) => e);
}

async function expectRefused(survivorId: string, mergedId: string, message: RegExp) {
  const mergesBefore = (await auditRows(database, 'people.person.merged')).length;
  const preview = await previewMerge(database.deps, await contextFor(database, DEMO_USER_IDS.mashManager), survivorId, mergedId);
  expect(preview.blockedBy).toMatch(message);
  const error = await tryMerge(survivorId, mergedId);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).fieldErrors['mergedId']).toMatch(message);
  const still = await db().selectFrom('person').select(['mergedIntoPersonId']).where('id', '=', mergedId).executeTakeFirstOrThrow();
  expect(still.mergedIntoPersonId).toBeNull();
  expect(await auditRows(database, 'people.person.merged')).toHaveLength(mergesBefore);
}

describe('merging two records that both hold open records', () => {
  it('refuses when both have an open child in need episode, saying to close one first; nothing moves', async () => {
    const [a, b] = await twoChildrenWith('cin_episode', 't.closed_on is null');
    const episodesBefore = await db().selectFrom('cinEpisode').select(['id', 'childId']).where('childId', '=', b).execute();
    await expectRefused(a, b, /Both records have an open child in need episode\. Close the episode on one record first/);
    expect(await db().selectFrom('cinEpisode').select(['id', 'childId']).where('childId', '=', b).execute()).toEqual(episodesBefore);
  });

  it('refuses when both have an open child in need plan (episodes already closed on one side)', async () => {
    const [a, b] = await twoChildrenWith('cin_plan', "t.status <> 'ended'");
    await db()
      .updateTable('cinEpisode')
      .set((eb) => ({ closedOn: eb.ref('startedOn'), closureReason: 'RC8' as const, closedAt: new Date() }))
      .where('childId', '=', b)
      .where('closedOn', 'is', null)
      .execute();
    await expectRefused(a, b, /open child in need plan\. End the plan on one record first/);
  });

  it('refuses when both have an open early help episode', async () => {
    const [a, b] = await twoChildrenWith('early_help_episode', "t.status = 'open'");
    await expectRefused(a, b, /open early help episode/);
  });

  it('refuses when both have an initial child protection conference to be held', async () => {
    const [a, b] = await twoChildrenWith('cp_conference', "t.status = 'to_be_held' and t.kind = 'initial'");
    await expectRefused(a, b, /initial child protection conference waiting to be held/);
  });

  it('refuses when both have an active child protection plan', async () => {
    const [a, b] = await twoChildrenWith(
      'cp_plan',
      "t.status = 'active' and not exists (select 1 from cin_episode e where e.child_id = p.id and e.closed_on is null) and not exists (select 1 from cin_plan c where c.child_id = p.id and c.status <> 'ended')",
    );
    await expectRefused(a, b, /active child protection plan/);
  });

  it('refuses when both unborn records have a pre-birth plan', async () => {
    const [a, b] = await twoChildrenWith('pre_birth_plan', 'true');
    await expectRefused(a, b, /pre-birth plan/);
  });

  it('refuses when both are children in the same strategy discussion (a section 47 enquiry may hang on each place)', async () => {
    const [a, b] = await twoChildrenWith('early_help_episode', "t.status <> 'open'").catch(async () => twoChildrenWith('assessment', 'true'));
    const discussion = await db().selectFrom('strategyDiscussion').select('id').orderBy('id').executeTakeFirstOrThrow();
    for (const child of [a, b]) {
      await db().deleteFrom('strategyDiscussionChild').where('childId', '=', child).where('strategyDiscussionId', '=', discussion.id).execute();
    }
    const added = (childId: string) => ({ strategyDiscussionId: discussion.id, childId, sourceKind: 'child-record' as const, addedAt: new Date() });
    await db()
      .insertInto('strategyDiscussionChild')
      .values([added(a), added(b)])
      .execute();
    const error = await tryMerge(a, b);
    // Whatever else the two demo children hold, the merge is refused with a reason, never a 500.
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors['mergedId']).toMatch(/^Both records /);
  });

  it('names the table for a rule added by a later journey, rather than dropping the row', async () => {
    await database.handle.exec(`create table merge_clash_probe (id serial primary key, child_id uuid not null references person (id), open boolean not null)`);
    await database.handle.exec(`create unique index merge_clash_probe_one_open on merge_clash_probe (child_id) where open`);
    const [a, b] = await twoChildrenWith('assessment', 'true');
    await database.handle.exec(`insert into merge_clash_probe (child_id, open) values ('${a}', true), ('${b}', true)`);
    await expectRefused(a, b, /Both records have a merge clash probe record/);
    await database.handle.exec(`drop table merge_clash_probe`);
  });

  it('moves open assessments from both records onto the survivor (a child may have more than one)', async () => {
    const open =
      "t.status in ('in_progress', 'awaiting_authorisation') and not exists (select 1 from cp_plan c where c.child_id = p.id and c.status = 'active')" +
      " and not exists (select 1 from cin_episode e where e.child_id = p.id and e.closed_on is null) and not exists (select 1 from early_help_episode h where h.child_id = p.id and h.status = 'open')";
    const rows = await sql<{
      id: string;
    }>`select distinct t.child_id as id from assessment t join person p on p.id = t.child_id where p.restriction = 'none' and ${sql.raw(open)}`.execute(db());
    const found = rows.rows.map((r) => r.id);
    const a = found[0];
    let b = found[1];
    if (b === undefined) {
      // The demo authority has one such child: a second open assessment, for another child, copied from it.
      const other = await db()
        .selectFrom('person')
        .select('id')
        .where('personType', '=', 'child')
        .where('restriction', '=', 'none')
        .where('id', '<>', a ?? '')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('assessment').select('id').whereRef('assessment.childId', '=', 'person.id'))))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('cpPlan').select('id').whereRef('cpPlan.childId', '=', 'person.id'))))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('cinEpisode').select('id').whereRef('cinEpisode.childId', '=', 'person.id'))))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('earlyHelpEpisode').select('id').whereRef('earlyHelpEpisode.childId', '=', 'person.id'))))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('preBirthPlan').select('childId').whereRef('preBirthPlan.childId', '=', 'person.id'))))
        .where('mergedIntoPersonId', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      b = other.id;
    }
    expect(a).toBeDefined();
    const before = await db()
      .selectFrom('assessment')
      .select('id')
      .where('childId', 'in', [a as string, b])
      .execute();
    const result = await tryMerge(a as string, b);
    expect(result).not.toBeInstanceOf(Error);
    const after = await db()
      .selectFrom('assessment')
      .select('id')
      .where('childId', '=', a as string)
      .execute();
    expect(after.length).toBe(before.length);
  });
});
