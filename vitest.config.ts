import { defineConfig } from 'vitest/config';

// Projects (CONVENTIONS.md): domain (pure), integration on PGlite, the same integration tests on a
// real PostgreSQL server when TEST_DATABASE_URL (or DATABASE_URL) is set, and browser journeys.
const serverUrl = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
const integrationFiles = ['test/app/**/*.test.ts', 'test/db/**/*.test.ts', 'test/web/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/security/**/*.test.ts', 'test/reliability/**/*.test.ts'];
const env = { TZ: 'Europe/London' };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['test/domain/**/*.test.ts', 'test/returns/**/*.test.ts'], env } },
      { test: { name: 'integration', include: integrationFiles, env: { ...env, HEARTH_TEST_ENGINE: 'pglite' }, testTimeout: 30_000, hookTimeout: 60_000 } },
      ...(serverUrl === undefined || serverUrl === ''
        ? []
        : [{ test: { name: 'pg', include: integrationFiles, env: { ...env, HEARTH_TEST_ENGINE: 'postgres', TEST_DATABASE_URL: serverUrl }, testTimeout: 30_000, hookTimeout: 60_000 } }]),
      { test: { name: 'e2e', include: ['test/e2e/**/*.spec.ts'], env, testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
