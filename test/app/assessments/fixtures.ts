// Builders for the assessment tests: a referral for an assessment made by the MASH and allocated to
// the demo social worker in Family Support Team North, and an assessment started, written and
// submitted from it, each through the real use cases.
import { allocateReferral } from '../../../src/app/front-door/referrals.ts';
import { recordMashDecision } from '../../../src/app/front-door/record-mash-decision.ts';
import type { AssessmentContentInput } from '../../../src/app/assessments/assessment-input.ts';
import { saveAssessment } from '../../../src/app/assessments/save-assessment.ts';
import { startAssessment } from '../../../src/app/assessments/start-assessment.ts';
import { SECTION_KEYS } from '../../../src/domain/assessments/child-and-family-assessment.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import type { RequestContext } from '../../../src/app/shared/request-context.ts';
import type { Actor } from '../../../src/domain/shared/access/actor.ts';
import { contextFor } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { contactVersion, mashManager, screenedContact } from '../front-door/fixtures.ts';

/** The MASH decides (so the referral date is) Tuesday 7 April 2026; ASS-01 is due Thursday 11 June 2026. */
export const REFERRED_AT = new Date('2026-04-07T10:00:00Z');
export const REFERRED_ON = '2026-04-07';
export const DUE_ON = '2026-06-11';
/** The worker submits and the manager authorises on Monday 20 April 2026: 9 working days after the referral. */
export const WRITTEN_AT = new Date('2026-04-20T10:00:00Z');

export const worker = (db: TestDatabase) => contextFor(db, DEMO_USER_IDS.socialWorker);
export const manager = (db: TestDatabase) => contextFor(db, DEMO_USER_IDS.teamManager);

export function actorOf(ctx: RequestContext): Actor {
  if (ctx.actor === null) throw new Error('signed out');
  return ctx.actor;
}

export async function teamId(db: TestDatabase, code: string): Promise<string> {
  return (await db.handle.db.selectFrom('team').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A referral for an assessment to FST North (or a strategy discussion), allocated to the demo social worker. */
export async function allocatedReferral(
  db: TestDatabase,
  purpose: 'social_care_assessment' | 'strategy_discussion' = 'social_care_assessment',
): Promise<{ referralId: string; childId: string }> {
  db.clock.set(REFERRED_AT);
  const { id, childIds } = await screenedContact(db, 4);
  const result = await recordMashDecision(db.deps, await mashManager(db), id, {
    outcome: purpose,
    teamId: await teamId(db, 'FST_NORTH'),
    familyConsentsToEarlyHelp: null,
    primaryNeed: 'N1',
    rationale: 'Threshold for children’s social care is met.',
    version: await contactVersion(db, id),
  });
  const referralId = result.referralIds[0] ?? '';
  const version = (await db.handle.db.selectFrom('referral').select('version').where('id', '=', referralId).executeTakeFirstOrThrow()).version;
  await allocateReferral(db.deps, await manager(db), referralId, { workerUserId: DEMO_USER_IDS.socialWorker, version });
  return { referralId, childId: childIds[0] ?? '' };
}

export function completeContent(overrides: Partial<AssessmentContentInput> = {}): AssessmentContentInput {
  return {
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, `Synthetic ${k} text.`])) as AssessmentContentInput['sections'],
    planningChecklist: ['why_referred', 'access_child_views'],
    childSeenOn: '2026-04-08',
    childSeenAloneOn: '2026-04-08',
    notSeenAloneReason: null,
    factors: ['3B', '4B'],
    primaryNeed: 'N1',
    ...overrides,
  };
}

export async function assessmentVersion(db: TestDatabase, assessmentId: string): Promise<number> {
  return (await db.handle.db.selectFrom('assessment').select('version').where('id', '=', assessmentId).executeTakeFirstOrThrow()).version;
}

/** Started by the worker, written in full and submitted to the manager. */
export async function submittedAssessment(
  db: TestDatabase,
  content: Partial<AssessmentContentInput> = {},
): Promise<{ assessmentId: string; childId: string; referralId: string }> {
  const { referralId, childId } = await allocatedReferral(db);
  const ctx = await worker(db);
  const { assessmentId } = await startAssessment(db.deps, ctx, childId, { referralId });
  db.clock.set(WRITTEN_AT);
  await saveAssessment(
    db.deps,
    ctx,
    childId,
    assessmentId,
    { content: completeContent(content), version: await assessmentVersion(db, assessmentId) },
    { submit: true },
  );
  return { assessmentId, childId, referralId };
}
