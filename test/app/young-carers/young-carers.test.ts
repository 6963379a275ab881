// Young carers' needs assessments on PGlite: started from the child's record (a related person or a
// name), saved as a versioned draft, submitted, returned and authorised, with the rows and audit
// events written, My work's due items, and the refusals (roles, another team, own assessment, stale).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonToday } from '../../../src/app/front-door/london-time.ts';
import { AccessRefusedError, NotFoundError, StaleVersionError, ValidationError } from '../../../src/app/shared/errors.ts';
import { viewMyWork } from '../../../src/app/work/my-work.ts';
import { authoriseYoungCarerAssessment } from '../../../src/app/young-carers/authorise-young-carer-assessment.ts';
import { recordYoungCarerPlanReview } from '../../../src/app/young-carers/record-plan-review.ts';
import { returnYoungCarerAssessment } from '../../../src/app/young-carers/return-young-carer-assessment.ts';
import { saveYoungCarerAssessment } from '../../../src/app/young-carers/save-young-carer-assessment.ts';
import { startYoungCarerAssessment } from '../../../src/app/young-carers/start-young-carer-assessment.ts';
import { viewChildYoungCarers, viewYoungCarerAssessment } from '../../../src/app/young-carers/view-young-carers.ts';
import type { StartYoungCarerInput, YoungCarerContentInput } from '../../../src/app/young-carers/young-carer-input.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { toIsoDate } from '../../../src/domain/shared/time/local-date.ts';
import { supportPlanReviewDueOn, youngCarerAssessmentDueOn } from '../../../src/domain/young-carers/timescales.ts';
import { YOUNG_CARER_MESSAGES, YOUNG_CARER_SECTION_KEYS } from '../../../src/domain/young-carers/young-carer-assessment.ts';
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
const child = DEMO_CHILD_IDS.allocated;
const worker = () => contextFor(database, DEMO_USER_IDS.socialWorker);
const manager = () => contextFor(database, DEMO_USER_IDS.teamManager);
const today = () => londonToday(database.clock.now());
const version = async (id: string) => (await db().selectFrom('youngCarerAssessment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

function startInput(overrides: Partial<StartYoungCarerInput> = {}): StartYoungCarerInput {
  return {
    caredForPersonId: null,
    caredForName: 'Morgan Tilbury',
    caredForRelationship: 'sibling',
    caredForIsAdult: false,
    caredForNeeds: ['physical_disability'],
    caringTasks: ['personal_care', 'supervision'],
    caringTasksDetail: '',
    hoursPerWeek: 12,
    requestedOn: toIsoDate(today().minusDays(2)),
    requestedBy: 'parent',
    requestedByDetail: '',
    ...overrides,
  };
}

function content(overrides: Partial<YoungCarerContentInput> = {}): YoungCarerContentInput {
  return {
    sections: Object.fromEntries(YOUNG_CARER_SECTION_KEYS.map((k) => [k, `Synthetic ${k}.`])) as YoungCarerContentInput['sections'],
    youngCarerSeenOn: toIsoDate(today().minusDays(1)),
    careAppropriate: 'appropriate',
    wishesToContinueCaring: 'yes',
    outcomes: ['support_plan', 'signpost_young_carers_service'],
    ...overrides,
  };
}

async function submitted(): Promise<string> {
  const ctx = await worker();
  const { id } = await startYoungCarerAssessment(database.deps, ctx, child, startInput());
  await saveYoungCarerAssessment(database.deps, ctx, child, id, { content: content(), version: 1 }, { submit: true });
  return id;
}

describe('starting', () => {
  it('records who is cared for by name, the caring and the request, due 45 working days later, audited', async () => {
    const input = startInput();
    const { id } = await startYoungCarerAssessment(database.deps, await worker(), child, input);
    const row = await db().selectFrom('youngCarerAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      childId: child,
      workerUserId: DEMO_USER_IDS.socialWorker,
      caredForPersonId: null,
      caredForName: 'Morgan Tilbury',
      caredForRelationship: 'sibling',
      caredForIsAdult: false,
      caringTasks: ['personal_care', 'supervision'],
      hoursPerWeek: 12,
      requestedOn: input.requestedOn,
      dueOn: youngCarerAssessmentDueOn(today().minusDays(2)).toString(),
      status: 'in_progress',
      version: 1,
    });
    const audit = (await auditRows(database, 'young-carers.assessment.started')).find((a) => a.subjectId === id);
    expect(audit).toMatchObject({ childId: child, actorUserId: DEMO_USER_IDS.socialWorker });
    expect(audit?.changes).toMatchObject({ caredForRelationship: 'sibling', hoursPerWeek: 12, requestedBy: 'parent' });
    expect(JSON.stringify(audit?.changes)).not.toContain('Morgan');
  });

  it('links a person already related to the child, taking their name and whether an adult from the record', async () => {
    const ctx = await worker();
    const listed = await viewChildYoungCarers(database.deps, ctx, child);
    const parent = listed.related.find((r) => r.relationship === 'parent');
    expect(parent).toBeDefined();
    if (parent === undefined) return;
    const { id } = await startYoungCarerAssessment(
      database.deps,
      ctx,
      child,
      startInput({ caredForPersonId: parent.personId, caredForName: '', caredForRelationship: null, caredForIsAdult: null }),
    );
    const row = await db().selectFrom('youngCarerAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      caredForPersonId: parent.personId,
      caredForName: parent.name,
      caredForRelationship: 'parent',
      caredForIsAdult: parent.personType === 'adult',
    });
  });

  it('refuses a person not related to the child, a missing name, a future request date; nothing written', async () => {
    const before = (await db().selectFrom('youngCarerAssessment').select('id').execute()).length;
    const ctx = await worker();
    await expect(startYoungCarerAssessment(database.deps, ctx, child, startInput({ caredForPersonId: DEMO_CHILD_IDS.otherTeam }))).rejects.toMatchObject({
      fieldErrors: { caredForPersonId: 'Select a person related to this child' },
    });
    await expect(
      startYoungCarerAssessment(database.deps, ctx, child, startInput({ caredForName: '', caredForRelationship: null, caredForIsAdult: null })),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(startYoungCarerAssessment(database.deps, ctx, child, startInput({ requestedOn: toIsoDate(today().plusDays(1)) }))).rejects.toMatchObject({
      fieldErrors: { requestedOn: YOUNG_CARER_MESSAGES.requestedInFuture },
    });
    expect((await db().selectFrom('youngCarerAssessment').select('id').execute()).length).toBe(before);
  });

  it('refuses a role without the permission and a worker in another team (refusal audited)', async () => {
    await expect(startYoungCarerAssessment(database.deps, await contextFor(database, DEMO_USER_IDS.iro), child, startInput())).rejects.toBeInstanceOf(
      AccessRefusedError,
    );
    const other = await db().selectFrom('appUser').select('id').where('username', '=', 'other.worker').executeTakeFirstOrThrow();
    await expect(startYoungCarerAssessment(database.deps, await contextFor(database, other.id), child, startInput())).rejects.toBeInstanceOf(
      AccessRefusedError,
    );
    expect((await auditRows(database)).filter((a) => a.actorUserId === other.id && a.action.endsWith('refused')).length).toBeGreaterThan(0);
  });
});

describe('saving, submitting, returning and authorising', () => {
  it('keeps a draft with a version; refuses a stale save (audited) and leaves the draft as it was', async () => {
    const ctx = await worker();
    const { id } = await startYoungCarerAssessment(database.deps, ctx, child, startInput());
    const draft = content({ outcomes: [], careAppropriate: null, sections: { ...content().sections, leisure: 'First draft.' } });
    expect(await saveYoungCarerAssessment(database.deps, ctx, child, id, { content: draft, version: 1 }, { submit: false })).toEqual({
      version: 2,
      submitted: false,
    });
    await expect(
      saveYoungCarerAssessment(
        database.deps,
        ctx,
        child,
        id,
        { content: { ...draft, sections: { ...draft.sections, leisure: 'Stale.' } }, version: 1 },
        { submit: false },
      ),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const row = await db().selectFrom('youngCarerAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ leisure: 'First draft.', version: 2, status: 'in_progress' });
    expect((await auditRows(database, 'young-carers.young-carer-assessment.stale-save-refused')).some((a) => a.subjectId === id)).toBe(true);
    expect((await auditRows(database, 'young-carers.assessment.saved')).filter((a) => a.subjectId === id)).toHaveLength(1);
  });

  it('refuses to submit an incomplete assessment, and a draft seen before the request', async () => {
    const ctx = await worker();
    const { id } = await startYoungCarerAssessment(database.deps, ctx, child, startInput());
    await expect(
      saveYoungCarerAssessment(database.deps, ctx, child, id, { content: content({ outcomes: [] }), version: 1 }, { submit: true }),
    ).rejects.toMatchObject({
      fieldErrors: { outcomes: YOUNG_CARER_MESSAGES.outcomes },
    });
    await expect(
      saveYoungCarerAssessment(
        database.deps,
        ctx,
        child,
        id,
        { content: content({ youngCarerSeenOn: toIsoDate(today().minusDays(30)) }), version: 1 },
        { submit: false },
      ),
    ).rejects.toMatchObject({ fieldErrors: { youngCarerSeenOn: YOUNG_CARER_MESSAGES.seenBeforeRequest } });
    expect(await version(id)).toBe(1);
  });

  it('submits, is returned with comments, resubmits and is authorised with a support plan review date (rows and audit)', async () => {
    const id = await submitted();
    const row = await db().selectFrom('youngCarerAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'awaiting_authorisation', submittedByUserId: DEMO_USER_IDS.socialWorker, version: 3 });
    expect((await auditRows(database, 'young-carers.assessment.submitted')).some((a) => a.subjectId === id)).toBe(true);

    // the worker cannot authorise; nor can they edit while it waits
    await expect(authoriseYoungCarerAssessment(database.deps, await worker(), child, id, { managementComments: 'Mine.', version: 3 })).rejects.toBeInstanceOf(
      AccessRefusedError,
    );
    await expect(
      saveYoungCarerAssessment(database.deps, await worker(), child, id, { content: content(), version: 3 }, { submit: false }),
    ).rejects.toBeInstanceOf(StaleVersionError);

    await returnYoungCarerAssessment(database.deps, await manager(), child, id, { comments: 'Say more about school.', version: 3 });
    expect(await db().selectFrom('youngCarerAssessmentReturn').select('comments').where('youngCarerAssessmentId', '=', id).execute()).toEqual([
      { comments: 'Say more about school.' },
    ]);
    expect((await auditRows(database, 'young-carers.assessment.returned')).some((a) => a.subjectId === id)).toBe(true);
    const page = await viewYoungCarerAssessment(database.deps, await worker(), child, id);
    expect(page.mayEdit).toBe(true);
    expect(page.returns).toHaveLength(1);

    await saveYoungCarerAssessment(database.deps, await worker(), child, id, { content: content(), version: 4 }, { submit: true });
    // a stale authorisation is refused
    await expect(
      authoriseYoungCarerAssessment(database.deps, await manager(), child, id, { managementComments: 'Agreed.', version: 4 }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const result = await authoriseYoungCarerAssessment(database.deps, await manager(), child, id, { managementComments: 'Agreed.', version: 6 });
    const reviewDue = supportPlanReviewDueOn(today()).toString();
    expect(result).toMatchObject({ withinTimescale: true, supportPlanReviewDueOn: reviewDue });
    const authorised = await db().selectFrom('youngCarerAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(authorised).toMatchObject({
      status: 'authorised',
      authorisedByUserId: DEMO_USER_IDS.teamManager,
      authorisedOn: toIsoDate(today()),
      managementComments: 'Agreed.',
      authorisedWithinTimescale: true,
      supportPlanReviewDueOn: reviewDue,
    });
    expect((await auditRows(database, 'young-carers.assessment.authorised')).find((a) => a.subjectId === id)?.changes).toMatchObject({
      outcomes: ['support_plan', 'signpost_young_carers_service'],
      supportPlanReviewDueOn: reviewDue,
    });
  });

  it('sets no review date when there is no support plan', async () => {
    const ctx = await worker();
    const { id } = await startYoungCarerAssessment(database.deps, ctx, child, startInput());
    await saveYoungCarerAssessment(database.deps, ctx, child, id, { content: content({ outcomes: ['no_further_action'] }), version: 1 }, { submit: true });
    const result = await authoriseYoungCarerAssessment(database.deps, await manager(), child, id, { managementComments: 'No further action.', version: 3 });
    expect(result.supportPlanReviewDueOn).toBeNull();
  });

  it('an assessment of another child is not found through this child', async () => {
    const id = await submitted();
    await expect(viewYoungCarerAssessment(database.deps, await worker(), DEMO_CHILD_IDS.restricted, id)).rejects.toBeInstanceOf(AccessRefusedError);
    await expect(viewYoungCarerAssessment(database.deps, await manager(), DEMO_CHILD_IDS.restricted, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('reviewing the support plan (YC-02)', () => {
  async function authorisedWithPlan(): Promise<string> {
    const id = await submitted();
    await authoriseYoungCarerAssessment(database.deps, await manager(), child, id, { managementComments: 'Agreed.', version: 3 });
    return id;
  }

  it('records a review that continues support: the next review 3 months on, rows and audit', async () => {
    const id = await authorisedWithPlan();
    const reviewedOn = toIsoDate(today());
    const result = await recordYoungCarerPlanReview(database.deps, await worker(), child, id, {
      reviewedOn,
      summary: 'Going well.',
      continueSupport: true,
      version: 4,
    });
    expect(result.nextReviewDueOn).toBe(supportPlanReviewDueOn(today()).toString());
    const row = await db().selectFrom('youngCarerAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ supportPlanReviewFrom: reviewedOn, supportPlanReviewDueOn: result.nextReviewDueOn, supportPlanEndedOn: null, version: 5 });
    const reviews = await db().selectFrom('youngCarerPlanReview').selectAll().where('youngCarerAssessmentId', '=', id).execute();
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      reviewedOn,
      withinTimescale: true,
      continueSupport: true,
      summary: 'Going well.',
      recordedByUserId: DEMO_USER_IDS.socialWorker,
    });
    expect((await auditRows(database, 'young-carers.plan-review.recorded')).find((a) => a.subjectId === id)?.changes).toMatchObject({
      continueSupport: true,
      withinTimescale: true,
    });
    // a stale review is refused and writes nothing
    await expect(
      recordYoungCarerPlanReview(database.deps, await worker(), child, id, { reviewedOn, summary: 'Again.', continueSupport: true, version: 4 }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect(await db().selectFrom('youngCarerPlanReview').select('id').where('youngCarerAssessmentId', '=', id).execute()).toHaveLength(1);
  });

  it('ends support: no review is due any more, and none can be recorded', async () => {
    const id = await authorisedWithPlan();
    const result = await recordYoungCarerPlanReview(database.deps, await worker(), child, id, {
      reviewedOn: toIsoDate(today()),
      summary: 'Needs met.',
      continueSupport: false,
      version: 4,
    });
    expect(result.nextReviewDueOn).toBeNull();
    const row = await db().selectFrom('youngCarerAssessment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ supportPlanReviewDueOn: null, supportPlanReviewFrom: null, supportPlanEndedOn: toIsoDate(today()) });
    await expect(
      recordYoungCarerPlanReview(database.deps, await worker(), child, id, {
        reviewedOn: toIsoDate(today()),
        summary: 'Again.',
        continueSupport: true,
        version: 5,
      }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const page = await viewYoungCarerAssessment(database.deps, await worker(), child, id);
    expect(page.mayReview).toBe(false);
  });

  it('refuses a review dated before the plan, and a role without the permission', async () => {
    const id = await authorisedWithPlan();
    await expect(
      recordYoungCarerPlanReview(database.deps, await worker(), child, id, {
        reviewedOn: toIsoDate(today().minusDays(1)),
        summary: 'Early.',
        continueSupport: true,
        version: 4,
      }),
    ).rejects.toMatchObject({ fieldErrors: { reviewedOn: YOUNG_CARER_MESSAGES.reviewedBeforePlan } });
    await expect(
      recordYoungCarerPlanReview(database.deps, await contextFor(database, DEMO_USER_IDS.iro), child, id, {
        reviewedOn: toIsoDate(today()),
        summary: 'x',
        continueSupport: true,
        version: 4,
      }),
    ).rejects.toBeInstanceOf(AccessRefusedError);
    expect(await version(id)).toBe(4);
  });
});

describe('My work', () => {
  it('lists the assessments to finish and to authorise, and the support plan review, each explained', async () => {
    const mine = await viewMyWork(database.deps, await worker());
    const items = mine.myDue.filter((i) => i.ruleId === 'YC-01' || i.ruleId === 'YC-02');
    expect(items.some((i) => i.what === 'Young carer’s needs assessment' && i.childId === child)).toBe(true);
    expect(items.every((i) => i.explanation.source.length > 0 && i.href.startsWith('/young-carers/'))).toBe(true);
    const team = await viewMyWork(database.deps, await manager());
    const teamItems = team.teamDue.filter((i) => i.ruleId === 'YC-01' || i.ruleId === 'YC-02');
    expect(teamItems.some((i) => i.what.includes('awaiting authorisation'))).toBe(true);
    expect(teamItems.some((i) => i.what === 'Young carer’s support plan review')).toBe(true);
  });
});
