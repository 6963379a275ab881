import type { Command } from 'commander';
import { sweepExpiredRows } from '../../app/ops/sweep.ts';
import { systemContext } from '../../app/shared/request-context.ts';
import { FORM_SUBMISSION_RETENTION_MS, SESSION_RETENTION_AFTER_END_MS } from '../../domain/shared/retention/retention.ts';
import { out, withDatabase } from '../shared.ts';

const hours = (ms: number): string => `${String(ms / 3_600_000)} hours`;

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description(
      `delete sessions ${hours(SESSION_RETENTION_AFTER_END_MS)} after they ended or expired, and idempotency records ${String(FORM_SUBMISSION_RETENTION_MS / 86_400_000)} days after they were made (the server does this hourly)`,
    )
    .action(async () => {
      await withDatabase(async (_handle, deps) => {
        const result = await sweepExpiredRows(deps, systemContext('hearth sweep'));
        out(`Swept ${String(result.sessions)} expired session(s) and ${String(result.formSubmissions)} old idempotency record(s).`);
      });
    });
}
