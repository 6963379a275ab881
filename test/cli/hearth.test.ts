import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { engineUnderTest } from '../support/database.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-cli-'));
const env = { ...process.env, HEARTH_DATA_DIR: dataDir, DATABASE_URL: '', HEARTH_NEW_PASSWORD: '' };
const hearth = (...args: string[]) => run(process.execPath, ['bin/hearth.js', ...args], { env, timeout: 120_000 });

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// The command line drives the embedded database; its use cases are tested on both engines elsewhere.
describe.skipIf(engineUnderTest() !== 'pglite')('the hearth command', { timeout: 240_000 }, () => {
  it('migrates, seeds, creates a user into a team, and verifies the audit chain', async () => {
    expect((await hearth('seed')).stdout).toContain('Demo authority loaded.');
    expect((await hearth('seed')).stdout).toContain('already loaded');
    const created = await hearth('create-user', '--username', 'Cli.User', '--name', 'Cli User', '--roles', 'social_worker,team_manager', '--teams', 'FST_SOUTH', '--manages', 'FST_SOUTH', '--password', 'a-long-enough-password');
    expect(created.stdout).toMatch(/Created cli\.user \([0-9a-f-]{36}\)\./);
    expect((await hearth('sweep')).stdout).toMatch(/^Swept \d+ expired session\(s\) and \d+ old idempotency record\(s\)\.$/m);
    expect((await hearth('verify-audit')).stdout).toMatch(/Audit chain intact: \d+ entries\./);
  });

  it('refuses bad input with the reasons and a non-zero exit', async () => {
    const failure = await hearth('create-user', '--username', 'x', '--name', 'X', '--roles', 'wizard', '--password', 'short').catch((e: unknown) => e as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 1 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toContain('username:');
    expect(stderr).toContain('password: Password must be 12 characters or more');
    expect(stderr).toContain('roles.0: Select a role from the list');
  });
});
