// The dependency audit's decisions (scripts/audit-dependencies.ts), on recorded `npm audit --json`
// answers. The audit itself is not run here: it needs the registry's advisory service, and tests
// never depend on the network (RELIABILITY.md §4.9).
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isNetworkFailure, judge, reachable, summarise } from '../../scripts/audit-dependencies.ts';

const clean = { auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 1, moderate: 2, high: 0, critical: 0, total: 3 } } };
const serious = {
  auditReportVersion: 2,
  vulnerabilities: {
    'left-pad': { name: 'left-pad', severity: 'critical' },
    minimist: { name: 'minimist', severity: 'high' },
    debug: { name: 'debug', severity: 'low' },
  },
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 1, critical: 1, total: 3 } },
};
const offline = {
  error: {
    code: 'ENOTFOUND',
    summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org',
    detail: '',
  },
};

describe('npm run audit:deps (RELIABILITY.md §4.9)', () => {
  it('passes with no high or critical advisories', () => {
    expect(judge(clean)).toMatchObject({ kind: 'clean' });
  });

  it('fails naming each package with a high or critical advisory', () => {
    expect(summarise(serious).serious).toEqual(['left-pad (critical)', 'minimist (high)']);
    expect(judge(serious)).toMatchObject({ kind: 'failed', message: expect.stringContaining('left-pad (critical), minimist (high)') as string });
  });

  it('skips, saying so, when the advisory service cannot be reached', () => {
    expect(isNetworkFailure(offline)).toBe(true);
    expect(judge(offline)).toEqual({ kind: 'skipped', message: 'advisory service unreachable: skipped' });
    expect(judge({ error: { code: 'E403', summary: 'forbidden' } })).toMatchObject({ kind: 'failed' });
  });

  it('finds a registry that does not answer unreachable, quickly', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => {
          resolve(typeof address === 'object' && address !== null ? address.port : 9);
        });
      });
    });
    expect(await reachable(`http://127.0.0.1:${String(closed)}/`, 2_000)).toBe(false);
  });
});
