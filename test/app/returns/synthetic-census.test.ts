// The census of a generated authority (src/db/seed/synthetic): what the generator records is enough
// for a census with no validation errors.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../src/app/shared/request-context.ts';
import { seedScaleAuthority } from '../../../src/db/seed/synthetic/scale.ts';
import { produceCensus } from '../../../src/returns/produce.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedScaleAuthority(db.handle, db.clock.now(), { children: 400, seed: 7, auditHistory: false });
});

afterAll(async () => {
  await db.close();
});

describe('CIN census of a generated authority', () => {
  it('has children and no validation errors', async () => {
    const now = db.clock.now();
    const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    const outcome = await produceCensus(db.deps, systemContext('test'), year, new Writable({ write: (_c, _e, done) => done() }));
    expect(outcome.children).toBeGreaterThan(0);
    expect(outcome.failures.filter((f) => f.type === 'error').map((f) => `${f.code} ${f.where}`)).toEqual([]);
  });
});
