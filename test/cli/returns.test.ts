// `hearth returns cin` and `hearth returns annex-a` on the demo authority: the files are written,
// progress goes to stderr, a bad year is refused.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/database.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-cli-returns-'));
const env = { ...process.env, HEARTH_DATA_DIR: dataDir, DATABASE_URL: '' };
const hearth = (...args: string[]) => run(process.execPath, ['bin/hearth.js', ...args], { env, timeout: 120_000 });

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(engineUnderTest() !== 'pglite')('hearth returns', { timeout: 240_000 }, () => {
  it('writes the census XML and the Annex A workbook, with progress on stderr', async () => {
    await hearth('seed');
    const now = new Date();
    const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    const xml = join(dataDir, 'census.xml');
    const census = await hearth('returns', 'cin', '--year', String(year), '--out', xml);
    expect(census.stderr).toMatch(/Building children: \d+\/\d+/);
    expect(census.stderr).toMatch(/Wrote .*census\.xml: \d+ children; 0 validation errors/);
    expect(readFileSync(xml, 'utf8')).toContain(`<ReferenceDate>${String(year)}-03-31</ReferenceDate>`);
    const xlsx = join(dataDir, 'annex.xlsx');
    const annex = await hearth('returns', 'annex-a', '--to', now.toISOString().slice(0, 10), '--months', '6', '--out', xlsx);
    expect(annex.stderr).toMatch(/List 1: \d+/);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a census year that is not a year', async () => {
    const failure = await hearth('returns', 'cin', '--year', 'soon', '--out', join(dataDir, 'x.xml')).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('must be a year');
    expect(existsSync(join(dataDir, 'x.xml'))).toBe(false);
  });
});
