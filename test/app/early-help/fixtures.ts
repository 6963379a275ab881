// Builders for the early help tests: a child referred for targeted early help by a real MASH decision,
// and the demo early help team's manager and workers.
import { recordMashDecision } from '../../../src/app/front-door/record-mash-decision.ts';
import type { RequestContext } from '../../../src/app/shared/request-context.ts';
import { contextFor } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';
import { contactVersion, mashManager, screenedContact } from '../front-door/fixtures.ts';

export interface EarlyHelpTeam {
  readonly teamId: string;
  readonly manager: RequestContext;
  readonly workers: readonly RequestContext[];
}

export async function earlyHelpTeam(db: TestDatabase): Promise<EarlyHelpTeam> {
  const rows = await db.handle.db
    .selectFrom('teamMembership as m')
    .innerJoin('team as t', 't.id', 'm.teamId')
    .select(['m.userId', 'm.isManager', 't.id as teamId'])
    .where('t.code', '=', 'CFP')
    .orderBy('m.userId')
    .execute();
  const manager = rows.find((r) => r.isManager);
  if (manager === undefined) throw new Error('no early help manager');
  const workers = await Promise.all(rows.filter((r) => !r.isManager).map((r) => contextFor(db, r.userId)));
  return { teamId: manager.teamId, manager: await contextFor(db, manager.userId), workers };
}

/** A level 3 contact decided for targeted early help: its early help referral id and the child. */
export async function earlyHelpReferral(db: TestDatabase): Promise<{ referralId: string; childId: string; contactId: string }> {
  const { id, childIds } = await screenedContact(db, 3);
  const result = await recordMashDecision(db.deps, await mashManager(db), id, {
    outcome: 'targeted_early_help',
    teamId: null,
    familyConsentsToEarlyHelp: true,
    rationale: 'Level 3 needs; the family agrees to early help.',
    version: await contactVersion(db, id),
  });
  const referralId = result.earlyHelpReferralIds[0];
  const childId = childIds[0];
  if (referralId === undefined || childId === undefined) throw new Error('no early help referral');
  return { referralId, childId, contactId: id };
}
