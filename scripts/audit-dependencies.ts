// `npm run audit:deps` (RELIABILITY.md §4.9): fails when a production dependency has a high or
// critical advisory, using `npm audit --omit=dev --audit-level=high --json`. The advisory service is
// on the internet; where it cannot be reached (an offline build machine) the check says so plainly
// and exits 0, so it never breaks a build for a reason that is not in the code. It is therefore
// not part of `npm test` or .ci/run: run it where the registry is reachable (a scheduled job, or
// before a release). HEARTH_AUDIT_REGISTRY overrides the registry it asks.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_SOCKET_TIMEOUT']);

export interface AuditSummary {
  readonly counts: Readonly<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>;
  /** Packages with a high or critical advisory, with the severity. */
  readonly serious: readonly string[];
}

export type AuditOutcome =
  | { readonly kind: 'skipped'; readonly message: string }
  | { readonly kind: 'clean'; readonly message: string; readonly summary: AuditSummary }
  | { readonly kind: 'failed'; readonly message: string; readonly summary?: AuditSummary };

const asRecord = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** Reads `npm audit --json` (npm 7 and later). */
export function summarise(report: unknown): AuditSummary {
  const metadata = asRecord(asRecord(asRecord(report)['metadata'])['vulnerabilities']);
  const count = (key: string) => (typeof metadata[key] === 'number' ? metadata[key] : 0);
  const serious = Object.entries(asRecord(asRecord(report)['vulnerabilities']))
    .map(([name, value]) => [name, asRecord(value)['severity']] as const)
    .filter(([, severity]) => severity === 'high' || severity === 'critical')
    .map(([name, severity]) => `${name} (${String(severity)})`)
    .sort();
  return { counts: { info: count('info'), low: count('low'), moderate: count('moderate'), high: count('high'), critical: count('critical') }, serious };
}

/** True when npm's JSON error says the registry could not be reached (not that it refused). */
export function isNetworkFailure(report: unknown): boolean {
  const error = asRecord(asRecord(report)['error']);
  const code = typeof error['code'] === 'string' ? error['code'] : '';
  const text = `${typeof error['summary'] === 'string' ? error['summary'] : ''} ${typeof error['detail'] === 'string' ? error['detail'] : ''}`;
  return NETWORK_CODES.has(code) || /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network|socket hang up|request to .* failed/i.test(text);
}

/** Whether the registry answers at all (any HTTP status counts), within `timeoutMs`. */
export async function reachable(registry: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    await fetch(new URL('-/npm/v1/security/advisories/bulk', registry.endsWith('/') ? registry : `${registry}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}

export function judge(report: unknown): AuditOutcome {
  if (isNetworkFailure(report)) return { kind: 'skipped', message: 'advisory service unreachable: skipped' };
  if (Object.keys(asRecord(asRecord(report)['error'])).length > 0) return { kind: 'failed', message: `npm audit failed: ${JSON.stringify(asRecord(report)['error'])}` };
  const summary = summarise(report);
  const { high, critical } = summary.counts;
  if (high + critical > 0) return { kind: 'failed', message: `${String(critical)} critical and ${String(high)} high advisories in production dependencies: ${summary.serious.join(', ')}`, summary };
  return { kind: 'clean', message: `no high or critical advisories in production dependencies (moderate ${String(summary.counts.moderate)}, low ${String(summary.counts.low)})`, summary };
}

function runNpmAudit(registry: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['audit', '--omit=dev', '--audit-level=high', '--json', '--registry', registry], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    // npm audit exits 1 when it finds advisories at the level: the JSON says what happened.
    child.once('close', () => {
      resolve(output);
    });
  });
}

export async function main(): Promise<AuditOutcome> {
  const registry = process.env['HEARTH_AUDIT_REGISTRY'] ?? process.env['npm_config_registry'] ?? DEFAULT_REGISTRY;
  if (!(await reachable(registry))) return { kind: 'skipped', message: `advisory service unreachable: skipped (${registry} did not answer)` };
  const output = await runNpmAudit(registry);
  let report: unknown;
  try {
    report = JSON.parse(output);
  } catch {
    return { kind: 'failed', message: `npm audit did not answer in JSON: ${output.slice(0, 500)}` };
  }
  return judge(report);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outcome = await main();
  process.stdout.write(`audit:deps: ${outcome.message}\n`);
  process.exitCode = outcome.kind === 'failed' ? 1 : 0;
}
