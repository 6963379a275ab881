import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProtectionDueItems } from '../../../src/app/child-protection/due-items.ts';
import { DUE_ITEM_SOURCES } from '../../../src/app/work/due-item-sources.ts';
import { loadActor } from '../../../src/db/admin/user-repository.ts';
import { DEMO_CHILD_IDS } from '../../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestAuthority();
});
afterAll(async () => {
  await database.close();
});

async function itemsFor(userId: string, scope: { workerId?: string; teamIds?: string[] }) {
  const actor = await loadActor(database.handle.db, userId);
  if (actor === null) throw new Error('no actor');
  return database.handle.db.transaction().execute((trx) => childProtectionDueItems(trx, actor, database.clock.now(), scope));
}

describe('child protection due items', () => {
  it('is registered for My work', () => {
    expect(DUE_ITEM_SOURCES).toContain(childProtectionDueItems);
  });

  it('lists the worker’s plan items and the pre-birth conference, each explained', async () => {
    const items = await itemsFor(DEMO_USER_IDS.socialWorker, { workerId: DEMO_USER_IDS.socialWorker });
    const mine = items.filter((i) => i.childId === DEMO_CHILD_IDS.allocated);
    expect(mine.map((i) => i.what).sort()).toEqual(['Child protection visit', 'Core group meeting', 'Review child protection conference']);
    expect(mine.every((i) => i.explanation.source.length > 0 && i.href.endsWith('/child-protection-plan'))).toBe(true);
    const unborn = items.find((i) => i.childId === DEMO_CHILD_IDS.unborn);
    expect(unborn).toMatchObject({ what: 'Initial child protection conference', ruleId: 'CP-08' });
  });

  it('shows a worker in another team nothing of Family Support Team North', async () => {
    const north = await database.handle.db.selectFrom('team').select('id').where('code', '=', 'FST_NORTH').executeTakeFirstOrThrow();
    const items = await itemsFor(DEMO_USER_IDS.otherTeamWorker, { teamIds: [north.id] });
    expect(items).toEqual([]);
  });
});
