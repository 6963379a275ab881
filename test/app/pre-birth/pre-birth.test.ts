import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewChronology } from '../../../src/app/chronology/view-chronology.ts';
import { conveneStrategyDiscussionForChild } from '../../../src/app/child-protection/convene-strategy-discussion.ts';
import { preBirthDueItems } from '../../../src/app/pre-birth/due-items.ts';
import { viewPreBirthPlan } from '../../../src/app/pre-birth/pre-birth-plan.ts';
import { recordBirth } from '../../../src/app/pre-birth/record-birth.ts';
import { recordFgcReferral, recordMilestone, recordPregnancyDetails } from '../../../src/app/pre-birth/record-pre-birth.ts';
import { AccessRefusedError, NotFoundError, ValidationError } from '../../../src/app/shared/errors.ts';
import { DUE_ITEM_SOURCES } from '../../../src/app/work/due-item-sources.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_PRE_BIRTH_IDS } from '../../../src/db/seed/demo-pre-birth.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { auditRows, contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
const aMessage = expect.any(String) as unknown;
// Monday 23 November 2026, 10:00 in London.
const NOW = new Date('2026-11-23T10:00:00Z');
// EDD 1 June 2027: week 12 is Tuesday 17 November 2026, week 19 Tuesday 5 January 2027.
const EDD = '2027-06-01';

async function newUnborn(familyName: string): Promise<string> {
  const db = database.handle.db;
  const { id } = await db
    .insertInto('person')
    .values({ personType: 'unborn', givenName: 'Baby', familyName, expectedDateOfDelivery: EDD, createdAt: NOW, updatedAt: NOW })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db.selectFrom('team').select('id').where('code', '=', 'FST_NORTH').executeTakeFirstOrThrow();
  await db.insertInto('allocation').values({ childId: id, teamId: team.id, workerUserId: DEMO_USER_IDS.socialWorker, startedOn: '2026-11-01' }).execute();
  return id;
}

const worker = () => contextFor(database, DEMO_USER_IDS.socialWorker);
const count = async (table: 'preBirthMilestone' | 'preBirthPlan' | 'birthRecord', childId: string) =>
  Number(
    (
      await database.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('childId', '=', childId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = await createTestAuthority();
  database.clock.set(NOW);
});
afterAll(async () => {
  await database.close();
});

describe('the pre-birth plan page', () => {
  it('works out every milestone from the EDD, and audits the view', async () => {
    const childId = await newUnborn('Penhallow');
    const page = await viewPreBirthPlan(database.deps, await worker(), childId);
    expect(page.plan?.rows.map((r) => [r.ruleId, r.dueOn.toString()]).slice(0, 3)).toEqual([
      ['PB-01', '2026-11-17'],
      ['PB-02', '2026-11-24'],
      ['PB-03', '2027-01-05'],
    ]);
    expect(page.plan?.gestationWeeks).toBe(12);
    expect(page.plan?.route.route).toBe('mash');
    expect(page.plan?.fgcPrompted).toBe(false);
    expect(page.mayChange).toBe(true);
    expect((await auditRows(database, 'pre-birth.plan.viewed')).at(-1)).toMatchObject({
      subjectId: childId,
      childId,
      actorUserId: DEMO_USER_IDS.socialWorker,
      outcome: 'success',
    });
  });

  it('says there is no plan for a child whose record did not begin unborn', async () => {
    const page = await viewPreBirthPlan(database.deps, await worker(), DEMO_CHILD_IDS.allocated);
    expect(page.plan).toBeNull();
    await expect(
      recordMilestone(database.deps, await worker(), DEMO_CHILD_IDS.allocated, { milestone: 'visit', outcome: 'done', happenedOn: '2026-11-20' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a worker in another team, and audits the refusal', async () => {
    const childId = await newUnborn('Trevithick');
    await expect(viewPreBirthPlan(database.deps, await contextFor(database, DEMO_USER_IDS.otherTeamWorker), childId)).rejects.toBeInstanceOf(
      AccessRefusedError,
    );
    expect((await auditRows(database, 'access.record.refused')).at(-1)).toMatchObject({ childId, outcome: 'refused' });
  });
});

describe('pregnancy dates and late confirmation', () => {
  it('expedites the assessment to 15 working days when the pregnancy is confirmed after the 12-week point', async () => {
    const childId = await newUnborn('Rosewarne');
    await recordPregnancyDetails(database.deps, await worker(), childId, { pregnancyConfirmedOn: '2026-11-16', previousProceedingsEndedOn: '' });
    // the 12-week point is 17 November: confirmed on the 16th is not late
    let page = await viewPreBirthPlan(database.deps, await worker(), childId);
    expect(page.plan?.rows.find((r) => r.key === 'assessment')?.ruleId).toBe('PB-03');
    database.clock.set(new Date('2026-12-10T10:00:00Z'));
    await recordPregnancyDetails(database.deps, await worker(), childId, { pregnancyConfirmedOn: '2026-12-10', previousProceedingsEndedOn: '2026-03-31' });
    page = await viewPreBirthPlan(database.deps, await worker(), childId);
    database.clock.set(NOW);
    const assessment = page.plan?.rows.find((r) => r.key === 'assessment');
    // 15 working days from Thursday 10 December 2026 over Christmas, Boxing Day (substitute 28th) and New Year
    expect([assessment?.ruleId, assessment?.dueOn.toString()]).toEqual(['ASS-07', '2027-01-05']);
    expect(page.plan?.lateConfirmation).toBe(true);
    expect(page.plan?.route).toMatchObject({ route: 'family_support' });
    const audit = (await auditRows(database, 'pre-birth.details.recorded')).at(-1);
    expect(audit?.changes).toMatchObject({
      pregnancyConfirmedOn: { from: '2026-11-16', to: '2026-12-10' },
      previousProceedingsEndedOn: { from: null, to: '2026-03-31' },
    });
  });

  it('refuses a date in the future, writing nothing', async () => {
    const childId = await newUnborn('Nancarrow');
    await expect(recordPregnancyDetails(database.deps, await worker(), childId, { pregnancyConfirmedOn: '2026-11-24' })).rejects.toMatchObject({
      fieldErrors: { pregnancyConfirmedOn: aMessage },
    });
    expect(await count('preBirthPlan', childId)).toBe(0);
  });
});

describe('recording milestones and the FGC referral prompt', () => {
  it('records a milestone done, then prompts the FGC referral after the assessment until it is declined with a reason', async () => {
    const childId = await newUnborn('Polglase');
    await recordMilestone(database.deps, await worker(), childId, { milestone: 'assessment', outcome: 'done', happenedOn: '2026-11-20' });
    let page = await viewPreBirthPlan(database.deps, await worker(), childId);
    expect(page.plan?.rows.find((r) => r.key === 'assessment')).toMatchObject({ status: 'done', onTime: true });
    expect(page.plan?.fgcPrompted).toBe(true);
    await expect(recordFgcReferral(database.deps, await worker(), childId, { outcome: 'declined', decidedOn: '2026-11-21', reason: '' })).rejects.toMatchObject(
      { fieldErrors: { reason: aMessage } },
    );
    await recordFgcReferral(database.deps, await worker(), childId, {
      outcome: 'declined',
      decidedOn: '2026-11-21',
      reason: 'Mother does not want wider family told yet',
    });
    page = await viewPreBirthPlan(database.deps, await worker(), childId);
    expect(page.plan?.fgcPrompted).toBe(false);
    expect(page.plan?.fgc).toEqual({ outcome: 'declined', decidedOn: '2026-11-21', reason: 'Mother does not want wider family told yet' });
    expect((await auditRows(database, 'pre-birth.milestone.recorded')).at(-1)?.changes).toMatchObject({
      milestone: 'assessment',
      ruleId: 'PB-03',
      before: null,
      after: { outcome: 'done', happenedOn: '2026-11-20' },
    });
    expect((await auditRows(database, 'pre-birth.fgc.recorded')).at(-1)?.changes).toMatchObject({
      fgcOutcome: { from: null, to: 'declined' },
      reasonGiven: true,
    });
  });

  it('records a conditional milestone as not required with a reason, and refuses that for the assessment', async () => {
    const childId = await newUnborn('Chegwidden');
    await recordMilestone(database.deps, await worker(), childId, { milestone: 'strategy', outcome: 'not_required', reason: 'No significant harm concerns' });
    const page = await viewPreBirthPlan(database.deps, await worker(), childId);
    expect(page.plan?.rows.find((r) => r.key === 'strategy')?.status).toBe('not_required');
    await expect(
      recordMilestone(database.deps, await worker(), childId, { milestone: 'assessment', outcome: 'not_required', reason: 'x' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      recordMilestone(database.deps, await worker(), childId, { milestone: 'issue_application', outcome: 'done', happenedOn: '2026-11-20' }),
    ).rejects.toMatchObject({ fieldErrors: { milestone: aMessage } });
    await expect(
      recordMilestone(database.deps, await worker(), childId, { milestone: 'visit', outcome: 'done', happenedOn: '2026-11-24' }),
    ).rejects.toMatchObject({ fieldErrors: { happenedOn: aMessage } });
    await expect(
      recordMilestone(database.deps, await worker(), childId, { milestone: 'nonsense', outcome: 'done', happenedOn: '2026-11-20' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await count('preBirthMilestone', childId)).toBe(1);
  });

  it('refuses a performance officer (who changes nothing)', async () => {
    const childId = await newUnborn('Carlyon');
    await expect(
      recordMilestone(database.deps, await contextFor(database, DEMO_USER_IDS.performanceOfficer), childId, {
        milestone: 'visit',
        outcome: 'done',
        happenedOn: '2026-11-20',
      }),
    ).rejects.toBeInstanceOf(AccessRefusedError);
    expect(await count('preBirthMilestone', childId)).toBe(0);
  });
});

describe('recording the birth', () => {
  const birth = {
    bornOn: '2026-11-20',
    timeOfBirth: '4:05',
    sex: 'female',
    givenName: 'Elowen',
    familyName: 'Trebilcock',
    nhsNumber: '943 476 5919',
    motherMedicallyFit: false,
  };

  it('converts the unborn record into the child’s, in one transaction, keeping the id, the placeholder name and the EDD', async () => {
    const db = database.handle.db;
    const childId = await newUnborn('Trebilcock');
    await recordMilestone(database.deps, await worker(), childId, { milestone: 'referral', outcome: 'done', happenedOn: '2026-11-02' });
    database.clock.set(new Date('2026-11-23T10:00:00Z'));
    // a premature birth at about 33 weeks: the EDD was 15 January 2027
    await db.updateTable('person').set({ expectedDateOfDelivery: '2027-01-15' }).where('id', '=', childId).execute();
    await recordBirth(database.deps, await worker(), childId, birth);
    const person = await db.selectFrom('person').selectAll().where('id', '=', childId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      personType: 'child',
      givenName: 'Elowen',
      familyName: 'Trebilcock',
      dateOfBirth: '2026-11-20',
      gender: 'female',
      nhsNumber: '9434765919',
      expectedDateOfDelivery: '2027-01-15',
      version: 2,
    });
    expect(await db.selectFrom('personName').select(['nameType', 'givenName', 'familyName', 'usedTo']).where('personId', '=', childId).execute()).toEqual([
      { nameType: 'former', givenName: 'Baby', familyName: 'Trebilcock', usedTo: '2026-11-20' },
    ]);
    expect(await db.selectFrom('birthRecord').selectAll().where('childId', '=', childId).executeTakeFirstOrThrow()).toMatchObject({
      timeOfBirth: '04:05',
      motherMedicallyFit: false,
      expectedDateOfDelivery: '2027-01-15',
    });
    expect(await db.selectFrom('allocation').select('workerUserId').where('childId', '=', childId).executeTakeFirstOrThrow()).toEqual({
      workerUserId: DEMO_USER_IDS.socialWorker,
    });
    const audit = (await auditRows(database, 'pre-birth.birth.recorded')).at(-1);
    expect(audit).toMatchObject({ subjectId: childId, childId, outcome: 'success' });
    expect(audit?.changes).toMatchObject({
      corrected: false,
      before: { personType: 'unborn', givenName: 'Baby', dateOfBirth: null },
      after: { personType: 'child', givenName: 'Elowen', dateOfBirth: '2026-11-20', motherMedicallyFit: false },
    });

    const page = await viewPreBirthPlan(database.deps, await worker(), childId);
    const status = Object.fromEntries((page.plan?.rows ?? []).map((r) => [r.key, [r.status, r.dueOn.toString()]]));
    expect(status['referral']).toEqual(['done', '2026-07-03']);
    expect(status['review_ppm']?.[0]).toBe('overdue');
    expect(status['final_ppm']?.[0]).toBe('closed_at_birth');
    // issue: the first working day after Friday 20 November is Monday 23rd; review: 20 days (mother not fit)
    expect(status['issue_application']).toEqual(['due', '2026-11-23']);
    expect(status['post_birth_review']).toEqual(['upcoming', '2026-12-10']);
    expect(page.plan?.gestationWeeks).toBeNull();
  });

  it('refuses bad input with a message for each field, changing nothing', async () => {
    const childId = await newUnborn('Angove');
    await expect(
      recordBirth(database.deps, await worker(), childId, {
        ...birth,
        bornOn: '2026-11-24',
        timeOfBirth: '25:00',
        sex: 'x',
        givenName: ' ',
        nhsNumber: '943 476 5918',
        motherMedicallyFit: undefined,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { timeOfBirth: aMessage, sex: aMessage, givenName: aMessage, nhsNumber: aMessage, motherMedicallyFit: aMessage },
    });
    await expect(recordBirth(database.deps, await worker(), childId, { ...birth, bornOn: '2026-11-24' })).rejects.toMatchObject({
      fieldErrors: { bornOn: aMessage },
    });
    // EDD 1 June 2027: a birth before week 12 (17 November 2026) is refused as a likely typing error
    await expect(recordBirth(database.deps, await worker(), childId, { ...birth, bornOn: '2026-11-16' })).rejects.toMatchObject({
      fieldErrors: { bornOn: aMessage },
    });
    expect(await count('birthRecord', childId)).toBe(0);
    expect((await database.handle.db.selectFrom('person').select('personType').where('id', '=', childId).executeTakeFirstOrThrow()).personType).toBe('unborn');
  });

  it('corrects a birth already recorded, audited as a correction', async () => {
    const db = database.handle.db;
    const childId = await newUnborn('Hocking');
    await db.updateTable('person').set({ expectedDateOfDelivery: '2026-12-01' }).where('id', '=', childId).execute();
    await recordBirth(database.deps, await worker(), childId, { ...birth, familyName: 'Hocking', nhsNumber: '' });
    const result = await recordBirth(database.deps, await worker(), childId, {
      ...birth,
      familyName: 'Hocking',
      nhsNumber: '',
      timeOfBirth: '16:05',
      motherMedicallyFit: true,
    });
    expect(result).toEqual({ corrected: true });
    expect(await db.selectFrom('birthRecord').select(['timeOfBirth', 'motherMedicallyFit']).where('childId', '=', childId).executeTakeFirstOrThrow()).toEqual({
      timeOfBirth: '16:05',
      motherMedicallyFit: true,
    });
    expect((await auditRows(database, 'pre-birth.birth.recorded')).at(-1)?.changes).toMatchObject({
      corrected: true,
      before: { timeOfBirth: '04:05', motherMedicallyFit: false },
    });
  });
});

describe('My work', () => {
  it('lists the open milestones of unborn children in scope, with explanations, and only those the actor may see', async () => {
    expect(DUE_ITEM_SOURCES).toContain(preBirthDueItems);
    const socialWorker = await worker();
    const items = await database.handle.db
      .transaction()
      .execute(async (trx) => preBirthDueItems(trx, socialWorker.actor!, NOW, { workerId: DEMO_USER_IDS.socialWorker }));
    const demo = items.filter((i) => i.childId === DEMO_PRE_BIRTH_IDS.unborn18Weeks);
    expect(demo.map((i) => i.ruleId)).not.toContain('PB-01');
    expect(demo.map((i) => i.ruleId)).toContain('PB-03');
    expect(demo[0]?.explanation.arithmetic).toContain('days before the expected date of delivery');
    expect(items.filter((i) => i.childId === DEMO_PRE_BIRTH_IDS.lateConfirmed).map((i) => i.ruleId)).toContain('ASS-07');
    const other = await contextFor(database, DEMO_USER_IDS.otherTeamWorker);
    const otherItems = await database.handle.db
      .transaction()
      .execute(async (trx) => preBirthDueItems(trx, other.actor!, NOW, { teamIds: ['00000000-0000-0000-0000-000000000000'] }));
    expect(otherItems).toEqual([]);
    const seen = await database.handle.db
      .transaction()
      .execute(async (trx) => preBirthDueItems(trx, other.actor!, NOW, { workerId: DEMO_USER_IDS.socialWorker }));
    expect(seen).toEqual([]);
  });
});

describe('PB-05: the week-20 strategy discussion prompt', () => {
  it('prompts a strategy discussion in My work and on the page until one is convened for the unborn child, then links to it', async () => {
    const childId = await newUnborn('Week-Twenty');
    const sw = await worker();
    const dueFor = async () =>
      (await database.handle.db.transaction().execute(async (trx) => preBirthDueItems(trx, sw.actor!, NOW, { workerId: DEMO_USER_IDS.socialWorker }))).filter(
        (i) => i.childId === childId,
      );
    const prompt = (await dueFor()).find((i) => i.ruleId === 'PB-05');
    // EDD 1 June 2027: week 20 is Tuesday 12 January 2027.
    expect(prompt).toMatchObject({ what: 'Pre-birth: convene a strategy discussion (week 20, if required)', dueOn: '2027-01-12', href: `/children/${childId}/pre-birth#convene-strategy` });
    expect(prompt?.explanation.source).toContain('§14');
    const before = await viewPreBirthPlan(database.deps, sw, childId);
    expect(before.plan).toMatchObject({ strategyPrompted: true, strategyDiscussion: null });
    expect(before.mayConvene).toBe(true);

    const { strategyDiscussionId } = await conveneStrategyDiscussionForChild(database.deps, sw, childId, { urgent: false, kind: 'initial', isGroup: false, groupConcern: null, primaryNeed: 'N1' });
    expect((await dueFor()).map((i) => i.ruleId)).not.toContain('PB-05');
    const after = await viewPreBirthPlan(database.deps, sw, childId);
    expect(after.plan).toMatchObject({ strategyPrompted: false, strategyDiscussion: { id: strategyDiscussionId, status: 'to_be_held' } });
    // The unborn child's chronology shows it once, linked to the discussion.
    const chronology = await viewChronology(database.deps, sw, childId, { categories: ['meeting'], from: null, to: null });
    expect(chronology.items.filter((i) => i.origin.id === strategyDiscussionId).map((i) => [i.summary, i.origin.kind])).toEqual([['Strategy discussion asked for', 'strategy-discussion']]);
  });

  it('stops prompting once the milestone is recorded as not required, and a performance officer may not convene', async () => {
    const childId = await newUnborn('Not-Required');
    const sw = await worker();
    await recordMilestone(database.deps, sw, childId, { milestone: 'strategy', outcome: 'not_required', reason: 'Assessment found no reasonable cause to suspect significant harm' });
    const page = await viewPreBirthPlan(database.deps, sw, childId);
    expect(page.plan?.strategyPrompted).toBe(false);
    const items = await database.handle.db.transaction().execute(async (trx) => preBirthDueItems(trx, sw.actor!, NOW, { workerId: DEMO_USER_IDS.socialWorker }));
    expect(items.filter((i) => i.childId === childId).map((i) => i.ruleId)).not.toContain('PB-05');
    const officer = await contextFor(database, DEMO_USER_IDS.performanceOfficer);
    expect((await viewPreBirthPlan(database.deps, officer, childId).catch(() => ({ mayConvene: false }))).mayConvene).toBe(false);
  });
});
