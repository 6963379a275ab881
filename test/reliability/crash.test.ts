// `npm run test:crash` as part of `npm test` (RELIABILITY.md §4.3): three SIGKILLs of the real
// server mid-write on the engine under test (PGlite here, PostgreSQL in the pg project).
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/crash-test.ts';
import { engineUnderTest } from '../support/database.ts';

describe('crash consistency (RELIABILITY.md §4.3)', () => {
  it('keeps every acknowledged write through SIGKILLs, retries in-flight writes exactly once, and the audit chain verifies', async () => {
    const lines: string[] = [];
    const [report] = await main({ rounds: 3, engines: [engineUnderTest()], serverUrl: process.env['TEST_DATABASE_URL'], log: (line) => lines.push(line) });
    expect(report, lines.join('\n')).toMatchObject({ engine: engineUnderTest(), rounds: 3 });
    expect(report?.acknowledged).toBeGreaterThan(0);
    expect(report?.auditEntries).toBeGreaterThan(report?.acknowledged ?? 0);
  }, 150_000);
});
